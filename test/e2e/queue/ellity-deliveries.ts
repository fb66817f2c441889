/**
 * 500 Ellity deliveries, 20 % of them repeats, over both webhook URLs (main and webhook process):
 * 400 loyalty changes of 400 list members; 100 changes delivered twice — 60 copies to the other
 * process at the same moment, 20 to the other process 10 s later, 20 to the same process 10 s
 * later (inside the trigger's 60 s Duplicate Window). Expected: one Ecomail event and one contact update per change, whichever process
 * and worker took which copy.
 */
import { eachConcurrently } from '../../../shared/src/jobs/concurrency';
import { compare, type Tally } from '../../reliability/lib/scenario';
import { postRaw } from '../n8n/http-post';
import { delay, waitFor } from '../n8n/wait-for';
import { allEnded, executionCounts, type QueueContext } from './context';
import { ELLITY_SECRET, productionUrl } from './workflows';

export const CHANGES = 400;
const SIMULTANEOUS_REPEATS = 60;
const LATER_REPEATS_ELSEWHERE = 20;
const LATER_REPEATS_SAME_PROCESS = 20;
const REPEATS = SIMULTANEOUS_REPEATS + LATER_REPEATS_ELSEWHERE + LATER_REPEATS_SAME_PROCESS;
const SENDERS = 16;
const LATER_COPY_MS = 10_000;

export const customerEmail = (change: number) => `loyal${change}@example.cz`;
const creditOf = (change: number) => 1000 + change;

type Process = 'main' | 'webhook';

interface Delivery {
  change: number;
  to: Process;
}

/** What the senders saw: the deliveries the receiving triggers stopped themselves. */
export interface EllityPosted {
  ignored: Delivery[];
  firsts: Delivery[];
  postMs: number;
}

export interface EllityOutcome {
  deliveries: number;
  repeats: number;
  /** Repeats the receiving process's trigger recognised itself (answered `ignored`). */
  droppedByTrigger: number;
  /** Of those, copies whose first went to the other process: a trigger cannot know them, so 0. */
  droppedByTriggerElsewhere: number;
  /** Repeats that started an execution and were stopped at the Ecomail node (the shared ledger). */
  droppedByLedger: number;
  executions: number;
  tallies: Tally[];
  unexpectedEvents: number;
  wrongFields: string[];
  failedExecutions: number;
  postMs: number;
  doneMs: number;
}

function body(change: number): string {
  return JSON.stringify({
    schema: 'ellity-webhook/1',
    trigger: 'credit_changed',
    eshopId: '456',
    customer: { id: String(change), email: customerEmail(change), credit: String(creditOf(change)) },
    creditChange: { value: '10' },
  });
}

const other = (process: Process): Process => (process === 'main' ? 'webhook' : 'main');

