/**
 * Credentials and workflows for the e2e run. Workflows are static JSON in ./workflows (fixed ids,
 * credentials referenced by id); credentials are written per run because they point at the
 * sandboxes' random ports. Import and publish go through n8n's own CLI (docs/n8n-platform.md §8.3/§8.4).
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { E2eContext } from './context';
import { leakCredentials } from './leak-rig';

export const WORKFLOW_IDS = {
  manualUpsert: 'e2eManualUpsert1',
  errorOutput: 'e2eErrorOutput1',
  wrongKey: 'e2eWrongKey0001',
  ellityWebhook: 'e2eEllityHook01',
  gooutPoll: 'e2eGoOutPoll001',
  idosellPoll: 'e2eIdoSellPoll01',
  gooutLongHistory: 'e2eGoOutLong001',
  ecomailListHook: 'e2eEcomailHook01',
  ecomailHookCredential: 'e2eEcomailHook02',
  gooutRaceA: 'e2eGoOutRaceA01',
  gooutRaceB: 'e2eGoOutRaceB01',
  leakEcomailRefused: 'e2eLeakEcoRefus1',
  leakEcomailStorm: 'e2eLeakEcoStorm1',
  leakEcomailOffline: 'e2eLeakEcoOffln1',
  leakGoOutDeadToken: 'e2eLeakGoOutDead',
  leakGoOutQuery5xx: 'e2eLeakGoOut5xx1',
  leakGoOutQueryReset: 'e2eLeakGoOutRst1',
  gooutToGetResponse: 'e2eGoOutToGetRsp',
  gooutToSalesManago: 'e2eGoOutToSalesM',
} as const;

/** Workflows that only run when published (activated at `n8n start`). */
export const PUBLISHED = [
  WORKFLOW_IDS.ellityWebhook,
  WORKFLOW_IDS.gooutPoll,
  WORKFLOW_IDS.idosellPoll,
  WORKFLOW_IDS.gooutLongHistory,
  WORKFLOW_IDS.ecomailListHook,
  WORKFLOW_IDS.ecomailHookCredential,
  WORKFLOW_IDS.gooutRaceA,
  WORKFLOW_IDS.gooutRaceB,
  WORKFLOW_IDS.leakGoOutDeadToken,
  WORKFLOW_IDS.leakGoOutQuery5xx,
  WORKFLOW_IDS.leakGoOutQueryReset,
  WORKFLOW_IDS.gooutToGetResponse,
  WORKFLOW_IDS.gooutToSalesManago,
];

export const CREDENTIAL_IDS = {
  ecomail: 'e2eEcomailCred01',
  ecomailWrongKey: 'e2eEcomailWrong1',
  ecomailWebhook: 'e2eEcomailHookCr',
  goout: 'e2eGoOutCred0001',
  gooutLongHistory: 'e2eGoOutLongCr01',
  gooutRace: 'e2eGoOutRaceCr01',
  idosell: 'e2eIdoSellCred01',
  ellity: 'e2eEllityCred001',
  getResponse: 'e2eGetRespCred01',
  getResponseWrongKey: 'e2eGetRespWrong1',
  salesManago: 'e2eSalesMngCred1',
  salesManagoWrongSecret: 'e2eSalesMngWrng1',
  gooutForGetResponse: 'e2eGoOutGetRsp01',
  gooutForSalesManago: 'e2eGoOutSalesM01',
} as const;

/** The secret the Ellity workflow's credential holds; the check puts it in the webhook URL. */
export const ELLITY_SECRET = 'e2e-ellity-secret-0123456789abcdefghijklmn';

/**
 * The Ecomail list webhook as the user pastes it into Ecomail: the Ecomail Trigger's production URL
 * (`webhook/<webhookId>/<path of the node's webhook>`, docs/n8n-platform.md §8.3) plus `?secret=`. The sandbox needs
 * it before n8n starts, so it is built here; the check compares it with what n8n registered.
 */
