/**
 * Customer accounts behind orders (docs/idosell.md §8.1): per-shop e-mail approvals, birth date,
 * language. Read once per distinct client per run, up to 100 in one call, and cached.
 */
import { LruCache } from '../goout/lru-cache';
import { IDOSELL_GATES, IDS_PER_CALL, clientsQuery, readClients, readLanguage } from './assumed-contract';
import type { IdoSellClient } from './client';

export interface ShopClientInfo {
  birthDate: string | null;
  language: string | null;
  /** Shops whose e-mail newsletter this client approved. */
  approvedShops: ReadonlySet<number>;
}

export class ShopClientReader {
  private readonly known: LruCache<string, ShopClientInfo | null>;

  constructor(
    private readonly client: IdoSellClient,
    cacheSize = 50_000,
  ) {
    this.known = new LruCache(cacheSize);
  }

  async prefetch(clientIds: Iterable<string>): Promise<void> {
    const missing = [...new Set(clientIds)].filter((id) => !this.known.has(id));
    for (let start = 0; start < missing.length; start += IDS_PER_CALL) {
      const chunk = missing.slice(start, start + IDS_PER_CALL);
      const found = readClients(await this.client.get(IDOSELL_GATES.clients, clientsQuery(chunk)));
      for (const raw of found) {
        const id = raw.clientId === undefined || raw.clientId === null ? '' : String(raw.clientId);
        if (!id) continue;
        const birth = typeof raw.clientBirthDate === 'string' && /^\d{4}-\d{2}-\d{2}/.test(raw.clientBirthDate) ? raw.clientBirthDate.slice(0, 10) : null;
        this.known.set(id, {
          // [A] IdoSell writes an unknown birth date as zeros.
          birthDate: birth && !birth.startsWith('0000') ? birth : null,
          language: readLanguage(raw.langId),
          approvedShops: new Set((raw.newsletterEmailApprovalsData ?? []).map((approval) => Number(approval.shopId)).filter(Number.isFinite)),
        });
      }
      // Not found (deleted since the order): no account data and, above all, no consent.
      for (const id of chunk) if (!this.known.has(id)) this.known.set(id, null);
    }
  }

  /** The account of a prefetched client; null when the shop has none. */
  info(clientId: string): ShopClientInfo | null {
    return this.known.get(clientId) ?? null;
  }
}
