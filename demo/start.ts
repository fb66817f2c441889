/**
 * `npm start`: the product's main job, end to end, in one command. GoOut purchases and Ellity
 * loyalty events go into Ecomail through the n8n package's example workflows, executed by n8n's
 * engine; then a readable summary. Runs on built-in sandboxes unless real credentials are in the
 * environment (see config.ts for what each combination does). Secrets are never printed.
 */
import { randomBytes } from 'node:crypto';
import { EcomailClient, createNodeRuntime, type Contact, type GoOutPurchase } from '@ecomail-bridge/shared/node';
import { startEcomailSandbox, type EcomailSandbox } from '../test/sandbox/ecomail';
import type { GoOutSandbox } from '../test/sandbox/goout';
import { planFromEnv } from './config';
import { ensureN8nBuild } from './ensure-build';
import { useThrowawayN8nFolder } from './n8n-user-folder';
import { callsLine, ellitySection, gooutSection } from './report';
import { LATER_PURCHASES, SANDBOX_SINCE, sampleEllityDeliveries, startSeededGoOut } from './sandboxes';

const SANDBOX_LIST_ID = '1';
const SAMPLE_ROWS = 8;

async function main(): Promise<void> {
  // Here and not in a `prestart`: the repo's .npmrc sets ignore-scripts, which skips pre/post scripts.
  ensureN8nBuild();
  const startedAt = Date.now();
  const plan = planFromEnv(process.env);
  const secrets = [plan.ecomail?.apiKey, plan.goout?.accessToken, plan.goout?.refreshToken].filter((s): s is string => !!s);
  const say = (text = '') => console.log(secrets.reduce((out, secret) => out.split(secret).join('***'), text));

  const n8nFolder = useThrowawayN8nFolder('ecomail-bridge-start-');
  let ecomailSandbox: EcomailSandbox | undefined;
  let gooutSandbox: GoOutSandbox | undefined;
  try {
    for (const notice of plan.notices) say(`Note: ${notice}`);
    if (!plan.ecomail) ecomailSandbox = await startEcomailSandbox();
    if (!plan.goout) gooutSandbox = await startSeededGoOut();
    const listId = plan.ecomail?.listId ?? SANDBOX_LIST_ID;
    const ecomailAccess = plan.ecomail ?? { apiKey: ecomailSandbox!.apiKey, baseUrl: ecomailSandbox!.url };
    const pastedGoOut = plan.goout ?? { ...gooutSandbox!.initialTokens(), baseUrl: gooutSandbox!.url };

    say(plan.ecomail ? `Ecomail: the real API${plan.ecomail.baseUrl ? ` at ${plan.ecomail.baseUrl}` : ''}, list ${listId}` : `Ecomail: sandbox at ${ecomailAccess.baseUrl}, list ${listId} "Newsletter"`);
    say(plan.goout ? `GoOut:   the real API${plan.goout.baseUrl ? ` at ${plan.goout.baseUrl}` : ''}, purchases since ${plan.goout.since}` : `GoOut:   sandbox at ${gooutSandbox!.url}, ${gooutSandbox!.state.purchaseCount()} sample purchases of organiser 101`);
    say('Running n8n-nodes/examples/goout-to-ecomail.json and ellity-to-ecomail.json in n8n’s engine (headless)…');
    say();

    const credentials = {
      ecomailApi: { apiKey: ecomailAccess.apiKey, baseUrl: ecomailAccess.baseUrl ?? '' },
      // As a user saves the GoOut credential: the pasted pair, the working access token still empty.
      goOutApi: { accessToken: '', initialAccessToken: pastedGoOut.accessToken, refreshToken: pastedGoOut.refreshToken, baseUrl: pastedGoOut.baseUrl ?? '' },
    };
    const ecomail = new EcomailClient({ apiKey: ecomailAccess.apiKey, baseUrl: ecomailAccess.baseUrl, ...createNodeRuntime() });
    const listTotal = async () => (await ecomail.listSubscribers(listId, { perPage: 1 })).total;

    // After N8N_USER_FOLDER is set: loading n8n-core reads it.
    const { runEllityExample, runGoOutExample } = await import('./workflows');
    const listTotalBefore = await listTotal();
    const polls = await runGoOutExample({
      credentials,
      listId,
      since: plan.goout?.since ?? SANDBOX_SINCE,
      organizerId: plan.goout?.organizerId,
      polls: gooutSandbox ? 2 : 1,
      betweenPolls: () => gooutSandbox?.addPurchases(LATER_PURCHASES),
    });
    const listTotalAfter = await listTotal();
    const samples = await Promise.all(
      pickSamples(polls[0]?.purchases ?? [], SAMPLE_ROWS).map(async (purchase) => ({ purchase, contact: await ecomail.getContact(purchase.buyer.email) })),
    );
    say('GoOut purchases → Ecomail');
    say(gooutSection({ polls, listTotalBefore, listTotalAfter, samples, orders: true }));
    say();

    if (plan.ellity) {
      const secret = randomBytes(24).toString('hex');
      const buyers = [...new Set((polls[0]?.purchases ?? []).map((p) => p.buyer.email))];
      const runs = await runEllityExample(sampleEllityDeliveries(buyers.slice(0, 5)), { credentials, listId, secret });
      const emails = [...new Set(runs.flatMap((run) => (run.outcome?.email ? [run.outcome.email] : [])))];
      const contacts = new Map<string, Contact | null>(await Promise.all(emails.map(async (email) => [email, await ecomail.getContact(email)] as const)));
      const events = ecomailSandbox?.state.events().length;
      say(`Ellity loyalty events → Ecomail${events === undefined ? '' : ` (${events} events tracked)`}`);
      say(ellitySection(runs, contacts, listId));
      say();
    }

    if (ecomailSandbox) {
      // Without the reads this summary made itself.
      const paths = ecomailSandbox.state.calls().map((call) => call.path).slice(0, -ecomail.requestCount);
      say(callsLine(paths));
    }
    say(`Done in ${((Date.now() - startedAt) / 1000).toFixed(1)} s.`);
    say();
    say('Where to look next:');
    say('  npm run sandbox             keeps both sandboxes running (Ecomail :8787, GoOut :8788) for a real n8n, Zapier or curl');
    say('  README.md                   "Try it", "Sandboxes", "Benchmarks" (npm run bench → bench/RESULTS.md)');
    say('  n8n-nodes/README.md         install n8n-nodes-ecomail in n8n and import n8n-nodes/examples/*.json');
    say('  cli/README.md               backfill all GoOut history or an Ellity export with `npx ecomail-bridge`');
    if (!plan.ecomail) say('  Real services: set ECOMAIL_API_KEY, ECOMAIL_LIST_ID, GOOUT_ACCESS_TOKEN and GOOUT_REFRESH_TOKEN, then npm start again');
  } finally {
    await Promise.all([ecomailSandbox?.close(), gooutSandbox?.close()]);
    n8nFolder.remove();
  }
}

