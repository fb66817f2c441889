/**
 * (h) No secret in anything n8n keeps or prints about failing calls (issue 19). Every secret of
 * these runs carries the run's marker (leak-rig.ts); the calls fail each way a user meets:
 * - the Ecomail node with a refused key (401), against a 5xx storm and with an unreachable base URL,
 *   each through a node that continues on fail, one with an error output and one that stops the run;
 * - the GoOut Trigger whose refresh token is dead, and whose body refresh is refused while the
 *   query-string refresh (the token in the URL) answers 5xx or drops the connection;
 * - the Ellity and Ecomail webhooks called with a wrong secret.
 * Then n8n's saved execution data, its log and the CLI's stdout/stderr are searched for every one
 * of those secrets (as they are, URL-encoded, JSON-escaped, base64) and for the marker.
 */
import { GOOUT_RECONNECT_MESSAGE } from '@ecomail-bridge/shared';
import type { FaultRule } from '../../../reliability/lib/fault-proxy';
import { searchLeaks, type CapturedText } from '../../../reliability/lib/leak-search';
import type { E2eContext } from '../context';
import { ECOMAIL_CREDENTIAL_HOOK, ECOMAIL_LIST_HOOK, ELLITY_SECRET, WORKFLOW_IDS } from '../fixtures';
import { postRaw } from '../http-post';
import { LEAK_MARKER, LEAK_SECRETS } from '../leak-rig';
import { waitFor } from '../wait-for';
import { parseRun } from './cli-run';
import { expectEqual } from './expect';

/** stdout and stderr of the `n8n execute` runs, searched with everything else at the end. */
const cliOutputs: CapturedText[] = [];

const ECOMAIL_NODES = ['Continue', 'Error output', 'Stop'];

/** Before `n8n start`: the CLI runs against the same database file. */
export async function runFailingEcomailCalls(context: E2eContext): Promise<string> {
  const runs = [
    { workflowId: WORKFLOW_IDS.leakEcomailRefused, fault: 'refused key (401)' },
    { workflowId: WORKFLOW_IDS.leakEcomailStorm, fault: '5xx storm' },
    { workflowId: WORKFLOW_IDS.leakEcomailOffline, fault: 'unreachable base URL' },
  ];
  for (const { workflowId, fault } of runs) {
    const result = await context.n8n.cli(['execute', `--id=${workflowId}`, '--rawOutput'], 180_000);
    cliOutputs.push({ where: `n8n execute ${workflowId} stdout`, text: result.stdout }, { where: `n8n execute ${workflowId} stderr`, text: result.stderr });
    expectEqual(result.code === 0, false, `${fault}: the run fails at the node that stops`);
    const run = parseRun(result.stdout);
    const failed = ECOMAIL_NODES.map((node) => [node, run.outputs(node).map((items) => items.length), run.task(node)?.error === undefined]);
    // Continue: one failed item; Error output: nothing on success, one item on the error output; Stop: the node error.
    expectEqual(failed, [['Continue', [1], true], ['Error output', [0, 1], true], ['Stop', [], false]], `${fault}: outputs and errors per node`);
  }
  return `${runs.length} runs, each failing in all three nodes`;
}

const REFRESH = '/services/user/v3/refresh-tokens';
/** The body variant refused as unknown, so the credential falls back to the query variant, which then fails. */
const queryVariantFails = (verdict: number | 'reset'): FaultRule => (request) =>
  request.path !== REFRESH ? undefined : request.query.has('refreshToken') ? verdict : 400;

/** After activation: each GoOut credential's next refresh fails its own way. */
export async function runFailingGoOutRefreshes(context: E2eContext): Promise<string> {
  const { goout, gooutProxies } = context.leaks;
  gooutProxies.queryVariant5xx.setRule(queryVariantFails(503));
  gooutProxies.queryVariantReset.setRule(queryVariantFails('reset'));
  goout.state.expireAccessTokens();
  const variantFailures = await failedPolls(context, [WORKFLOW_IDS.leakGoOutQuery5xx, WORKFLOW_IDS.leakGoOutQueryReset]);
  goout.state.killRefreshTokens();
  goout.state.expireAccessTokens();
  const deadToken = await failedPolls(context, [WORKFLOW_IDS.leakGoOutDeadToken]);
  const message = await lastErrorMessage(context, WORKFLOW_IDS.leakGoOutDeadToken);
  expectEqual(message?.startsWith(GOOUT_RECONNECT_MESSAGE), true, `dead refresh token reported as "${GOOUT_RECONNECT_MESSAGE} …" (got ${message})`);
  return `failed polls: query refresh 5xx / reset ${variantFailures.join(' / ')}, dead refresh token ${deadToken[0]}`;
}

