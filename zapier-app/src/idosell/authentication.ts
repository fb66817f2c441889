/** Custom auth over a shop's Admin API key (docs/idosell.md §2); the test reads the category list once. */
import { DEFAULT_API_VERSION, IDOSELL_GATES } from '@ecomail-bridge/shared';
import type { Authentication, Bundle, ZObject } from 'zapier-platform-core';
import { idoSellClient } from './run-client';

async function test(z: ZObject, bundle: Bundle): Promise<{ shop: string }> {
  await idoSellClient(z, bundle).get(IDOSELL_GATES.categories);
  return { shop: String((bundle.authData as { shopUrl?: string }).shopUrl ?? '').replace(/^https?:\/\//, '').replace(/\/.*$/, '') };
}

export default {
  type: 'custom',
  fields: [
    { key: 'shopUrl', label: 'Shop URL', type: 'string', required: true, helpText: 'The address of your shop panel, e.g. `https://client1234.idosell.com`.' },
    {
      key: 'apiKey',
      label: 'API Key',
      type: 'password',
      required: true,
      helpText: 'In the shop panel open **Administration → API → Admin API access keys** and create a key with read access to orders, customers and products.',
    },
    { key: 'apiVersion', label: 'API Version', type: 'string', required: false, default: DEFAULT_API_VERSION, helpText: 'Leave as it is unless IdoSell asks you to change it.' },
  ],
  test,
  connectionLabel: '{{bundle.inputData.shop}}',
} satisfies Authentication;
