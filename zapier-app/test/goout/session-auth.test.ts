/**
 * Proves the GoOut session design on zapier-platform-core 19.1.0: refresh on 401 and ahead of
 * expiry happen through Zapier's RefreshAuthError → sessionConfig.perform loop, and a rotated
 * refresh token is kept in authData (computed fields), so the chain survives many refreshes.
 */
import { App, appTester, goOutHarness } from './harness';

let h: Awaited<ReturnType<typeof goOutHarness>>;
let clock = Date.parse('2026-06-01T08:00:00Z');

beforeEach(async () => {
  clock = Date.parse('2026-06-01T08:00:00Z');
  h = await goOutHarness({ now: () => clock, rotateRefreshTokens: true });
  h.sandbox.seed(30);
});
afterEach(() => h.sandbox.close());

const poll = () => appTester(App.triggers.new_purchase.operation.perform, { authData: h.authData(), inputData: {} });

it('declares the live tokens as computed fields of a session auth', () => {
  expect(App.authentication.type).toBe('session');
  const computed = App.authentication.fields.filter((field: { computed?: boolean }) => field.computed).map((field: { key: string }) => field.key);
  expect(computed).toEqual(expect.arrayContaining(['accessToken', 'refreshToken', 'accessObtainedAt', 'chainOf']));
});

it('connects: perform refreshes the pasted pair, stores the rotated pair; test labels the account', async () => {
  const pastedRefresh = h.authData().initialRefreshToken;
  const computed = await h.zapierRefresh();
  expect(computed.refreshToken).toBeTruthy();
  expect(computed.refreshToken).not.toBe(pastedRefresh);
  expect(computed.refreshToken).toBe(h.sandbox.state.validTokens().refreshToken);
  expect(JSON.stringify(computed)).not.toContain(pastedRefresh);
  const label = await appTester(App.authentication.test, { authData: h.authData() });
  expect(label).toEqual({ user: 'GoOut user 4242' });
});

it('on 401 the run asks Zapier to refresh (no refresh call from the run), and the rotated token chain keeps working', async () => {
  await h.zapierRefresh();
  expect(await poll()).not.toHaveLength(0);

  for (let cycle = 1; cycle <= 3; cycle++) {
    h.sandbox.state.expireAccessTokens();
    const refreshesBefore = h.sandbox.state.refreshCount();
    await expect(poll()).rejects.toMatchObject({ name: 'RefreshAuthError' });
    expect(h.sandbox.state.refreshCount()).toBe(refreshesBefore);

    const previousRefresh = h.authData().refreshToken;
    await h.zapierRefresh();
    // Rotated every time, and the one Zapier now holds is the one GoOut accepts.
    expect(h.authData().refreshToken).not.toBe(previousRefresh);
    expect(h.authData().refreshToken).toBe(h.sandbox.state.validTokens().refreshToken);
    await expect(poll()).resolves.toEqual(expect.any(Array));
  }
});

it('refreshes ahead of expiry: with under an hour of the access token left the run asks for a refresh first', async () => {
  await h.zapierRefresh();
  clock += 23.5 * 3_600_000;
  const requestsBefore = h.sandbox.state.requestCount();
  // Core computes "time left" with the real clock; make the stored token look 23.5 h old.
  h.setAuthData({ ...h.authData(), accessObtainedAt: new Date(Date.now() - 23.5 * 3_600_000).toISOString() });
  await expect(poll()).rejects.toMatchObject({ name: 'RefreshAuthError' });
  expect(h.sandbox.state.requestCount()).toBe(requestsBefore);
  await h.zapierRefresh();
  await expect(poll()).resolves.toEqual(expect.any(Array));
});

it('a dead refresh token ends in ExpiredAuthError with the reconnect instructions', async () => {
  await h.zapierRefresh();
  h.sandbox.state.killRefreshTokens();
  await expect(appTester(App.authentication.sessionConfig.perform, { authData: h.authData() })).rejects.toMatchObject({
    name: 'ExpiredAuthError',
    message: expect.stringContaining('Reconnect GoOut'),
  });
});

it('a newly pasted pair starts a new chain instead of reusing the old computed tokens', async () => {
  await h.zapierRefresh();
  h.sandbox.state.killRefreshTokens();
  const fresh = h.sandbox.initialTokens();
  h.setAuthData({ ...h.authData(), initialAccessToken: fresh.accessToken, initialRefreshToken: fresh.refreshToken });
  const computed = await h.zapierRefresh();
  expect(computed.refreshToken).toBe(h.sandbox.state.validTokens().refreshToken);
  await expect(poll()).resolves.toEqual(expect.any(Array));
});