export const ECOMAIL_LIST_HOOK = {
  path: '3c9e7a52-8b1d-4f6e-a2c4-e11171e2e004/webhook',
  secret: 'e2e-ecomail-list-hook-secret-0123456789abcdef',
} as const;

/** The Ecomail Trigger of version 2 keeps its secret in an Ecomail Webhook credential. */
export const ECOMAIL_CREDENTIAL_HOOK = {
  path: '3c9e7a52-8b1d-4f6e-a2c4-e11171e2e005/webhook',
  secret: 'e2e-ecomail-credential-secret-0123456789abcdef',
} as const;

export function ecomailListHookUrl(n8nPort: number): string {
  return `http://127.0.0.1:${n8nPort}/webhook/${ECOMAIL_LIST_HOOK.path}?secret=${ECOMAIL_LIST_HOOK.secret}`;
}

const CLI_TIMEOUT_MS = 90_000;

export interface StoredCredential {
  id: string;
  name: string;
  type: string;
  data: Record<string, unknown>;
}

function credentials(context: E2eContext): unknown[] {
  const goOutTokens = context.goout.initialTokens();
  const longHistoryTokens = context.gooutLongHistory.initialTokens();
  const raceTokens = context.gooutRace.initialTokens();
  return [
    {
      id: CREDENTIAL_IDS.ecomail,
      name: 'Ecomail sandbox',
      type: 'ecomailApi',
      data: { apiKey: context.ecomail.apiKey, baseUrl: context.ecomail.url },
    },
    {
      id: CREDENTIAL_IDS.ecomailWrongKey,
      name: 'Ecomail sandbox, revoked key',
      type: 'ecomailApi',
      data: { apiKey: 'revoked-key-0000000000000000', baseUrl: context.ecomail.url },
    },
    {
      id: CREDENTIAL_IDS.ecomailWebhook,
      name: 'Ecomail webhook secret',
      type: 'ecomailWebhookApi',
      data: { secret: ECOMAIL_CREDENTIAL_HOOK.secret },
    },
    {
      id: CREDENTIAL_IDS.gooutLongHistory,
      name: 'GoOut sandbox, long history',
      type: 'goOutApi',
      data: {
        initialAccessToken: longHistoryTokens.accessToken,
        refreshToken: longHistoryTokens.refreshToken,
        baseUrl: context.gooutLongHistory.url,
      },
    },
    {
      id: CREDENTIAL_IDS.goout,
      name: 'GoOut sandbox',
      type: 'goOutApi',
      data: {
        initialAccessToken: goOutTokens.accessToken,
        refreshToken: goOutTokens.refreshToken,
        baseUrl: context.goout.url,
      },
    },
    {
      id: CREDENTIAL_IDS.gooutRace,
      name: 'GoOut sandbox, shared by two triggers',
      type: 'goOutApi',
      data: { initialAccessToken: raceTokens.accessToken, refreshToken: raceTokens.refreshToken, baseUrl: context.gooutRace.url },
    },
    {
      id: CREDENTIAL_IDS.idosell,
      name: 'IdoSell sandbox',
      type: 'idoSellApi',
      data: { shopUrl: context.idosell.url, apiKey: context.idosell.apiKey, apiVersion: '7' },
    },
    {
      id: CREDENTIAL_IDS.ellity,
      name: 'Ellity webhook secret',
      type: 'ellityWebhookApi',
      data: { secret: ELLITY_SECRET },
    },
    ...leakCredentials(context.leaks, context.ecomail.url),
    ...destinationCredentials(context),
    ...destinationGoOutCredentials(context),
  ];
}

