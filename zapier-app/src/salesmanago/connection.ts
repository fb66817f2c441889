/**
 * The core's SALESmanago destination for one Zapier run, from the connection's fields: the
 * account's endpoint (a bare host means https; plain http only for the local sandbox), client id,
 * API secret, the API key string the user chose and the owner's e-mail. Every request goes through
 * `z.request`; the core signs each one (docs/salesmanago.md §1).
 */
import { createSalesManagoDestination, normalizeSalesManagoEndpoint, type SalesManagoDestination } from '@ecomail-bridge/shared';
import type { Bundle, ZObject } from 'zapier-platform-core';
import { secureBaseUrl } from '../platform/base-url';
import { ZAPIER_RETRY } from '../platform/retry';
import { zapierSleep } from '../platform/sleep';
import { createZapierTransport } from '../platform/zapier-transport';

export interface SalesManagoAuth {
  endpoint?: string;
  clientId?: string;
  apiSecret?: string;
  apiKey?: string;
  owner?: string;
}

/** The connection's required values besides the endpoint, by their labels. */
const REQUIRED = { clientId: 'Client ID', apiSecret: 'API Secret', apiKey: 'API Key', owner: 'Owner Email' };

const RECONNECT = 'Edit the SALESmanago connection: the values are in SALESmanago → Integration Center → API.';

/** The endpoint as the core stores it, refused unless https (or the local sandbox). */
export function salesManagoEndpoint(z: ZObject, raw: string | undefined): string {
  let endpoint: string;
  try {
    endpoint = normalizeSalesManagoEndpoint(raw ?? '');
  } catch (error) {
    throw new z.errors.Error(`${error instanceof Error ? error.message : String(error)}. ${RECONNECT}`, 'InvalidInput', 400);
  }
  return secureBaseUrl(z, endpoint, 'SALESmanago') ?? endpoint;
}

export function salesManagoFor(z: ZObject, bundle: Bundle): SalesManagoDestination {
  const auth = bundle.authData as SalesManagoAuth;
  const missing = Object.entries(REQUIRED).flatMap(([key, label]) => (auth[key as keyof SalesManagoAuth]?.trim() ? [] : [label]));
  if (missing.length) throw new z.errors.Error(`The SALESmanago connection lacks ${missing.join(', ')}. ${RECONNECT}`, 'InvalidInput', 400);
  return createSalesManagoDestination({
    baseUrl: salesManagoEndpoint(z, auth.endpoint),
    clientId: auth.clientId ?? '',
    apiSecret: auth.apiSecret ?? '',
    apiKey: auth.apiKey ?? '',
    owner: auth.owner ?? '',
    transport: createZapierTransport(z),
    sleep: zapierSleep,
    retry: ZAPIER_RETRY,
  });
}
