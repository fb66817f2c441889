/**
 * Runs the Zapier side of the cross-shell test in a process of its own, as Zapier runs an app:
 * zapier-platform-core counts runs per process and exits a process that has made 250 and holds
 * 450 MB, which a long Jest process does. Input: a JSON file with the fixtures, the sandbox URL and
 * the phase; output: nothing but the exit code (the parent reads the sandbox).
 */
import { readFileSync } from 'node:fs';
import { install } from '@sinonjs/fake-timers';
import type { Fixture } from './fixture';
import { runZapierEllity, runZapierGoOut, runZapierGoOutInto, runZapierShop, type ZapierDestination } from './run-zapier';
import type { ShopFixture } from './shop-fixture';

interface ChildInput {
  goout: Fixture;
  shop?: ShopFixture;
  ecomailUrl?: string;
  /** For the phase 'destination': the GetResponse or SALESmanago app and its connection. */
  destination?: ZapierDestination;
  phase: 'goout' | 'ellity' | 'idosell' | 'destination';
  /** Ellity sends no timestamp: the receipt time every shell uses (only Date is faked). */
  ellityTime?: string;
}

async function main(): Promise<void> {
  const input = JSON.parse(readFileSync(process.argv[2], 'utf8')) as ChildInput;
  if (input.phase === 'destination') return runZapierGoOutInto(input.goout, input.destination!);
  if (input.phase === 'goout') return runZapierGoOut(input.goout, input.ecomailUrl!);
  if (input.phase === 'idosell') return runZapierShop(input.shop!, input.ecomailUrl!);
  const clock = install({ now: new Date(input.ellityTime!), toFake: ['Date'] });
  try {
    await runZapierEllity(input.goout, input.ecomailUrl!);
  } finally {
    clock.uninstall();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  },
);