/** The destination credentials as users save them, and a refused one of each. */
export function destinationCredentials(context: E2eContext): StoredCredential[] {
  const { getresponse, salesmanago } = context;
  const getResponse = (apiKey: string) => ({ apiKey, baseUrl: getresponse.apiUrl, domain: '' });
  const salesManago = (apiSecret: string) => ({
    baseUrl: salesmanago.url,
    clientId: salesmanago.account.clientId,
    apiKey: SALESMANAGO_API_KEY,
    apiSecret,
    owner: salesmanago.account.owner,
  });
  return [
    { id: CREDENTIAL_IDS.getResponse, name: 'GetResponse sandbox', type: 'getResponseBridgeApi', data: getResponse(getresponse.apiKey) },
    { id: CREDENTIAL_IDS.getResponseWrongKey, name: 'GetResponse sandbox, revoked key', type: 'getResponseBridgeApi', data: getResponse('revoked-gr-key') },
    { id: CREDENTIAL_IDS.salesManago, name: 'SALESmanago sandbox', type: 'salesManagoApi', data: salesManago(salesmanago.account.apiSecret) },
    { id: CREDENTIAL_IDS.salesManagoWrongSecret, name: 'SALESmanago sandbox, wrong secret', type: 'salesManagoApi', data: salesManago('wrong-secret') },
  ];
}

/** The GoOut triggers of the destination workflows: two pairs of one GoOut account, each refreshed by its own trigger. */
function destinationGoOutCredentials(context: E2eContext): StoredCredential[] {
  const goOut = (tokens: { accessToken: string; refreshToken: string }) => ({
    initialAccessToken: tokens.accessToken,
    refreshToken: tokens.refreshToken,
    baseUrl: context.gooutDestinations.url,
  });
  return [
    { id: CREDENTIAL_IDS.gooutForGetResponse, name: 'GoOut sandbox for GetResponse', type: 'goOutApi', data: goOut(context.gooutDestinations.initialTokens()) },
    { id: CREDENTIAL_IDS.gooutForSalesManago, name: 'GoOut sandbox for SALESmanago', type: 'goOutApi', data: goOut(context.gooutDestinations.initialTokens()) },
  ];
}

/** The API key our SALESmanago credential carries (users choose it; SALESmanago issues none). */
const SALESMANAGO_API_KEY = 'e2e-salesmanago-key-4b7c';

/** The workflow files, with run-specific URLs put in for their `__NAME__` placeholders. */
async function readWorkflows(placeholders: Record<string, string>): Promise<unknown[]> {
  const dir = join(__dirname, 'workflows');
  const files = (await readdir(dir)).filter((f) => f.endsWith('.json')).sort();
  return Promise.all(
    files.map(async (f) => {
      const text = (await readFile(join(dir, f), 'utf8')).replace(/__([A-Z_]+)__/g, (whole, name: string) => {
        const value = placeholders[name];
        if (value === undefined) throw new Error(`${f}: no value for placeholder ${whole}`);
        return value;
      });
      return JSON.parse(text) as unknown;
    }),
  );
}

/** import:credentials, one import:workflow for all workflows, then publish:workflow per published one. */
export async function importFixtures(context: E2eContext): Promise<void> {
  const credentialsFile = join(context.workDir, 'credentials.json');
  const workflowsFile = join(context.workDir, 'workflows.json');
  // Owner-only: the file holds the (sandbox) keys in plain text until n8n encrypts them on import.
  await writeFile(credentialsFile, JSON.stringify(credentials(context), null, 2), { mode: 0o600 });
  const workflows = await readWorkflows({
    ELLITY_RECEIVER_URL: context.ellityReceiver.url,
    ECOMAIL_LIST_HOOK_SECRET: ECOMAIL_LIST_HOOK.secret,
    GETRESPONSE_CAMPAIGN: context.getresponse.campaignIds[0],
  });
  await writeFile(workflowsFile, JSON.stringify(workflows, null, 2));

  await context.n8n.cliOk(['import:credentials', `--input=${credentialsFile}`], CLI_TIMEOUT_MS);
  await context.n8n.cliOk(['import:workflow', `--input=${workflowsFile}`], CLI_TIMEOUT_MS);
  for (const id of PUBLISHED) {
    await context.n8n.cliOk(['publish:workflow', `--id=${id}`], CLI_TIMEOUT_MS);
  }
}
