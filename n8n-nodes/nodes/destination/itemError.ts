import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type { Destination } from '@ecomail-bridge/shared';
import { itemErrorMessage, type ItemErrorOf } from '../Ecomail/actions/itemError';

/** How a destination node words what went wrong with its service. */
export interface ErrorWording {
	destination: Pick<Destination, 'isAuthError'>;
	/** What to do when the service refused the credential. */
	credentialHelp: string;
}

/**
 * One input item's failure as n8n shows it: "[item N] what happened", with the credential help
 * when the service refused the credential and the HTTP status when the service answered one.
 */
export function destinationItemError(wording: ErrorWording): ItemErrorOf {
	return (node, error, itemIndex) => {
		if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
		const message = itemErrorMessage(error, itemIndex);
		const refused = wording.destination.isAuthError(error);
		const status = httpStatusOf(error);
		if (status === undefined && !refused)
			return new NodeOperationError(node, message, { itemIndex });
		return new NodeApiError(
			node,
			{
				message: error instanceof Error ? error.message : String(error),
				...(status === undefined ? {} : { status }),
			},
			{
				message,
				description: refused ? wording.credentialHelp : undefined,
				httpCode: status === undefined ? undefined : String(status),
				itemIndex,
			},
		);
	};
}

/** The HTTP status a service error carries (the core's API errors name it `status`; 0 = no answer). */
function httpStatusOf(error: unknown): number | undefined {
	const status = (error as { status?: unknown } | undefined)?.status;
	return typeof status === 'number' && status > 0 ? status : undefined;
}
