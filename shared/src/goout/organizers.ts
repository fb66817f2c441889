import { GOOUT_PATHS, readHasNext, readSalesPage, salesQuery } from './assumed-contract';
import type { GoOutClient } from './client';

export interface GoOutOrganizer {
  id: string;
  /** Sales of this organizer among those read. */
  sales: number;
}

/**
 * The organizers whose sales one GoOut login sees (a token may see several, docs/goout.md §1), in the
 * order their first sale is listed, for a shell's organizer picker. GoOut exposes no organizer
 * names [U], only the ids on the sales. Reads at most `maxPages` sales pages.
 */
export async function goOutOrganizers(client: GoOutClient, options: { maxPages?: number } = {}): Promise<GoOutOrganizer[]> {
  const counts = new Map<string, number>();
  for (let pageIndex = 0; pageIndex < (options.maxPages ?? 20); pageIndex++) {
    const body = await client.get(GOOUT_PATHS.sales, salesQuery(pageIndex));
    const { sales } = readSalesPage(body);
    for (const sale of sales) if (sale.organizerId) counts.set(sale.organizerId, (counts.get(sale.organizerId) ?? 0) + 1);
    if (!readHasNext(body) || sales.length === 0) break;
  }
  return [...counts].map(([id, sales]) => ({ id, sales }));
}
