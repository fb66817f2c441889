import type {
	IAuthenticateGeneric,
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IDataObject,
	IHttpRequestHelper,
	Icon,
	INodeProperties,
} from 'n8n-workflow';
import { sleep } from 'n8n-workflow';
import { GOOUT_PATHS, GoOutTokenManager } from '@ecomail-bridge/shared';
import { createN8nTransport } from '../transport/n8nTransport';

/**
 * GoOut's pasted access + refresh token pair (docs/goout.md §2). GoOut has no OAuth flow, so n8n's
 * `preAuthentication` keeps the short-lived access token in a hidden, expirable field: it runs when
 * that field is empty and after a 401, and everything it returns is saved into the credential —
 * including a rotated refresh token, which would otherwise be lost.
 */
export class GoOutApi implements ICredentialType {
	name = 'goOutApi';

	displayName = 'GoOut API';

	icon: Icon = { light: 'file:../icons/goout.svg', dark: 'file:../icons/goout.dark.svg' };

	documentationUrl =
		'https://github.com/ecomail-bridge/ecomail-bridge/tree/main/n8n-nodes#goout-credentials';

	properties: INodeProperties[] = [
		{
			displayName: 'Access Token',
			name: 'accessToken',
			type: 'hidden',
			typeOptions: { expirable: true, password: true },
			default: '',
		},
		{
			displayName:
				'Paste both tokens of one pair from GoOut admin → API tokens. n8n then renews the access token by itself.',
			name: 'pairNotice',
			type: 'notice',
			default: '',
		},
		{
			displayName: 'Initial Access Token',
			name: 'initialAccessToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'The access token of the pair. Needed too: some GoOut accounts ask for it to renew the tokens the first time.',
		},
		{
			displayName: 'Refresh Token',
			name: 'refreshToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'The refresh token of the pair. It lapses after about 60 days; then generate a new pair and paste both tokens again.',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://goout.net',
			description: 'Change only to reach a test server',
		},
	];

	/** Refreshes through the core's token manager (both refresh variants, reply shapes, dead tokens). */
	async preAuthentication(
		this: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
	): Promise<IDataObject> {
		const tokens = await new GoOutTokenManager({
			baseUrl: (credentials.baseUrl as string) || undefined,
			transport: createN8nTransport(async (options) => await this.helpers.httpRequest(options)),
			sleep,
			initial: {
				accessToken: ((credentials.accessToken || credentials.initialAccessToken) as string) ?? '',
				refreshToken: credentials.refreshToken as string,
			},
		}).refresh();
		return { accessToken: tokens.accessToken, refreshToken: tokens.refreshToken };
	}

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: { headers: { Authorization: '=Bearer {{$credentials.accessToken}}' } },
	};

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl}}',
			url: GOOUT_PATHS.sales,
			qs: { pageIndex: 0, pageSize: 1 },
		},
	};
}
