/**
 * Two Zap steps run `sessionConfig.perform` at once from the same authData while GoOut rotates
 * refresh tokens: one refresh wins, the other is refused (its refresh token was just rotated away)
 * and must not end in ExpiredAuthError, which would mark the healthy connection expired. Both
 * hand Zapier the winner's pair, so the rotated refresh token is kept whichever result Zapier
 * merges last.
 */
import { App, appTester, goOutHarness } from './harness';

let h: Awaited<ReturnType<typeof goOutHarness>>;

beforeEach(async () => {
  h = await goOutHarness({ rotateRefreshTokens: true });
  h.sandbox.seed(10);
  await h.zapierRefresh();
});
afterEach(() => h.sandbox.close());

const REFRESH = '/services/user/v3/refresh-tokens';
const perform = (authData: Record<string, string>) => appTester(App.authentication.sessionConfig.perform, { authData });

it('the refresh that loses the race returns the winner\'s rotated pair instead of ExpiredAuthError', async () => {
  const shared = h.authData();
  h.sandbox.state.clearRequests();
  const results = await Promise.allSettled([perform(shared), perform(shared)]);

  expect(results.map((result) => result.status)).toEqual(['fulfilled', 'fulfilled']);
  const [a, b] = results.map((result) => (result as PromiseFulfilledResult<Record<string, string>>).value);
  const live = h.sandbox.state.validTokens();
  expect([a.refreshToken, b.refreshToken]).toEqual([live.refreshToken, live.refreshToken]);
  expect([a.accessToken, b.accessToken]).toEqual([live.accessToken, live.accessToken]);
  // The race really happened: one refresh granted, the other's refresh token refused.
  expect(h.sandbox.state.requests().filter((r) => r.path === REFRESH).map((r) => r.status)).toEqual([200, 401]);

  // Zapier merges either result; the connection keeps working, and the next refresh works too.
  h.setAuthData({ ...shared, ...b });
  h.sandbox.state.clearRequests();
  await appTester(App.triggers.new_purchase.operation.perform, { authData: h.authData(), inputData: { organizerId: '101' } });
  expect(new Set(h.sandbox.state.requests().map((r) => r.status))).toEqual(new Set([200]));
  const next = await h.zapierRefresh();
  expect(next.refreshToken).toBe(h.sandbox.state.validTokens().refreshToken);
});

it('a perform that starts after another one refreshed uses the newest pair, even from stale authData', async () => {
  const stale = h.authData();
  const first = await perform(stale);
  h.sandbox.state.clearRequests();
  const second = await perform(stale);
  expect(h.sandbox.state.requests().map((r) => [r.path, r.status])).toEqual([[REFRESH, 200]]);
  expect(second.refreshToken).toBe(h.sandbox.state.validTokens().refreshToken);
  expect(second.refreshToken).not.toBe(first.refreshToken);
});

it('a refresh token that is really dead still ends in ExpiredAuthError', async () => {
  h.sandbox.state.killRefreshTokens();
  await expect(perform(h.authData())).rejects.toMatchObject({ name: 'ExpiredAuthError' });
});