/** Waits until each workflow has a failed execution; all of its executions must have failed. */
async function failedPolls(context: E2eContext, workflowIds: string[]): Promise<number[]> {
  return waitFor(
    async () => {
      const counts: number[] = [];
      for (const id of workflowIds) {
        const statuses = (await context.db.executions(id)).map((e) => e.status);
        expectEqual([...new Set(statuses)].filter((s) => s !== 'error'), [], `statuses of the executions of ${id}`);
        if (statuses.length === 0) return undefined;
        counts.push(statuses.length);
      }
      return counts;
    },
    // The first failed poll of the query-variant faults took 85–95 s on a loaded 2-core machine
    // (2026-12-01, with or without the IdoSell poll workflow): 90 s cut it off now and then.
    { timeoutMs: 150_000, intervalMs: 1_000, what: `a failed poll execution of ${workflowIds.join(', ')}` },
  );
}

async function lastErrorMessage(context: E2eContext, workflowId: string): Promise<string | undefined> {
  const [row] = await context.db.query<{ data: string }>(
    'select d.data from execution_data d join execution_entity e on e.id = d.executionId where e.workflowId = ? order by e.id desc limit 1',
    [workflowId],
  );
  // Saved runs are "flatted" JSON: one array holding every value of the run once, strings included.
  const strings = (row ? (JSON.parse(row.data) as unknown[]) : []).filter((value): value is string => typeof value === 'string');
  // Else the first GoOut text, so a failure shows what was said instead.
  return strings.find((text) => text.startsWith(GOOUT_RECONNECT_MESSAGE)) ?? strings.find((text) => text.includes('GoOut'));
}

/** The three webhook triggers, each called with a wrong secret: refused, and the secret kept out of n8n's records. */
export async function callWebhooksWithWrongSecret(context: E2eContext): Promise<string> {
  const secret = encodeURIComponent(LEAK_SECRETS.wrongWebhookSecret);
  const [ellityHook] = (await context.db.webhooks(WORKFLOW_IDS.ellityWebhook)).filter((row) => row.method === 'POST');
  const urls = [
    `${context.n8n.baseUrl}/webhook/${ellityHook?.webhookPath}?key=${secret}`,
    `${context.n8n.baseUrl}/webhook/${ECOMAIL_LIST_HOOK.path}?secret=${secret}`,
    `${context.n8n.baseUrl}/webhook/${ECOMAIL_CREDENTIAL_HOOK.path}?secret=${secret}`,
  ];
  const statuses: number[] = [];
  for (const url of urls) statuses.push((await postRaw(url, '{"email":"intruder@example.cz"}', 'application/json')).status);
  expectEqual(statuses, [401, 401, 401], 'Ellity Trigger, Ecomail Trigger v1 and v2 with a wrong secret');
  return `${urls.length} webhook calls refused`;
}

/** Last: every text n8n keeps or printed, searched for every secret of the failing runs. */
export async function checkNoSecretLeaked(context: E2eContext): Promise<string> {
  const rows = await context.db.query<{ executionId: number; data: string }>('select executionId, data from execution_data order by executionId');
  const texts: CapturedText[] = [
    ...rows.map((row) => ({ where: `execution_data of execution #${row.executionId}`, text: row.data })),
    { where: 'n8n log (server and CLI output)', text: await context.n8n.serverLog() },
    ...cliOutputs,
  ];
  const secrets = [...Object.values(LEAK_SECRETS), ...issuedGoOutTokens(context), ELLITY_SECRET, ECOMAIL_LIST_HOOK.secret, ECOMAIL_CREDENTIAL_HOOK.secret];
  // The search can find: the version-1 Ecomail Trigger keeps its secret in the workflow by design.
  const [workflow] = await context.db.query<{ nodes: string }>('select nodes from workflow_entity where id = ?', [WORKFLOW_IDS.ecomailListHook]);
  const control = searchLeaks([{ where: 'workflow_entity', text: workflow?.nodes ?? '' }], [ECOMAIL_LIST_HOOK.secret]);
  expectEqual(control.length, 1, 'the v1 Ecomail Trigger secret found in its workflow row (the search works)');
  const leaks = searchLeaks(texts, secrets, [LEAK_MARKER]);
  expectEqual(leaks, [], 'secrets found');
  return `0 secrets in ${rows.length} saved executions, the n8n log and ${cliOutputs.length} CLI outputs`;
}

/** The GoOut tokens the leak stand-in issued that still work (the others carry the marker too). */
function issuedGoOutTokens(context: E2eContext): string[] {
  const { accessToken, refreshToken } = context.leaks.goout.state.validTokens();
  return [accessToken, refreshToken].filter((token): token is string => token !== undefined);
}
