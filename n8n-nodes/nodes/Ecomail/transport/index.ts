import type {
	IExecuteFunctions,
	IHookFunctions,
	ILoadOptionsFunctions,
	IWebhookFunctions,
} from 'n8n-workflow';
import { sleep } from 'n8n-workflow';
import { EcomailClient } from '@ecomail-bridge/shared';
import { createN8nTransport } from '../../../transport/n8nTransport';

type EcomailContext =
	| IExecuteFunctions
	| ILoadOptionsFunctions
	| IHookFunctions
	| IWebhookFunctions;

/**
 * An Ecomail client whose requests n8n signs with the `ecomailApi` credential (the API key never
 * reaches the core). The rate limiter is keyed by the credential, so all nodes using one key
 * share Ecomail's 1,000 calls a minute inside this n8n process.
 */
export async function ecomailClient(context: EcomailContext): Promise<EcomailClient> {
	const credentials = await context.getCredentials<{ baseUrl?: string }>('ecomailApi');
	const credentialId = context.getNode().credentials?.ecomailApi?.id;
	return new EcomailClient({
		baseUrl: credentials.baseUrl || undefined,
		transport: createN8nTransport(
			async (options) =>
				await context.helpers.httpRequestWithAuthentication.call(context, 'ecomailApi', options),
		),
		sleep,
		limiterKey: `n8n:ecomailApi:${credentialId ?? credentials.baseUrl ?? 'default'}`,
	});
}
