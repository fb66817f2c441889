/**
 * The core's GoOut client for one trigger run: tokens from the run's token manager (a refresh it
 * wants ends the run with RefreshAuthError, see session.ts) and the connection's base URL, which
 * must be https.
 */
import { GoOutClient } from '@ecomail-bridge/shared';
import type { Bundle, ZObject } from 'zapier-platform-core';
import { secureBaseUrl } from '../platform/base-url';
import { ZAPIER_RETRY } from '../platform/retry';
import { zapierSleep } from '../platform/sleep';
import { createZapierTransport } from '../platform/zapier-transport';
import { withGoOutErrors } from './errors';
import { baseUrlOf, runTokenManager } from './session';

export async function withGoOutClient<T>(z: ZObject, bundle: Bundle, run: (client: GoOutClient) => Promise<T>): Promise<T> {
  const baseUrl = secureBaseUrl(z, baseUrlOf(bundle), 'GoOut') ?? baseUrlOf(bundle);
  const { tokens, refreshWanted } = runTokenManager(bundle);
  const client = new GoOutClient({ baseUrl, transport: createZapierTransport(z), sleep: zapierSleep, tokens, retry: ZAPIER_RETRY });
  return withGoOutErrors(z, () => run(client), refreshWanted);
}