/** Sends every delivery; each is answered once n8n has queued its execution. */
export async function postEllity(context: QueueContext): Promise<EllityPosted> {
  const urls: Record<Process, string> = {
    main: `${productionUrl(context.cluster.main, context.workflows.ellity, 'ellityTrigger', 'ellity')}?key=${ELLITY_SECRET}`,
    webhook: `${productionUrl(context.cluster.webhook, context.workflows.ellity, 'ellityTrigger', 'ellity')}?key=${ELLITY_SECRET}`,
  };
  const firsts: Delivery[] = Array.from({ length: CHANGES }, (_, change) => ({ change, to: change % 2 === 0 ? 'main' : 'webhook' }));
  // The first and its copy are posted together (one batch); a later copy follows its first.
  const batches: Delivery[][] = firsts.map((first) => (first.change < SIMULTANEOUS_REPEATS ? [first, { change: first.change, to: other(first.to) }] : [first]));
  const laterCopy = (first: Delivery): Delivery | undefined => {
    if (first.change < SIMULTANEOUS_REPEATS || first.change >= REPEATS) return undefined;
    return { change: first.change, to: first.change < SIMULTANEOUS_REPEATS + LATER_REPEATS_ELSEWHERE ? other(first.to) : first.to };
  };

  const ignored: Delivery[] = [];
  const post = async (delivery: Delivery) => {
    const reply = await postRaw(urls[delivery.to], body(delivery.change), 'application/json', 60_000);
    if (reply.status !== 200) throw new Error(`Ellity delivery of change ${delivery.change} to ${delivery.to} answered ${reply.status}: ${reply.body}`);
    const status = (JSON.parse(reply.body) as { status?: string }).status;
    if (status === 'ignored') ignored.push(delivery);
    else if (status !== 'ok') throw new Error(`Ellity delivery answered ${reply.body}`);
  };
  const started = Date.now();
  const copiesLater: Array<Promise<void>> = [];
  await eachConcurrently(shuffled(batches), SENDERS, async (batch) => {
    await Promise.all(batch.map(post));
    const copy = laterCopy(batch[0]);
    // Seconds later, well inside the trigger's 60 s Duplicate Window.
    if (copy) copiesLater.push(delay(LATER_COPY_MS).then(() => post(copy)));
  });
  await Promise.all(copiesLater);
  return { ignored, firsts, postMs: Date.now() - started };
}

/** Waits until n8n has run every execution the deliveries started, then counts what Ecomail holds. */
export async function settleEllity(context: QueueContext, posted: EllityPosted, since: number, timeoutMs: number): Promise<EllityOutcome> {
  const { ignored, firsts, postMs } = posted;
  const accepted = CHANGES + REPEATS - ignored.length;
  const workflowId = context.workflows.ellity.id;
  const counts = await waitFor(
    async () => {
      const now = await executionCounts(context, workflowId);
      return now.total >= accepted && allEnded(now) ? now : undefined;
    },
    { timeoutMs, intervalMs: 2_000, what: `n8n to finish the ${accepted} Ellity executions` },
  );
  const doneMs = Date.now() - since;

  const expected = firsts.map((first) => `${customerEmail(first.change)}|${creditOf(first.change)}`);
  const events = context.ecomail.state.events().filter((event) => event.category === 'ellity');
  const present = events.map((event) => `${event.email}|${(JSON.parse(event.value ?? '{}') as { credit?: number }).credit}`);
  const wanted = new Set(expected);
  const updates = context.ecomail.state
    .calls()
    .filter((call) => call.method === 'PUT' && call.path === '/lists/1/update-subscriber' && call.status === 200)
    .map((call) => (call.body as { email: string }).email);
  const wrongFields = firsts.flatMap((first) => {
    const email = customerEmail(first.change);
    const credit = context.ecomail.state.contact(email)?.lists['1']?.c_fields.ellity_credit_num;
    return credit === creditOf(first.change) ? [] : [`${email}: ellity_credit_num ${String(credit)}`];
  });
  return {
    deliveries: CHANGES + REPEATS,
    repeats: REPEATS,
    droppedByTrigger: ignored.length,
    droppedByTriggerElsewhere: ignored.filter((copy) => copy.to !== firsts[copy.change].to).length,
    droppedByLedger: counts.total - CHANGES,
    executions: counts.total,
    tallies: [compare('Ellity events in Ecomail', expected, present), compare('contact updates accepted by Ecomail', firsts.map((first) => customerEmail(first.change)), updates)],
    unexpectedEvents: present.filter((event) => !wanted.has(event)).length,
    wrongFields,
    failedExecutions: counts.total - (counts.byStatus.success ?? 0),
    postMs,
    doneMs,
  };
}

/** A fixed shuffle (the run is repeatable): firsts and their simultaneous copies spread over the run. */
function shuffled<T>(items: readonly T[]): T[] {
  const result = [...items];
  let seed = 17;
  for (let i = result.length - 1; i > 0; i--) {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    const j = seed % (i + 1);
    [result[i], result[j]] = [result[j], result[i]];
  }
  return result;
}
