import { EcomailApiError } from './errors';
import type { BulkItemOutcome, BulkUpsertResult, SubscriberData } from './types';
import { validateSubscriber } from './validation';

/** Ecomail drops every row past 3,000 in one subscribe-bulk call without a word. */
export const BULK_SUBSCRIBE_LIMIT = 3000;

export interface BulkPlan {
  chunkSize: number;
  concurrency: number;
  /** Sends one chunk; resolves with Ecomail's `inserts` count. */
  send: (rows: SubscriberData[]) => Promise<number>;
}

interface Row {
  index: number;
  data: SubscriberData;
}

/**
 * Upserts many contacts so that none vanishes: rows Ecomail would refuse are rejected here with
 * their reason; the rest go in chunks of at most 3,000. When Ecomail refuses a whole chunk for a
 * row-level reason (4xx other than auth / not found / rate limit), the chunk is halved until the
 * offending rows stand alone, so one bad row fails alone and its neighbours still arrive.
 */
export async function bulkUpsert(subscribers: readonly SubscriberData[], plan: BulkPlan): Promise<Omit<BulkUpsertResult, 'requests'>> {
  const chunkSize = Math.max(1, Math.min(BULK_SUBSCRIBE_LIMIT, Math.floor(plan.chunkSize)));
  const outcomes: BulkItemOutcome[] = new Array(subscribers.length);
  const valid: Row[] = [];
  subscribers.forEach((data, index) => {
    const email = typeof data?.email === 'string' ? data.email : '';
    const reason = validateSubscriber(data);
    if (reason) outcomes[index] = { index, email, status: 'rejected', reason };
    else valid.push({ index, data });
  });

  const chunks: Row[][] = [];
  for (let i = 0; i < valid.length; i += chunkSize) chunks.push(valid.slice(i, i + chunkSize));

  let inserted = 0;
  const sendRows = async (rows: Row[]): Promise<void> => {
    try {
      inserted += await plan.send(rows.map((row) => row.data));
      for (const row of rows) outcomes[row.index] = { index: row.index, email: row.data.email, status: 'sent' };
    } catch (error) {
      // A refused key fails every row the same way: stop and say so once.
      if (error instanceof EcomailApiError && error.isAuthError) throw error;
      if (rows.length > 1 && isRowLevel(error)) {
        const middle = Math.ceil(rows.length / 2);
        await sendRows(rows.slice(0, middle));
        await sendRows(rows.slice(middle));
        return;
      }
      const reason = error instanceof Error ? error.message : String(error);
      const httpStatus = error instanceof EcomailApiError ? error.status : undefined;
      for (const row of rows) outcomes[row.index] = { index: row.index, email: row.data.email, status: 'failed', reason, httpStatus };
    }
  };

  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < chunks.length) await sendRows(chunks[next++]);
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(plan.concurrency, chunks.length)) }, worker));

  let sent = 0;
  let rejected = 0;
  let failed = 0;
  for (const outcome of outcomes) {
    if (outcome.status === 'sent') sent++;
    else if (outcome.status === 'rejected') rejected++;
    else failed++;
  }
  return { outcomes, inserted, sent, rejected, failed };
}

function isRowLevel(error: unknown): boolean {
  return (
    error instanceof EcomailApiError &&
    error.status >= 400 &&
    error.status < 500 &&
    ![401, 403, 404, 429].includes(error.status)
  );
}
