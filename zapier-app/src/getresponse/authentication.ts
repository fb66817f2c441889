/**
 * Custom auth over a GetResponse API key (`X-Auth-Token: api-key …`, set by the core's client),
 * with the API address and, for MAX (Enterprise) accounts, the account's domain. The test reads
 * the account behind the key; the label is its email (or id), never the key.
 */
import { GETRESPONSE_DEFAULT_BASE_URL, GETRESPONSE_ENTERPRISE_BASE_URLS } from '@ecomail-bridge/shared';
import type { Authentication, Bundle, ZObject } from 'zapier-platform-core';
import { getResponseFor } from './connection';

async function test(z: ZObject, bundle: Bundle): Promise<{ account: string }> {
  const account = await getResponseFor(z, bundle).client.getAccount();
  return { account: account.email || account.companyName || `account ${account.accountId}` };
}

export default {
  type: 'custom',
  fields: [
    {
      key: 'apiKey',
      label: 'API Key',
      type: 'password',
      required: true,
      helpText:
        'In GetResponse open **Integrations and API → API** and generate or copy an API key ([GetResponse API docs](https://apidocs.getresponse.com/v3)). A deleted key stops working at once.',
    },
    {
      key: 'baseUrl',
      label: 'API Base URL',
      type: 'string',
      required: false,
      default: GETRESPONSE_DEFAULT_BASE_URL,
      helpText: `Leave as it is unless you have GetResponse MAX (Enterprise): then \`${GETRESPONSE_ENTERPRISE_BASE_URLS.us}\` (US) or \`${GETRESPONSE_ENTERPRISE_BASE_URLS.pl}\` (PL). Only \`https://\` addresses are accepted.`,
    },
    {
      key: 'domain',
      label: 'MAX Account Domain',
      type: 'string',
      required: false,
      helpText: 'GetResponse MAX (Enterprise) only: your account’s domain, e.g. `example.com` (no `www.`, no `https://`). Leave empty on every other plan.',
    },
  ],
  test,
  connectionLabel: '{{bundle.inputData.account}}',
} satisfies Authentication;
