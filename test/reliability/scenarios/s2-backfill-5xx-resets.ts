/**
 * 2. 5xx bursts and connection resets during a 20,000-purchase CLI backfill. A run that gives up
 * (exit 4, "run again to resume") is resumed from its checkpoint, at most a few times.
 */
import path from 'node:path';
import { backfillArgs, captureCliFiles, readJsonFile, runCli, tempDir } from '../lib/cli';
import { BACKFILL_PURCHASES, backfillReference, cliEnv } from '../lib/reference';
import { acceptedBulkEmails, injectedFaults, startEcomail, startGoOut } from '../lib/sandboxes';
import { compare, type Recorder } from '../lib/scenario';

const MAX_RUNS = 5;
const BURST = { errorRate: 0.7, resetRate: 0.2 };
const CALM = { errorRate: 0, resetRate: 0 };

export async function backfillServerFaults(rec: Recorder): Promise<void> {
  const reference = await backfillReference();
  const ecomail = await startEcomail({ faults: { ...BURST, latencyMs: 150, seed: 22 } });
  const { goout, tokens } = await startGoOut(BACKFILL_PURCHASES);
  // Bursts: one second of mostly failures, one second calm, for as long as the import runs.
  let burst = true;
  const toggler = setInterval(() => {
    burst = !burst;
    ecomail.setFaults(burst ? BURST : CALM);
  }, 1000);
  try {
    const dir = tempDir('5xx');
    const codes: number[] = [];
    for (let run = 0; run < MAX_RUNS; run++) {
      const result = await runCli(backfillArgs(), cliEnv(ecomail.url, goout.url, tokens), dir);
      codes.push(result.code);
      if (result.code !== 4) break;
    }
    captureCliFiles(dir);
    rec.note(`CLI exit codes, run by run: ${codes.join(' → ')} (4 = gave up on an outage, resumed from the checkpoint)`);
    rec.check('the backfill completed (exit 0)', codes[codes.length - 1] === 0, `exit codes ${codes.join(', ')}`);
    const report = readJsonFile<{ failed: Array<{ ref: string; reason: string }>; totals?: { contacts: number } }>(path.join(dir, 'report.json'));
    for (const failure of report?.failed ?? []) rec.refuse(failure.ref, failure.reason);
    rec.check('the report lists no failed item', (report?.failed.length ?? -1) === 0);

    const calls = ecomail.state.calls();
    const faults = injectedFaults(calls);
    rec.fault('HTTP 500/502/503 (bursts of 70%)', faults.serverErrors);
    rec.fault('connection reset before an answer (bursts of 20%)', faults.resets);
    rec.check('faults hit subscribe-bulk itself', calls.some((call) => call.path.endsWith('/subscribe-bulk') && (call.status === 0 || call.status >= 500)));

    rec.tally(compare('contacts', reference.expected, ecomail.state.contacts().map((contact) => contact.email)));
    rec.tally(compare('accepted bulk rows (vs. fault-free run)', reference.rows, acceptedBulkEmails(calls)));
  } finally {
    clearInterval(toggler);
    await Promise.all([ecomail.close(), goout.close()]);
  }
}
