import type { IPollFunctions } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';
import { IdoSellClient, IdoSellOrderSource } from '@ecomail-bridge/shared';
import { createN8nTransport } from '../../transport/n8nTransport';

/** The core's order source over the `idoSellApi` credential (n8n puts the key on every request). */
export async function idoSellOrderSource(context: IPollFunctions): Promise<IdoSellOrderSource> {
	const credentials = await context.getCredentials<{ shopUrl: string; apiKey: string; apiVersion?: string }>(
		'idoSellApi',
	);
	const client = new IdoSellClient({
		shopUrl: credentials.shopUrl,
		apiKey: credentials.apiKey,
		apiVersion: credentials.apiVersion || undefined,
		transport: createN8nTransport(
			async (options) =>
				await context.helpers.httpRequestWithAuthentication.call(context, 'idoSellApi', options),
		),
		sleep,
	});
	return new IdoSellOrderSource(client);
}
