import type { IExecuteFunctions, ILoadOptionsFunctions } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';
import { createGetResponseDestination, type GetResponseDestination } from '@ecomail-bridge/shared';
import { createN8nTransport } from '../../transport/n8nTransport';

/** What to do when GetResponse refused the credential. */
export const GETRESPONSE_CREDENTIAL_HELP =
	'Open the GetResponse credential and paste the current key from Integrations and API → API; for a MAX account check the domain and API address too';

interface GetResponseCredentialData {
	apiKey: string;
	baseUrl?: string;
	domain?: string;
}

/**
 * The core's GetResponse destination on the node's credential. Its client sets the key and
 * domain headers itself and paces by GetResponse's rate headers; n8n sends its calls through the
 * credential, which leaves those headers as they are.
 */
export async function getResponseDestinationFor(
	context: IExecuteFunctions | ILoadOptionsFunctions,
): Promise<GetResponseDestination> {
	const credentials =
		await context.getCredentials<GetResponseCredentialData>('getResponseBridgeApi');
	return createGetResponseDestination({
		apiKey: credentials.apiKey,
		baseUrl: credentials.baseUrl || undefined,
		domain: credentials.domain || undefined,
		transport: createN8nTransport(
			async (options) =>
				await context.helpers.httpRequestWithAuthentication.call(
					context,
					'getResponseBridgeApi',
					options,
				),
		),
		sleep,
	});
}
