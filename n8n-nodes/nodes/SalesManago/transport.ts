import type { IExecuteFunctions } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';
import { createSalesManagoDestination, type SalesManagoDestination } from '@ecomail-bridge/shared';
import { createN8nTransport } from '../../transport/n8nTransport';

/** What to do when SALESmanago refused the credential. */
export const SALESMANAGO_CREDENTIAL_HELP =
	'Open the SALESmanago credential and check the values from Integration Center → API';

interface SalesManagoCredentialData {
	baseUrl: string;
	clientId: string;
	apiKey: string;
	apiSecret: string;
	owner: string;
}

/**
 * The core's SALESmanago destination on the node's credential. Its client signs each call itself
 * (a fresh request time per attempt); n8n sends them through the credential, whose own signing
 * then leaves the fields as they are.
 */
export async function salesManagoDestinationFor(
	context: IExecuteFunctions,
): Promise<SalesManagoDestination> {
	const credentials = await context.getCredentials<SalesManagoCredentialData>('salesManagoApi');
	return createSalesManagoDestination({
		baseUrl: credentials.baseUrl,
		clientId: credentials.clientId,
		apiKey: credentials.apiKey,
		apiSecret: credentials.apiSecret,
		owner: credentials.owner,
		transport: createN8nTransport(
			async (options) =>
				await context.helpers.httpRequestWithAuthentication.call(
					context,
					'salesManagoApi',
					options,
				),
		),
		sleep,
	});
}