/** A few buyers for the table: names typed messily (caps, titles, spaces), Czech men and women, Slovaks. */
function pickSamples(purchases: readonly GoOutPurchase[], count: number): GoOutPurchase[] {
  const unique = [...new Map(purchases.map((p) => [p.buyer.email, p])).values()];
  const typed = (p: GoOutPurchase) => `${p.buyer.firstName ?? ''} ${p.buyer.lastName ?? ''}`;
  const messy = unique.filter((p) => /\p{Lu}{2,}|\.|\s{2,}|^\s|\s$/u.test(typed(p)));
  const czech = unique.filter((p) => p.buyer.country === 'CZ' && !messy.includes(p));
  // Czech women's surnames end in -á (Nováková); the men's are the ones with a surname vocative.
  const czechMen = czech.filter((p) => !/á$/.test(p.buyer.lastName ?? ''));
  const slovak = unique.filter((p) => p.buyer.country === 'SK' && !messy.includes(p));
  const chosen = [...messy.slice(0, 2), ...czechMen.slice(0, 3), ...czech.slice(0, 5), ...slovak.slice(0, 2), ...unique];
  return [...new Set(chosen)].slice(0, count);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    // Messages of the core and the nodes carry no secrets; the generic fallback keeps it that way.
    const message = error instanceof Error ? error.message : 'unexpected failure';
    const secrets = [process.env.ECOMAIL_API_KEY, process.env.GOOUT_ACCESS_TOKEN, process.env.GOOUT_REFRESH_TOKEN].filter((s): s is string => !!s?.trim());
    console.error(`npm start failed: ${secrets.reduce((out, secret) => out.split(secret.trim()).join('***'), message)}`);
    process.exit(1);
  },
);
