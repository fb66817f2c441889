/**
 * Counts the GoOut requests of polls that find nothing new, as the sandbox received them from n8n.
 * Each poll starts with the first sales page, so the requests between two such calls are one poll.
 */
import type { GoOutSandbox } from '../../../sandbox/goout';
import { waitFor } from '../wait-for';
import { expectEqual } from './expect';

const SALES = '/services/entitystore/v2/sales';
const PURCHASES = '/services/reporting/v1/purchases';

/** What an idle poll costs with the workflows' two active sales on one sales page. */
export const IDLE_POLL = { salesPages: 1, purchasePages: 3 } as const;

export async function idlePollRequests(goout: GoOutSandbox, polls: number): Promise<string> {
  goout.state.clearRequests();
  // The first sales call after clearing starts the first whole poll; one more ends the last one.
  const log = await waitFor(
    () => {
      const requests = goout.state.requests();
      return requests.filter((r) => r.path === SALES && r.query.pageIndex?.[0] === '0').length > polls ? requests : undefined;
    },
    { timeoutMs: 60_000, what: `${polls} whole GoOut polls` },
  );
  const starts = log.flatMap((r, i) => (r.path === SALES && r.query.pageIndex?.[0] === '0' ? [i] : []));
  const perPoll = starts.slice(0, polls).map((start, k) => {
    const requests = log.slice(start, starts[k + 1]);
    return {
      salesPages: requests.filter((r) => r.path === SALES).length,
      purchasePages: requests.filter((r) => r.path === PURCHASES).length,
      other: requests.filter((r) => r.path !== SALES && r.path !== PURCHASES).map((r) => r.path),
    };
  });
  expectEqual(perPoll, perPoll.map(() => ({ ...IDLE_POLL, other: [] })), `requests of ${polls} idle polls`);
  return `${IDLE_POLL.salesPages + IDLE_POLL.purchasePages} requests per poll (${IDLE_POLL.salesPages} sales page + ${IDLE_POLL.purchasePages} purchase pages) in each of ${polls} polls`;
}
