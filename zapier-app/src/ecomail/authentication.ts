import { ECOMAIL_DEFAULT_BASE_URL } from '@ecomail-bridge/shared';
import type { Authentication, Bundle, ZObject } from 'zapier-platform-core';
import { ecomailClient } from './client';

/**
 * Custom auth: the account's API key (sent as the `key` header by the core's client) and the API
 * host. `test` reads the lists; Ecomail has no "who am I" endpoint, so the connection label names
 * the sender address of the first list (docs/ecomail-api.md §2), else the number of lists.
 */
async function test(z: ZObject, bundle: Bundle): Promise<{ account: string; lists: number }> {
  const lists = await ecomailClient(z, bundle).getLists();
  const sender = lists.find((list) => list.from_email)?.from_email;
  return { account: sender ?? `${lists.length} list${lists.length === 1 ? '' : 's'}`, lists: lists.length };
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
        'In Ecomail open **Manage account → For developers** and copy the API key ([Ecomail API docs](https://docs.ecomail.cz/api-reference/introduction)). Only account admins see it; generating a new key stops the old one at once.',
    },
    {
      key: 'baseUrl',
      label: 'API Base URL',
      type: 'string',
      required: false,
      default: ECOMAIL_DEFAULT_BASE_URL,
      helpText:
        'Leave as it is for accounts on ecomail.cz. Accounts on the international ecomail.app use `https://api2.ecomailapp.com`. Only `https://` addresses are accepted.',
    },
  ],
  test,
  connectionLabel: '{{bundle.inputData.account}}',
} satisfies Authentication;
