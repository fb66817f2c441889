import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ShopRecord } from '@ecomail-bridge/shared';
import { purchaseRecord } from '../../zapier-app/src/goout/purchase-record';
import { orderRecord } from '../../zapier-app/src/idosell/order-record';
import GetResponseApp from '../../zapier-app/src/getresponse';
import SalesManagoApp from '../../zapier-app/src/salesmanago';
import { tester, type Loose } from '../../zapier-app/test/app-tester';
import { App, appTester } from '../../zapier-app/test/ecomail/harness';
import { addBuyerInput } from '../../zapier-app/test/goout/record-to-buyer';
import { addShopOrderInput } from '../../zapier-app/test/idosell/record-to-shop-order';
import { API_KEYS, LIST, type Fixture } from './fixture';
import { SHOP_CONSENT_MODE, type ShopFixture } from './shop-fixture';

/** How a Zap maps a caught Ellity webhook (Webhooks by Zapier flattens the body) into Record Ellity Event. */
function ellityInput(body: string): Record<string, unknown> {
  const delivery = JSON.parse(body) as { trigger: string; eshopId: string; customer: Record<string, string>; creditChange: { value: string } };
  const { customer } = delivery;
  return {
    listId: String(LIST),
    type: delivery.trigger,
    email: customer.email,
    credit: customer.credit,
    creditChange: delivery.creditChange.value,
    customerId: customer.id,
    eshopId: delivery.eshopId,
    tierId: customer.tierId,
    tierName: customer.tierName,
    pin: customer.pin,
    nextExpirationDate: customer.nextExpirationDate,
    nextExpirationValue: customer.nextExpirationValue,
  };
}

/** Halted runs are how Zapier says "nothing to do" (a repeat, a non-member): not failures. */
async function runStep(method: unknown, bundle: Record<string, unknown>, test = appTester): Promise<void> {
  try {
    await test(method, bundle);
  } catch (error) {
    if ((error as { name?: string }).name !== 'HaltedError') throw error;
  }
}

/**
 * Zapier, GoOut: one Zap run per purchase, newest first as a polling trigger would deliver them —
 * but in GoOut's order here, because Zapier can only hand the newest purchases of each poll to a
 * Zap, never a history (a backfill is the CLI's job). Several connections share the work so the
 * test is not rate-limited; the account's state does not depend on which key wrote.
 */
export async function runZapierGoOut(fixture: Fixture, ecomailUrl: string): Promise<void> {
  const perform = App.creates.add_goout_buyer.operation.perform;
  for (const [i, purchase] of fixture.purchases.entries()) {
    await runStep(perform, { authData: { apiKey: API_KEYS[i % API_KEYS.length], baseUrl: ecomailUrl }, inputData: { listId: String(LIST), ...addBuyerInput(purchaseRecord(purchase)) } });
  }
}

/** Zapier, Ellity: one run per delivery on one connection, whose cache drops the repeats. */
export async function runZapierEllity(fixture: Fixture, ecomailUrl: string): Promise<void> {
  const perform = App.creates.record_ellity_event.operation.perform;
  for (const body of fixture.ellityBodies) {
    await runStep(perform, { authData: { apiKey: API_KEYS[2], baseUrl: ecomailUrl }, inputData: ellityInput(body) });
  }
}

/** Another destination's Zapier app: its connection and the list (if any) its Add GoOut Buyer writes to. */
export interface ZapierDestination {
  app: 'getresponse' | 'salesmanago';
  authData: Record<string, string>;
  /** Typed into the create besides the trigger's fields, e.g. GetResponse's `campaignId`. */
  inputData: Record<string, unknown>;
}

const DESTINATION_APPS: Record<ZapierDestination['app'], Loose> = { getresponse: GetResponseApp, salesmanago: SalesManagoApp };

/** Zapier, GoOut into another destination: one run of its Add GoOut Buyer per purchase, on one connection. */
export async function runZapierGoOutInto(fixture: Fixture, destination: ZapierDestination): Promise<void> {
  const app = DESTINATION_APPS[destination.app];
  const test = tester(app);
  const perform = app.creates.add_goout_buyer.operation.perform;
  for (const purchase of fixture.purchases) {
    await runStep(perform, { authData: destination.authData, inputData: { ...destination.inputData, ...addBuyerInput(purchaseRecord(purchase)) } }, test);
  }
}

/**
 * How a Zap maps one shop record into Add IdoSell Shop Order: an order 1:1 from New Order's fields,
 * a subscriber without an account typed in (Record Type: subscriber, its e-mail, language and shop).
 */
function shopOrderInput(record: ShopRecord): Record<string, unknown> {
  if (record.type === 'order') return addShopOrderInput(orderRecord(record));
  return { recordType: 'subscriber', email: record.email, language: record.language, shopId: String(record.shopId) };
}

/** Zapier, IdoSell: one Zap run per record, first read then the cancellations, spread over several connections. */
export async function runZapierShop(fixture: ShopFixture, ecomailUrl: string): Promise<void> {
  const perform = App.creates.add_shop_order.operation.perform;
  for (const [i, record] of fixture.phases.flat().entries()) {
    const inputData = { listId: String(LIST), consentMode: SHOP_CONSENT_MODE, ...shopOrderInput(record) };
    await runStep(perform, { authData: { apiKey: API_KEYS[i % API_KEYS.length], baseUrl: ecomailUrl }, inputData });
  }
}

/** Runs one phase in a child process (see zapier-child.ts); rejects with its stderr when it fails. */
export function runZapierInChild(
  fixtures: { goout: Fixture; shop?: ShopFixture },
  ecomailUrl: string,
  phase: 'goout' | 'ellity' | 'idosell',
  ellityTime: Date,
): Promise<void> {
  return runChild({ ...fixtures, ecomailUrl, phase, ellityTime: ellityTime.toISOString() }, phase);
}

/** Runs the GoOut purchases through another destination's Add GoOut Buyer in a child process. */
export function runZapierDestinationInChild(fixture: Fixture, destination: ZapierDestination): Promise<void> {
  return runChild({ goout: fixture, destination, phase: 'destination' }, destination.app);
}

async function runChild(childInput: Record<string, unknown>, phase: string): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cross-shell-zapier-'));
  const input = path.join(dir, 'input.json');
  writeFileSync(input, JSON.stringify(childInput));
  const child = spawn(process.execPath, [path.join(__dirname, 'zapier-child.cjs'), input], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const code = await new Promise<number>((resolve) => child.on('close', (exit) => resolve(exit ?? -1)));
  if (code !== 0) throw new Error(`the Zapier ${phase} runs failed (exit ${code}):\n${stderr.slice(-2000)}`);
}
