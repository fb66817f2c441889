/**
 * `npm run sandbox`: starts the sandboxes for people and shells, until Ctrl+C.
 * PORT (default 8787, 0 = random) is the Ecomail sandbox's port. ECOMAIL_SANDBOX_WEBHOOK_URL,
 * when set, receives the list status webhook. GOOUT_PORT (default 8788) is the GoOut sandbox's
 * port; GOOUT_SEED (default 500) how many sample purchases it holds. IDOSELL_PORT (default 8789) is the
 * IdoSell sandbox shop's port; IDOSELL_SEED (default 500) how many orders it holds.
 * GETRESPONSE_PORT (default 8790) is the GetResponse sandbox's port.
 * SALESMANAGO_PORT (default 8791) is the SALESmanago sandbox's port.
 */
import { startEcomailSandbox } from './ecomail';
import { startGetResponseSandbox } from './getresponse';
import { startGoOutSandbox } from './goout';
import { startIdoSellSandbox } from './idosell';
import { startSalesManagoSandbox } from './salesmanago';

interface RunningSandbox {
  name: string;
  url: string;
  /** Extra banner lines. */
  details: string[];
  close(): Promise<void>;
}

const DEFAULT_ECOMAIL_PORT = 8787;
const DEFAULT_GOOUT_PORT = 8788;
const DEFAULT_IDOSELL_PORT = 8789;
const DEFAULT_GETRESPONSE_PORT = 8790;
const DEFAULT_SALESMANAGO_PORT = 8791;

function portFromEnv(value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new RangeError(`PORT must be 0..65535, got "${value}"`);
  return port;
}

async function startEcomail(): Promise<RunningSandbox> {
  const sandbox = await startEcomailSandbox({
    port: portFromEnv(process.env.PORT, DEFAULT_ECOMAIL_PORT),
    listWebhookUrl: process.env.ECOMAIL_SANDBOX_WEBHOOK_URL || undefined,
  });
  // Read through the inspection route so the banner neither shows in calls() nor counts as traffic.
  const lists = (await fetch(`${sandbox.url}/__sandbox/lists`).then((r) => r.json())) as {
    id: number;
    name: string;
  }[];
  return {
    name: 'Ecomail',
    url: sandbox.url,
    details: [
      // A fixed fake key of a local sandbox, not a credential: printing it is the point.
      `API key (header "key"): ${sandbox.apiKey}`,
      `lists: ${lists.map((list) => `${list.id} "${list.name}"`).join(', ')}`,
      `inspect: GET ${sandbox.url}/__sandbox/{lists,contacts,calls,events,transactions,pipeline-triggers}`,
      `control: POST ${sandbox.url}/__sandbox/{reset,faults,rate-limit}, POST ${sandbox.url}/__sandbox/lists/{id}/simulate-unsubscribe`,
    ],
    close: () => sandbox.close(),
  };
}

async function startGoOut(): Promise<RunningSandbox> {
  const sandbox = await startGoOutSandbox({ port: portFromEnv(process.env.GOOUT_PORT, DEFAULT_GOOUT_PORT) });
  const seeded = sandbox.seed(Number(process.env.GOOUT_SEED ?? 500) || 500);
  const tokens = sandbox.initialTokens();
  return {
    name: 'GoOut',
    url: sandbox.url,
    details: [
      // Tokens of a local sandbox, not credentials: the user pastes them into n8n or the CLI.
      `access token: ${tokens.accessToken}`,
      `refresh token: ${tokens.refreshToken}`,
      `organizer ${seeded.organizerId}: ${seeded.purchases} purchases in ${seeded.sales} sales`,
    ],
    close: () => sandbox.close(),
  };
}

async function startIdoSell(): Promise<RunningSandbox> {
  const sandbox = await startIdoSellSandbox({ port: portFromEnv(process.env.IDOSELL_PORT, DEFAULT_IDOSELL_PORT) });
  const data = sandbox.seed(Number(process.env.IDOSELL_SEED ?? 500) || 500);
  return {
    name: 'IdoSell',
    url: sandbox.url,
    details: [
      // A fixed fake key of a local sandbox shop, not a credential: IDOSELL_API_KEY for the CLI.
      `shop URL: ${sandbox.url} (IDOSELL_SHOP_URL), API key (header "X-API-KEY"): ${sandbox.apiKey}`,
      `shops 1 (Czech, CZK) and 2 (Polish, PLN): ${data.orders.length} orders, ${data.clients.length} customer accounts, ${data.subscribers.length} newsletter subscribers`,
    ],
    close: () => sandbox.close(),
  };
}

async function startGetResponse(): Promise<RunningSandbox> {
  const sandbox = await startGetResponseSandbox({ port: portFromEnv(process.env.GETRESPONSE_PORT, DEFAULT_GETRESPONSE_PORT) });
  return {
    name: 'GetResponse',
    url: sandbox.apiUrl,
    details: [
      // A fixed fake key of a local sandbox, not a credential: GETRESPONSE_API_KEY for the CLI.
      `API key (GETRESPONSE_API_KEY; header "X-Auth-Token: api-key …"): ${sandbox.apiKey}, GETRESPONSE_BASE_URL=${sandbox.apiUrl}`,
      `campaigns (--campaign): ${sandbox.campaignIds.join(', ')}; inspect and control: ${sandbox.url}/__sandbox/{contacts,imports,calls,faults,queue,race,reset}`,
    ],
    close: () => sandbox.close(),
  };
}

async function startSalesManago(): Promise<RunningSandbox> {
  const sandbox = await startSalesManagoSandbox({ port: portFromEnv(process.env.SALESMANAGO_PORT, DEFAULT_SALESMANAGO_PORT) });
  const { clientId, apiSecret, owner } = sandbox.account;
  return {
    name: 'SALESmanago',
    url: sandbox.url,
    details: [
      // Fixed fake credentials of a local sandbox account, not real ones: the SALESMANAGO_* variables for the CLI.
      `endpoint ${sandbox.url} (SALESMANAGO_BASE_URL), client id ${clientId}, API secret ${apiSecret}, owner ${owner}; any API key`,
      `inspect: GET ${sandbox.url}/__sandbox/{contacts,events,calls,faults}; control: POST ${sandbox.url}/__sandbox/{faults,reset,block,secret}`,
    ],
    close: () => sandbox.close(),
  };
}

async function main(): Promise<void> {
  const running: RunningSandbox[] = [await startEcomail()];
  running.push(await startGoOut());
  running.push(await startIdoSell());
  running.push(await startGetResponse());
  running.push(await startSalesManago());

  for (const sandbox of running) {
    console.log(`${sandbox.name} sandbox: ${sandbox.url}`);
    for (const line of sandbox.details) console.log(`  ${line}`);
  }
  console.log('Ctrl+C to stop.');

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: closing sandboxes…`);
    Promise.all(running.map((sandbox) => sandbox.close())).then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
