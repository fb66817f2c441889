/**
 * The per-contact baseline, as a hand-made HTTP flow does it: one `POST /lists/{id}/subscribe` per
 * purchase, a plain axios loop (not our client). It is given its best case: it paces itself to
 * exactly the limit and honours Retry-After. Purchases are read and mapped by the same core code
 * as ours, so only the way of writing differs.
 */
import axios from 'axios';
import { mapGoOutPurchase } from '@ecomail-bridge/shared/node';
import type { BackfillFigures, EcomailAccess } from './backfill-ours';
import { connect, ORGANIZER_ID, type GoOutAccess } from './goout';
import { countingSleep, LIMIT, WINDOW_MS } from './scale';

const MAX_TRIES = 10;

export async function backfillPerContact(goout: GoOutAccess, ecomail: EcomailAccess): Promise<BackfillFigures & { throttled: number }> {
  const http = axios.create({ baseURL: ecomail.url, headers: { key: ecomail.apiKey }, validateStatus: () => true });
  const clock = countingSleep();
  const gap = WINDOW_MS / LIMIT;
  let calls = 0;
  let throttled = 0;
  const source = connect(goout).source;
  const emails = new Set<string>();
  const started = performance.now();
  for await (const purchase of source.purchases({ organizerId: ORGANIZER_ID })) {
    const subscriber = mapGoOutPurchase(purchase);
    emails.add(subscriber.email);
    for (let attempt = 1; ; attempt++) {
      const due = started + calls * gap - performance.now();
      if (due > 0) await clock.sleep(due);
      calls++;
      const response = await http.post('/lists/1/subscribe', { subscriber_data: subscriber, update_existing: true });
      if (response.status !== 429) {
        if (response.status >= 300) throw new Error(`subscribe answered ${response.status}`);
        break;
      }
      throttled++;
      if (attempt === MAX_TRIES) throw new Error('still throttled after 10 tries');
      await clock.sleep(Number(response.headers['retry-after'] ?? 1) * 1000);
    }
  }
  const purchases = source.stats.emitted + source.stats.skippedNoEmail + source.stats.skippedRefunded;
  return { purchases, contacts: emails.size, ecomailCalls: calls, ms: performance.now() - started, waitedMs: clock.waited(), throttled };
}
