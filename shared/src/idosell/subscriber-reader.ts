/**
 * Newsletter subscribers without a customer account (docs/idosell.md §8.2): only people whose
 * approval for a shop is "y". Pages from 0, 100 a page.
 */
import { IDOSELL_GATES, PAGE_LIMIT, newsletterSearchParams, readLanguage, readSubscribersPage } from './assumed-contract';
import type { IdoSellClient } from './client';
import type { ShopSubscriber } from './types';

const EMAIL = /^[^\s@]+@[^\s@]+$/;

export interface SubscriberReadStats {
  read: number;
  skippedNoEmail: number;
  pages: number;
}

/** Streams the subscribers of `shopIds`, one record per person and approving shop; resumable from `fromPage`. */
export async function* shopSubscribers(
  client: IdoSellClient,
  shopIds: readonly number[],
  stats: SubscriberReadStats,
  fromPage = 0,
  onPageDone?: (nextPage: number) => void,
): AsyncGenerator<ShopSubscriber> {
  for (let page = fromPage; ; page++) {
    const reply = await client.post(IDOSELL_GATES.newsletterSearch, newsletterSearchParams(shopIds, page));
    const { subscribers, page: info } = readSubscribersPage(reply);
    stats.pages++;
    for (const raw of subscribers) {
      const email = typeof raw.email === 'string' ? raw.email.trim().toLowerCase() : '';
      if (!EMAIL.test(email)) {
        stats.skippedNoEmail++;
        continue;
      }
      for (const shop of Object.values(raw.shops ?? {})) {
        const shopId = Number(shop?.shop_id);
        if (shop?.approval !== 'y' || !shopIds.includes(shopId)) continue;
        stats.read++;
        yield {
          type: 'subscriber',
          source: 'idosell',
          email,
          language: readLanguage(raw.language),
          shopId,
          changedAt: typeof shop.date_modification === 'string' ? shop.date_modification : null,
        };
      }
    }
    onPageDone?.(page + 1);
    // Safe stop rule (§5): a short page, or the last page when the reply says how many there are.
    if (reply === undefined || info.count < PAGE_LIMIT || (info.pages !== undefined && page + 1 >= info.pages)) return;
  }
}
