/**
 * The core's GetResponse destination for one Zapier run, from the connection's API key, API base
 * URL (https only, plain http only for the local sandbox) and, for MAX (Enterprise) accounts, the
 * domain sent as `X-Domain` (docs/getresponse.md §1). Every request goes through `z.request`.
 */
import { createGetResponseDestination, type GetResponseDestination } from '@ecomail-bridge/shared';
import type { Bundle, ZObject } from 'zapier-platform-core';
import { secureBaseUrl } from '../platform/base-url';
import { ZAPIER_RETRY } from '../platform/retry';
import { zapierSleep } from '../platform/sleep';
import { createZapierTransport } from '../platform/zapier-transport';

interface GetResponseAuth {
  apiKey?: string;
  baseUrl?: string;
  domain?: string;
}

export function getResponseFor(z: ZObject, bundle: Bundle): GetResponseDestination {
  const auth = bundle.authData as GetResponseAuth;
  const baseUrl = secureBaseUrl(z, auth.baseUrl, 'GetResponse');
  try {
    return createGetResponseDestination({
      apiKey: auth.apiKey ?? '',
      baseUrl,
      domain: auth.domain,
      transport: createZapierTransport(z),
      sleep: zapierSleep,
      retry: ZAPIER_RETRY,
    });
  } catch (error) {
    // The core refuses a connection it cannot use (no key, a domain without a MAX API address).
    throw new z.errors.Error(`${error instanceof Error ? error.message : String(error)} Edit the GetResponse connection.`, 'InvalidInput', 400);
  }
}
