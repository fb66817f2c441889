/**
 * Custom auth over SALESmanago's body-signed API v2 (docs/salesmanago.md §1): the core's client
 * adds client id, API key, request time, SHA-1 signature and owner to every request body. The test
 * asks whether the owner's own address is a contact, which needs every one of the five values to
 * be right; the label names the owner and the server, never a secret.
 */
import type { Authentication, Bundle, ZObject } from 'zapier-platform-core';
import { salesManagoFor } from './connection';

const WHERE = 'In SALESmanago open **Integration Center → API** ([SALESmanago API docs](https://docs.salesmanago.com)).';

async function test(z: ZObject, bundle: Bundle): Promise<{ owner: string; server: string }> {
  const destination = salesManagoFor(z, bundle);
  await destination.client.testConnection();
  return { owner: destination.client.owner, server: new URL(destination.client.baseUrl).host };
}

export default {
  type: 'custom',
  fields: [
    {
      key: 'endpoint',
      label: 'Endpoint',
      type: 'string',
      required: true,
      helpText: `${WHERE} The endpoint is your account's server, e.g. \`app3.salesmanago.com\`; it is reached over https only.`,
    },
    { key: 'clientId', label: 'Client ID', type: 'string', required: true, helpText: `${WHERE} Copy the **Client ID**.` },
    { key: 'apiSecret', label: 'API Secret', type: 'password', required: true, helpText: `${WHERE} Copy the **API secret**. Generating a new secret there stops this connection until you paste the new one.` },
    {
      key: 'apiKey',
      label: 'API Key',
      type: 'password',
      required: true,
      helpText:
        'SALESmanago does not issue this one: type any string of your own (for example a long random one) and keep it. It is signed together with the client ID and API secret in every request.',
    },
    {
      key: 'owner',
      label: 'Owner Email',
      type: 'string',
      required: true,
      helpText: 'The email of the SALESmanago user who owns the contacts this connection saves (your login, or the account’s main user).',
    },
  ],
  test,
  connectionLabel: '{{bundle.inputData.owner}} ({{bundle.inputData.server}})',
} satisfies Authentication;
