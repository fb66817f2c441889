/**
 * The core's IdoSell client for one Zapier run, from the connection's shop URL (https, or the
 * local sandbox), API key and version.
 */
import { IdoSellClient } from '@ecomail-bridge/shared';
import type { Bundle, ZObject } from 'zapier-platform-core';
import { secureBaseUrl } from '../platform/base-url';
import { ZAPIER_RETRY } from '../platform/retry';
import { zapierSleep } from '../platform/sleep';
import { createZapierTransport } from '../platform/zapier-transport';

export function idoSellClient(z: ZObject, bundle: Bundle): IdoSellClient {
  const auth = bundle.authData as { shopUrl?: string; apiKey?: string; apiVersion?: string };
  const shopUrl = secureBaseUrl(z, auth.shopUrl, 'IdoSell shop');
  if (!shopUrl) throw new z.errors.Error('The IdoSell connection has no Shop URL: reconnect with the address of your shop panel.', 'InvalidInput', 400);
  return new IdoSellClient({
    shopUrl,
    apiKey: auth.apiKey ?? '',
    apiVersion: auth.apiVersion || undefined,
    transport: createZapierTransport(z),
    sleep: zapierSleep,
    retry: ZAPIER_RETRY,
  });
}
