import type { IPollFunctions } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';
import {
	GoOutClient,
	GoOutPurchaseSource,
	GoOutTokenManager,
	type HttpTransport,
} from '@ecomail-bridge/shared';
import { createN8nTransport } from '../../transport/n8nTransport';

/**
 * In n8n the `goOutApi` credential owns token refresh (its `preAuthentication` runs on a 401 and
 * saves the rotated pair); the core's token manager must never refresh on its own, or a rotated
 * refresh token would be used and lost. So its refresh endpoint answers "refused", which the core
 * turns into its "reconnect GoOut" error once n8n's own refresh has already failed.
 */
const refreshOwnedByCredential: HttpTransport = async () => ({
	status: 401,
	headers: {},
	body: {
		error: 'invalid_grant',
		message: 'the n8n credential could not refresh the GoOut tokens',
	},
});

export async function goOutPurchaseSource(context: IPollFunctions): Promise<GoOutPurchaseSource> {
	const credentials = await context.getCredentials<{
		accessToken?: string;
		initialAccessToken?: string;
		refreshToken?: string;
		baseUrl?: string;
	}>('goOutApi');
	const baseUrl = credentials.baseUrl || undefined;
	const tokens = new GoOutTokenManager({
		baseUrl,
		transport: refreshOwnedByCredential,
		sleep,
		// The header this puts on requests is replaced by n8n's credential authentication.
		initial: {
			accessToken: credentials.accessToken || credentials.initialAccessToken || 'n8n-credential',
			refreshToken: credentials.refreshToken ?? '',
		},
	});
	const client = new GoOutClient({
		baseUrl,
		transport: createN8nTransport(
			async (options) =>
				await context.helpers.httpRequestWithAuthentication.call(context, 'goOutApi', options),
			{ refreshOn: [401] },
		),
		sleep,
		tokens,
	});
	return new GoOutPurchaseSource(client);
}
