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
	normalizeSalesManagoEndpoint,
	SALESMANAGO_CREDENTIALS_REFUSED,
	salesManagoSha,
} from '@ecomail-bridge/shared';

/**
 * SALESmanago's API v2 signs every call in its JSON body (docs/salesmanago.md §1): client id, the
 * chosen API key, the time and a SHA-1 over key, client id and secret, plus the owner. The core's
 * client signs its own calls; `authenticate` signs any other (the credential test) and reads a
 * pasted endpoint as the core does.
 */
export class SalesManagoApi implements ICredentialType {
	name = 'salesManagoApi';

	displayName = 'SALESmanago API';

	icon: Icon = {
		light: 'file:../icons/salesmanago.svg',
		dark: 'file:../icons/salesmanago.dark.svg',
	};

	documentationUrl =
		'https://github.com/ecomail-bridge/ecomail-bridge/tree/main/n8n-nodes#salesmanago-credentials';

	properties: INodeProperties[] = [
		{
			displayName: 'Endpoint',
			name: 'baseUrl',
			type: 'string',
			default: '',
			placeholder: 'e.g. https://app3.salesmanago.com',
			required: true,
			description: 'The endpoint of the account from SALESmanago → Integration Center → API',
		},
		{
			displayName: 'Client ID',
			name: 'clientId',
			type: 'string',
			default: '',
			required: true,
			description: 'From SALESmanago → Integration Center → API',
		},
		{
			displayName: 'API Secret',
			name: 'apiSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'From SALESmanago → Integration Center → API',
		},
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'Any string of your choice, kept the same from now on (SALESmanago does not issue it), e.g. the output of openssl rand -hex 16',
		},
		{
			displayName: 'Owner Email',
			name: 'owner',
			type: 'string',
			placeholder: 'name@email.com',
			default: '',
			required: true,
			description: 'E-mail of the SALESmanago user who owns the contacts',
		},
	];

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		request: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const signing = {
			clientId: String(credentials.clientId ?? '').trim(),
			apiKey: String(credentials.apiKey ?? '').trim(),
			apiSecret: String(credentials.apiSecret ?? '').trim(),
		};
		const auth = {
			clientId: signing.clientId,
			apiKey: signing.apiKey,
			requestTime: Date.now(),
			sha: salesManagoSha(signing),
			owner: String(credentials.owner ?? '').trim(),
		};
		return {
			...request,
			...(request.baseURL ? { baseURL: normalizeSalesManagoEndpoint(request.baseURL) } : {}),
			// Fields the request already carries are the core's signature: kept as they are.
			body: { ...auth, ...(request.body as IDataObject) },
		};
	}

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl}}',
			url: '/api/contact/hasContact',
			method: 'POST',
			body: { email: '={{$credentials.owner}}' },
		},
		rules: [
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'success',
					value: false,
					message: SALESMANAGO_CREDENTIALS_REFUSED,
				},
			},
		],
	};
}
