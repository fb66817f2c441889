/**
 * (g) A GoOut trigger over 1,000 pages of purchase history (100,000 purchases in two sales): after
 * its activation poll has read the history once, a poll that finds nothing new costs the same few
 * requests as over 10 pages.
 */
import type { E2eContext } from '../context';
import { WORKFLOW_IDS } from '../fixtures';
import { expectEqual } from './expect';
import { idlePollRequests } from './idle-polls';

export const LONG_HISTORY_PURCHASES = 100_000;

export async function checkGoOutLongHistory(context: E2eContext): Promise<string> {
  expectEqual(context.gooutLongHistory.state.purchaseCount(), LONG_HISTORY_PURCHASES, 'purchases in the long-history sandbox');
  const idle = await idlePollRequests(context.gooutLongHistory, 3);
  expectEqual(await context.db.executions(WORKFLOW_IDS.gooutLongHistory), [], 'executions of the long-history workflow (nothing new)');
  return `idle poll at 1,000 pages: ${idle}`;
}
