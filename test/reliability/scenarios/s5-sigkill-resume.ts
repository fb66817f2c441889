/**
 * 5. The CLI is killed with SIGKILL twice during a 20,000-purchase backfill and resumed from its
 * checkpoint each time.
 * - Kill 1 lands while Ecomail is refusing the batch in flight: the resume must send exactly what
 *   an uninterrupted run sends.
 * - Kill 2 lands while a batch is in flight and Ecomail applies it after the process died: the
 *   checkpoint cannot know, so that one batch is sent again (an idempotent upsert, at least once);
 *   nothing else may repeat.
 */
import path from 'node:path';
import { backfillArgs, captureCliFiles, committedContacts, readJsonFile, runCli, spawnCli, tempDir } from '../lib/cli';
import { BACKFILL_PURCHASES, backfillReference, cliEnv } from '../lib/reference';
import { acceptedBulkEmails, startEcomail, startGoOut, waitFor } from '../lib/sandboxes';
import { compare, type Recorder } from '../lib/scenario';

const LATENCY_MS = 400;

const bulkCalls = (ecomail: Awaited<ReturnType<typeof startEcomail>>) =>
  ecomail.state.calls().filter((call) => call.path.endsWith('/subscribe-bulk'));

export async function sigkillResume(rec: Recorder): Promise<void> {
  const reference = await backfillReference();
  const ecomail = await startEcomail({ faults: { latencyMs: LATENCY_MS } });
  const { goout, tokens } = await startGoOut(BACKFILL_PURCHASES);
  const env = cliEnv(ecomail.url, goout.url, tokens);
  try {
    const dir = tempDir('sigkill');

    // Kill 1: Ecomail refuses the batch in flight.
    const first = spawnCli(backfillArgs(), env, dir);
    await waitFor(() => committedContacts(dir) >= 3000, 'first batch committed');
    ecomail.setFaults({ errorRate: 1 });
    await waitFor(() => bulkCalls(ecomail).some((call) => call.status >= 500), 'a refused batch in flight');
    first.child.kill('SIGKILL');
    const killed1 = await first.done;
    const committed1 = committedContacts(dir);
    rec.check('kill 1 was a SIGKILL', killed1.signal === 'SIGKILL');
    // A retry the dead process sent just before the kill is still in the sandbox's latency: it must
    // be refused too, so the faults stay on until it has been answered.
    await new Promise((resolve) => setTimeout(resolve, LATENCY_MS + 300));
    rec.check('after kill 1 the checkpoint equals what Ecomail accepted', committed1 === acceptedBulkEmails(ecomail.state.calls()).length,
      `checkpoint ${committed1}, accepted ${acceptedBulkEmails(ecomail.state.calls()).length}`);
    ecomail.setFaults({ errorRate: 0 });

    // Kill 2: a batch has reached Ecomail (still in its latency) when the process dies.
    const second = spawnCli(backfillArgs(), env, dir);
    await waitFor(() => committedContacts(dir) >= committed1 + 3000, 'a batch committed by the resumed run');
    const seen = bulkCalls(ecomail).length;
    await waitFor(() => bulkCalls(ecomail).length > seen, 'the next batch in flight');
    second.child.kill('SIGKILL');
    const killed2 = await second.done;
    rec.check('kill 2 was a SIGKILL', killed2.signal === 'SIGKILL');
    const committed2 = committedContacts(dir);
    // Let the sandbox finish the request the dead process left behind: a call's status is set once it is answered.
    await waitFor(() => bulkCalls(ecomail).every((call) => call.status !== 0), 'the sandbox to answer the batch the dead process left behind');
    const inFlight = acceptedBulkEmails(ecomail.state.calls()).slice(committed2);
    rec.note(`kill 1 after ${committed1} confirmed contacts, kill 2 after ${committed2}; the batch in flight at kill 2 (${inFlight.length} rows) was applied by Ecomail after the process died`);

    const last = await runCli(backfillArgs(), env, dir);
    captureCliFiles(dir);
    rec.check('the final resume completes (exit 0)', last.code === 0, `exit ${last.code} ${last.stderr.slice(-300)}`);
    const report = readJsonFile<{ failed: Array<{ ref: string; reason: string }>; totals: { contacts: number } }>(path.join(dir, 'report.json'));
    for (const failure of report?.failed ?? []) rec.refuse(failure.ref, failure.reason);
    rec.fault('SIGKILL mid-batch', 2);

    rec.tally(compare('contacts', reference.expected, ecomail.state.contacts().map((contact) => contact.email)));
    rec.tally(compare('accepted bulk rows (vs. fault-free run + the batch in flight at kill 2)', [...reference.rows, ...inFlight], acceptedBulkEmails(ecomail.state.calls())));
  } finally {
    await Promise.all([ecomail.close(), goout.close()]);
  }
}
