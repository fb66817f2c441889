/**
 * The IdoSell → Ecomail backfill (`backfill idosell`, in process) against the sandboxes: every
 * order of a seeded shop plus its newsletter subscribers without an account, tags kept (the CLI's
 * default), in one consent mode. Counts IdoSell requests by gate (what a CLOUD shop pays against
 * its monthly cap) and Ecomail calls by endpoint. Ecomail's limit is not enforced here: these are
 * call counts, not a timing under the limit (section a does that for GoOut).
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ShopConsentMode } from '@ecomail-bridge/shared';
import { main } from '../cli/src/main';
import { startEcomailSandbox } from '../test/sandbox/ecomail';
import { startIdoSellSandbox } from '../test/sandbox/idosell';

export interface IdoSellFigures {
  orders: number;
  consentMode: ShopConsentMode;
  exitCode: number;
  /** Newsletter subscribers without an account the run read (one per approving shop). */
  subscribers: number;
  idosellRequests: number;
  idosellByGate: Record<string, number>;
  ecomailCalls: number;
  ecomailByEndpoint: Record<string, number>;
  contacts: number;
  ecomailOrders: number;
  ms: number;
}

function countBy<T>(items: readonly T[], key: (item: T) => string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of items) counts[key(item)] = (counts[key(item)] ?? 0) + 1;
  return counts;
}

export async function backfillIdoSell(orders: number, consentMode: ShopConsentMode): Promise<IdoSellFigures> {
  const ecomail = await startEcomailSandbox();
  const idosell = await startIdoSellSandbox();
  idosell.seed(orders);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ecomail-bridge-bench-idosell-'));
  const started = performance.now();
  try {
    const exitCode = await main(['backfill', 'idosell', '--list', '1', '--consent-mode', consentMode, '--confirm-permission', '--report', 'report.json'], {
      stdout: { write: () => true },
      stderr: { write: () => true },
      env: { HOME: dir, ECOMAIL_API_KEY: ecomail.apiKey, ECOMAIL_BASE_URL: ecomail.url, IDOSELL_SHOP_URL: idosell.url, IDOSELL_API_KEY: idosell.apiKey },
      cwd: dir,
      stopRequested: () => false,
    });
    const ms = performance.now() - started;
    const calls = ecomail.state.calls();
    const report = JSON.parse(readFileSync(path.join(dir, 'report.json'), 'utf8')) as { source: { subscribersRead: number } };
    return {
      orders,
      consentMode,
      exitCode,
      subscribers: report.source.subscribersRead,
      idosellRequests: idosell.state.requestCount(),
      idosellByGate: countBy(idosell.state.requests(), (r) => r.gate),
      ecomailCalls: calls.length,
      ecomailByEndpoint: countBy(calls, (call) => `${call.method} ${call.path.replace(/\/lists\/\d+/, '/lists/:id').replace(/\/subscribers\/[^/]+$/, '/subscribers/:email')}`),
      contacts: ecomail.state.contacts().length,
      ecomailOrders: ecomail.state.transactions().length,
      ms,
    };
  } finally {
    await Promise.all([ecomail.close(), idosell.close()]);
  }
}
