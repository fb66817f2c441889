/** The core's Ecomail client on the Node runtime, as the CLI builds it, with its retries counted. */
import { EcomailClient, createNodeRuntime, type RetryInfo } from '@ecomail-bridge/shared/node';
import type { EcomailSandbox } from '../../sandbox/ecomail';
import { SECRETS } from './secrets';

export interface CountedClient {
  client: EcomailClient;
  retries: RetryInfo[];
}

export function coreClient(sandbox: EcomailSandbox, apiKey = SECRETS.ecomailKey): CountedClient {
  const retries: RetryInfo[] = [];
  const client = new EcomailClient({
    apiKey,
    baseUrl: sandbox.url,
    ...createNodeRuntime(),
    onRetry: (info) => retries.push(info),
  });
  return { client, retries };
}
