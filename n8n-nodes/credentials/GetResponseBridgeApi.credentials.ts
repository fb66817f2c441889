import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	Icon,
	IDataObject,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';
import {
	GETRESPONSE_ACCESS_REFUSED,
	GETRESPONSE_KEY_REJECTED,
	normalizeDomain,
} from '@ecomail-bridge/shared';

/**
 * A GetResponse API key (docs/getresponse.md §1). Named apart from n8n's built-in `getResponseApi`:
 * n8n keys credential types by name alone across all packages, so the same name would replace
 * the built-in credential (docs/n8n-platform.md §6.5). The core's client sets its own headers;
 * `authenticate` sets them on any other request (the credential test), `X-Domain` only when a
 * domain is filled in — other plans must not send it.
 */
export class GetResponseBridgeApi implements ICredentialType {
	name = 'getResponseBridgeApi';

	displayName = 'GetResponse (GoOut & Ellity) API';

	icon: Icon = {
		light: 'file:../icons/getresponse.svg',
		dark: 'file:../icons/getresponse.dark.svg',
	};

	documentationUrl =
		'https://github.com/ecomail-bridge/ecomail-bridge/tree/main/n8n-nodes#getresponse-credentials';

	properties: INodeProperties[] = [
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'The key from GetResponse → Integrations and API → API',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://api.getresponse.com/v3',
			description:
				'GetResponse MAX (Enterprise): https://api3.getresponse360.com/v3 (US) or https://api3.getresponse360.pl/v3 (PL). Otherwise change only to reach a test server.',
		},
		{
			displayName: 'MAX Domain',
			name: 'domain',
			type: 'string',
			default: '',
			placeholder: 'e.g. example.com',
			description:
				'GetResponse MAX (Enterprise) accounts only: the account’s domain, without www. Leave empty on other plans.',
		},
	];

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		request: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const domain = normalizeDomain(String(credentials.domain ?? ''));
		const auth: IDataObject = {
			'X-Auth-Token': `api-key ${String(credentials.apiKey ?? '').trim()}`,
		};
		if (domain) auth['X-Domain'] = domain;
		return { ...request, headers: { ...auth, ...request.headers } };
	}

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl.replace(/\\/+$/, "")}}',
			url: '/accounts',
		},
		rules: [
			{
				type: 'responseCode',
				properties: { value: 401, message: GETRESPONSE_KEY_REJECTED },
			},
			{
				type: 'responseCode',
				properties: { value: 403, message: GETRESPONSE_ACCESS_REFUSED },
			},
		],
	};
}
