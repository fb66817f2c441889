/**
 * `npm run sandbox`: starts the sandboxes for people and shells, until Ctrl+C.
 * PORT (default 8787, 0 = random) is the Ecomail sandbox's port. ECOMAIL_SANDBOX_WEBHOOK_URL,
 * when set, receives the list status webhook.
 */
import { startEcomailSandbox } from './ecomail';

interface RunningSandbox {
  name: string;
  url: string;
  /** Extra banner lines. */
  details: string[];
  close(): Promise<void>;
}

const DEFAULT_ECOMAIL_PORT = 8787;

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

async function main(): Promise<void> {
  const running: RunningSandbox[] = [await startEcomail()];
  // ── GoOut sandbox goes here ──────────────────────────────────────────────────────────────
  // When test/sandbox/goout exists: import { startGoOutSandbox } from './goout' and push
  // { name: 'GoOut', url, details: [], close } built from
  // `await startGoOutSandbox({ port: portFromEnv(process.env.GOOUT_PORT, 8788) })`.
  // ─────────────────────────────────────────────────────────────────────────────────────────

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
