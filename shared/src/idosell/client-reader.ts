/**
 * Customer accounts behind orders (docs/idosell.md §8.1): per-shop e-mail approvals, birth date,
 * language. Read once per distinct client per run, up to 100 in one call, and cached.
 */
import { LruCache } from '../goout/lru-cache';
import { IDOSELL_GATES, clientsQuery, readClients, readLanguage, type RawClient } from './assumed-contract';
import type { IdoSellClient } from './client';
import { lookUpMissing } from './missing-lookup';

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

  /** A client the shop does not return (deleted since the order) is cached as null: no data and, above all, no consent. */
  async prefetch(clientIds: Iterable<string>): Promise<void> {
    await lookUpMissing(this.known, clientIds, null, async (chunk) => {
      const found = readClients(await this.client.get(IDOSELL_GATES.clients, clientsQuery(chunk)));
      return found.flatMap((raw): Array<[string, ShopClientInfo]> => {
        const id = raw.clientId === undefined || raw.clientId === null ? '' : String(raw.clientId);
        return id ? [[id, clientInfo(raw)]] : [];
      });
    });
  }

  /** The account of a prefetched client; null when the shop has none. */
  info(clientId: string): ShopClientInfo | null {
    return this.known.get(clientId) ?? null;
  }
}

/** The fields of one account that we use. */
function clientInfo(raw: RawClient): ShopClientInfo {
  const birth = typeof raw.clientBirthDate === 'string' && /^\d{4}-\d{2}-\d{2}/.test(raw.clientBirthDate) ? raw.clientBirthDate.slice(0, 10) : null;
  return {
    // [A] IdoSell writes an unknown birth date as zeros.
    birthDate: birth && !birth.startsWith('0000') ? birth : null,
    language: readLanguage(raw.langId),
    approvedShops: new Set((raw.newsletterEmailApprovalsData ?? []).map((approval) => Number(approval.shopId)).filter(Number.isFinite)),
  };
}
