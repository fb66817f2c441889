/**
 * (i) Two executions refresh from one stored GoOut pair (issue 13 point 5, the n8n side): two
 * published GoOut Triggers share one credential and poll at the same seconds. When the access token
 * expires, both refresh with the same refresh token; GoOut rotates it for the first and refuses the
 * second. The second must carry on with the pair n8n saved for the first, not report a dead token:
 * both workflows emit the new purchase and no execution fails. Whether the two refreshes really
 * overlap is up to timing, so the round is repeated until GoOut refused one.
 */
import type { E2eContext } from '../context';
import { WORKFLOW_IDS } from '../fixtures';
import { waitFor } from '../wait-for';
import { expectEqual } from './expect';

const REFRESH = '/services/user/v3/refresh-tokens';
const ROUNDS = 5;
const TRIGGERS = [WORKFLOW_IDS.gooutRaceA, WORKFLOW_IDS.gooutRaceB];

export async function checkGoOutTokenRace(context: E2eContext): Promise<string> {
  const goout = context.gooutRace;
  for (let round = 1; round <= ROUNDS; round++) {
    const before = await executionCounts(context);
    goout.state.clearRequests();
    goout.addPurchases(1, 'paid');
    goout.state.expireAccessTokens();
    const after = await waitFor(
      async () => {
        const counts = await executionCounts(context);
        return counts.every((count, i) => count > before[i]!) ? counts : undefined;
      },
      { timeoutMs: 60_000, intervalMs: 500, what: `round ${round}: an execution of each trigger after the access token expired` },
    );
    expectEqual(after, before.map((count) => count + 1), `round ${round}: executions per trigger (one new purchase each)`);
    for (const id of TRIGGERS) {
      expectEqual([...new Set((await context.db.executions(id)).map((e) => e.status))], ['success'], `statuses of ${id}'s executions`);
    }
    const refreshes = goout.state.requests().filter((r) => r.path === REFRESH).map((r) => r.status).sort();
    // No overlap: one refresh, the other trigger already read the new pair. Overlap: the loser
    // tried the body variant and the query variant with the rotated-away token.
    if (refreshes.length === 1) {
      expectEqual(refreshes, [200], `round ${round}: refresh answers`);
      continue;
    }
    expectEqual(refreshes, [200, 401, 401], `round ${round}: refresh answers (one winner, one loser)`);
    return `race in round ${round}: GoOut refused the loser's refresh, both triggers emitted the purchase, no failed execution`;
  }
  throw new Error(`the two refreshes never overlapped in ${ROUNDS} rounds`);
}

async function executionCounts(context: E2eContext): Promise<number[]> {
  return Promise.all(TRIGGERS.map(async (id) => (await context.db.executions(id)).length));
}
