import type { IPollFunctions } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';
import {
	GoOutClient,
	GoOutPurchaseSource,
	GoOutTokenManager,
	type HttpTransport,
	type StateStore,
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

interface GoOutCredential {
	accessToken?: string;
	initialAccessToken?: string;
	refreshToken?: string;
	baseUrl?: string;
}

/**
 * The credential as n8n stores it at this moment, as the token manager's state store. Two
 * executions refreshing from one stored pair race: the first rotates the refresh token and n8n
 * saves its pair, the second's `preAuthentication` is refused like a dead token. The credential
 * hook cannot look again (it gets the copy n8n read before the call and may only send requests),
 * but a node can: `getCredentials` reads n8n's database on every call. So the core's race rule
 * (look for a pair saved since, docs/goout.md §2.2) reads the winner's pair from here, and the
 * request is retried with it. Only n8n saves the credential (what `preAuthentication` returns), so
 * `set` keeps nothing.
 */
function credentialState(context: IPollFunctions): StateStore {
	return {
		get: async <T>() => {
			const { accessToken, refreshToken } =
				await context.getCredentials<GoOutCredential>('goOutApi');
			if (!accessToken || !refreshToken) return undefined;
			return (await tokenManager(accessToken, refreshToken).current()) as T;
		},
		set: async () => undefined,
	};
}

/**
 * The core's token manager over a pair n8n stored, dated like a pasted pair (n8n keeps no dates);
 * its own refresh always answers "refused" (see refreshOwnedByCredential).
 */
function tokenManager(
	accessToken: string,
	refreshToken: string,
	baseUrl?: string,
	state?: StateStore,
): GoOutTokenManager {
	return new GoOutTokenManager({
		baseUrl,
		transport: refreshOwnedByCredential,
		sleep,
		initial: { accessToken, refreshToken },
		state,
	});
}

export async function goOutPurchaseSource(context: IPollFunctions): Promise<GoOutPurchaseSource> {
	const credentials = await context.getCredentials<GoOutCredential>('goOutApi');
	const baseUrl = credentials.baseUrl || undefined;
	// The header this puts on requests is replaced by n8n's credential authentication.
	const tokens = tokenManager(
		credentials.accessToken || credentials.initialAccessToken || 'n8n-credential',
		credentials.refreshToken ?? '',
		baseUrl,
		credentialState(context),
	);
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
