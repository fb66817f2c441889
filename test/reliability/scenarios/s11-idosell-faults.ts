/**
 * 10. IdoSell faults during a 5,000-order CLI backfill: faults inside HTTP 200 (header `x-error`
 * and `errors[]`), 5xx answers, then the shop's monthly request quota running out. Every run that
 * stops must say why and be resumable; in the end every consenting shopper and order is in
 * Ecomail once.
 */
import path from 'node:path';
import { IdoSellDataset, startIdoSellSandbox } from '../../sandbox/idosell';
import { captureCliFiles, readJsonFile, runCli, tempDir } from '../lib/cli';
import { SECRETS, rememberSecret } from '../lib/secrets';
import { startEcomail } from '../lib/sandboxes';
import { compare, type Recorder } from '../lib/scenario';

const ORDERS = 5000;
const MAX_RUNS = 12;
/** Requests the shop allows before the quota is used up: well inside the export (about 150 are needed). */
const QUOTA = 60;

function expectedOrders(data: IdoSellDataset): string[] {
  return data.orders
    .filter((order) => order.person.email !== '' && order.clientId !== 0 && data.client(order.clientId)!.approvedShops.includes(order.shopId))
    .map((order) => order.orderId);
}

export async function idosellFaults(rec: Recorder): Promise<void> {
  const ecomail = await startEcomail();
  const apiKey = `relkey-IDOSELL-${SECRETS.ecomailKey.slice(15, 27)}-do-not-leak`;
  rememberSecret(apiKey);
  const idosell = await startIdoSellSandbox({ apiKey, quota: QUOTA });
  const data = idosell.seed(ORDERS, 10);
  idosell.setFaults({ faultRate: 0.03, serverErrorRate: 0.1, seed: 10 });
  try {
    const dir = tempDir('idosell');
    const env = { ECOMAIL_API_KEY: SECRETS.ecomailKey, ECOMAIL_BASE_URL: ecomail.url, IDOSELL_SHOP_URL: idosell.url, IDOSELL_API_KEY: apiKey };
    const args = ['backfill', 'idosell', '--list', '1', '--confirm-permission', '--tag-handling', 'replace', '--checkpoint', 'cp.json', '--report', 'report.json'];
    const codes: number[] = [];
    const messages: string[] = [];
    for (let run = 0; run < MAX_RUNS; run++) {
      const result = await runCli(args, env, dir);
      codes.push(result.code);
      const report = readJsonFile<{ message?: string }>(path.join(dir, 'report.json'));
      if (result.code === 4 && report?.message) messages.push(report.message);
      if (result.code !== 4) break;
      // The merchant's next month: the quota renews once it has stopped a run.
      if (report?.message?.includes('monthly API request limit')) idosell.setQuota(undefined);
    }
    captureCliFiles(dir);
    const logged = idosell.state.requests();
    rec.fault('faults inside HTTP 200 (x-error header or errors[])', logged.filter((r) => r.status === 200 && r.fault?.startsWith('Temporary')).length);
    rec.fault('HTTP 500/502/503', logged.filter((r) => r.status >= 500).length);
    rec.fault('refused: monthly request quota used up', logged.filter((r) => r.fault?.startsWith('Monthly API request limit')).length);
    rec.note(`CLI exit codes, run by run: ${codes.join(' → ')} (4 = stopped with a reason, resumed from the checkpoint)`);
    rec.check('the backfill completed (exit 0)', codes[codes.length - 1] === 0, `exit codes ${codes.join(', ')}`);
    rec.check('the quota stop said so', messages.some((m) => m.includes("the shop's monthly API request limit is used up")), messages.join(' | '));
    rec.check('a fault inside HTTP 200 stopped a run with its text', messages.some((m) => m.includes('fault inside HTTP 200')), messages.join(' | '));

    const orders = expectedOrders(data);
    const sent = ecomail.state
      .calls()
      .filter((call) => call.path.endsWith('/transaction-bulk') && call.status === 200)
      .flatMap((call) => (call.body as { transaction_data: Array<{ transaction: { order_id: string } }> }).transaction_data.map((t) => t.transaction.order_id));
    rec.tally(compare('orders sent (transaction-bulk rows)', orders, sent));
    const emails = new Set(data.orders.filter((o) => orders.includes(o.orderId)).map((o) => o.person.email.toLowerCase()));
    for (const s of data.subscribers) if (s.registered === 'n' && Object.values(s.shops).some((shop) => shop!.approval === 'y')) emails.add(s.email.toLowerCase());
    rec.tally(compare('contacts', emails, ecomail.state.contacts().map((contact) => contact.email)));
  } finally {
    await Promise.all([ecomail.close(), idosell.close()]);
  }
}
