import type {
	IAuthenticateGeneric,
	ICredentialTestRequest,
	ICredentialType,
	Icon,
	INodeProperties,
} from 'n8n-workflow';
import { DEFAULT_API_VERSION, IDOSELL_GATES } from '@ecomail-bridge/shared';

/** A shop's Admin API key (docs/idosell.md §2), sent as `X-API-KEY`. */
export class IdoSellApi implements ICredentialType {
	name = 'idoSellApi';

	displayName = 'IdoSell API';

	icon: Icon = { light: 'file:../icons/idosell.svg', dark: 'file:../icons/idosell.dark.svg' };

	documentationUrl =
		'https://github.com/ecomail-bridge/ecomail-bridge/tree/main/n8n-nodes#idosell-credentials';

	properties: INodeProperties[] = [
		{
			displayName: 'Shop URL',
			name: 'shopUrl',
			type: 'string',
			default: '',
			placeholder: 'https://client1234.idosell.com',
			required: true,
			description: 'The address of the shop panel',
		},
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'Shop panel → Administration → API → Admin API access keys. Give it read access to orders, customers and products.',
		},
		{
			displayName: 'API Version',
			name: 'apiVersion',
			type: 'string',
			default: DEFAULT_API_VERSION,
			description: 'Admin API version, e.g. 7 or 8.1',
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: { headers: { 'X-API-KEY': '={{$credentials.apiKey}}' } },
	};

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.shopUrl.replace(/\\/+$/, "")}}/api/admin/v{{$credentials.apiVersion}}',
			url: IDOSELL_GATES.categories,
		},
	};
}
