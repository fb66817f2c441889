import { EcomailClient } from '@ecomail-bridge/shared';
import type { Bundle, ZObject } from 'zapier-platform-core';
import { secureBaseUrl } from '../platform/base-url';
import { ZAPIER_RETRY } from '../platform/retry';
import { zapierSleep } from '../platform/sleep';
import { createZapierTransport } from '../platform/zapier-transport';

/** The core's Ecomail client for one Zapier run, talking through `z.request`. */
export function ecomailClient(z: ZObject, bundle: Bundle): EcomailClient {
  return new EcomailClient({
    apiKey: bundle.authData.apiKey,
    baseUrl: secureBaseUrl(z, bundle.authData.baseUrl, 'Ecomail'),
    transport: createZapierTransport(z),
    sleep: zapierSleep,
    retry: ZAPIER_RETRY,
  });
}
