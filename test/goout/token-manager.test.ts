import { GOOUT_RECONNECT_MESSAGE, GoOutReconnectError, GoOutTokenManager, type GoOutTokens } from '@ecomail-bridge/shared/node';
import { goOutSetup } from './helpers';

const HOUR = 3_600_000;
const SALES = '/services/entitystore/v2/sales';
const REFRESH = '/services/user/v3/refresh-tokens';

describe('GoOut token manager against the sandbox', () => {
  let setup: Awaited<ReturnType<typeof goOutSetup>>;
  afterEach(() => setup.sandbox.close());

  it('uses the pasted token while it is young and refreshes ahead of expiry', async () => {
    setup = await goOutSetup({ accessTtlMs: 24 * HOUR });
    setup.sandbox.seed(10);
    await setup.client.get(SALES, { pageIndex: 0 });
    expect(setup.sandbox.state.refreshCount()).toBe(0);

    setup.advance(23.5 * HOUR); // less than the 1 h margin left
    await setup.client.get(SALES, { pageIndex: 0 });
    expect(setup.sandbox.state.refreshCount()).toBe(1);
    // The data call went out with the new token: no 401 was needed.
    expect(setup.sandbox.state.requests().filter((r) => r.status === 401)).toHaveLength(0);
  });

  it('refreshes after a 401 and retries the call once', async () => {
    setup = await goOutSetup();
    setup.sandbox.seed(10);
    setup.sandbox.state.expireAccessTokens();
    const body = await setup.client.get<{ data: unknown[] }>(SALES, { pageIndex: 0 });
    expect(body.data.length).toBeGreaterThan(0);
    const log = setup.sandbox.state.requests().map((r) => `${r.path} ${r.status}`);
    expect(log).toEqual([`${SALES} 401`, `${REFRESH} 200`, `${SALES} 200`]);
  });

  it('saves every rotated refresh token through the state port and the callback before using it', async () => {
    setup = await goOutSetup({ rotateRefreshTokens: true });
    for (let round = 1; round <= 3; round++) {
      setup.sandbox.state.expireAccessTokens();
      await setup.client.get(SALES);
      const live = setup.sandbox.state.validTokens();
      const stored = (await setup.state.get<GoOutTokens>('goout.tokens'))!;
      expect(stored.refreshToken).toBe(live.refreshToken);
      expect(stored.accessToken).toBe(live.accessToken);
      expect(setup.saved).toHaveLength(round);
      expect(setup.saved[round - 1].refreshToken).toBe(live.refreshToken);
      // Saved right after the refresh answered, before the retried data call went out.
      const log = setup.sandbox.state.requests();
      const at = setup.savedAtRequest[round - 1];
      expect(log[at - 1].path).toBe(REFRESH);
      expect(log[at].path).toBe(SALES);
    }
    // A new manager on the same state store continues with the rotated pair, not the pasted one.
    const runtime = setup.runtime;
    const next = new GoOutTokenManager({ baseUrl: setup.sandbox.url, transport: runtime.transport, sleep: runtime.sleep, state: setup.state });
    expect((await next.current()).refreshToken).toBe(setup.sandbox.state.validTokens().refreshToken);
  });

  it('keeps the old refresh token when the reply carries none', async () => {
    setup = await goOutSetup({ rotateRefreshTokens: false });
    const before = (await setup.tokens.current()).refreshToken;
    setup.sandbox.state.expireAccessTokens();
    await setup.client.get(SALES);
    const after = await setup.tokens.current();
    expect(after.refreshToken).toBe(before);
    expect(after.refreshVariant).toBe('B');
  });

  it('sends the refresh token in the body (variant B) first: no URL carries it', async () => {
    setup = await goOutSetup();
    setup.sandbox.state.expireAccessTokens();
    await setup.client.get(SALES);
    const refreshCalls = setup.sandbox.state.requests().filter((r) => r.path === REFRESH);
    expect(refreshCalls.map((r) => [Object.keys(r.query), r.status])).toEqual([[[], 200]]);
    expect((await setup.tokens.current()).refreshVariant).toBe('B');
  });

  it('falls back to variant A once and remembers it', async () => {
    setup = await goOutSetup({ refreshVariant: 'A' });
    setup.sandbox.state.expireAccessTokens();
    await setup.client.get(SALES);
    setup.sandbox.state.expireAccessTokens();
    await setup.client.get(SALES);
    const refreshCalls = setup.sandbox.state.requests().filter((r) => r.path === REFRESH);
    // First refresh: B refused (400), A works; second refresh goes straight to A.
    expect(refreshCalls.map((r) => [('refreshToken' in r.query ? 'A' : 'B'), r.status])).toEqual([
      ['B', 400],
      ['A', 200],
      ['A', 200],
    ]);
    expect((await setup.tokens.current()).refreshVariant).toBe('A');
    expect(setup.sandbox.state.refreshCount()).toBe(2);
  });

  it('while the variant is unknown, a refused B is confirmed with A before the token counts as dead', async () => {
    setup = await goOutSetup();
    setup.sandbox.state.killRefreshTokens();
    setup.sandbox.state.expireAccessTokens();
    await expect(setup.client.get(SALES)).rejects.toBeInstanceOf(GoOutReconnectError);
    const refreshCalls = setup.sandbox.state.requests().filter((r) => r.path === REFRESH);
    expect(refreshCalls.map((r) => [('refreshToken' in r.query ? 'A' : 'B'), r.status])).toEqual([
      ['B', 401],
      ['A', 401],
    ]);
  });

  it('two managers refreshing one stored pair at once: the loser carries on with the pair the winner saved', async () => {
    setup = await goOutSetup({ rotateRefreshTokens: true });
    setup.sandbox.seed(10);
    await setup.tokens.current(); // the pasted pair
    await setup.state.set('goout.tokens', await setup.tokens.current());
    const runtime = setup.runtime;
    const second = new GoOutTokenManager({ baseUrl: setup.sandbox.url, transport: runtime.transport, sleep: runtime.sleep, state: setup.state, raceGraceMs: 200 });
    const [a, b] = await Promise.all([setup.tokens.refresh(), second.refresh()]);
    const live = setup.sandbox.state.validTokens();
    expect(setup.sandbox.state.refreshCount()).toBe(1);
    expect(setup.sandbox.state.requests().filter((r) => r.path === REFRESH).map((r) => r.status).sort()).toEqual([200, 401, 401]);
    expect([a.refreshToken, b.refreshToken]).toEqual([live.refreshToken, live.refreshToken]);
    expect((await setup.state.get<GoOutTokens>('goout.tokens'))!.refreshToken).toBe(live.refreshToken);
  });

  it('turns a dead refresh token into GoOutReconnectError with the exact message and no token', async () => {
    setup = await goOutSetup();
    const { refreshToken } = await setup.tokens.current();
    setup.sandbox.state.killRefreshTokens();
    setup.sandbox.state.expireAccessTokens();
    const error = await setup.client.get(SALES).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GoOutReconnectError);
    expect((error as Error).message.startsWith(GOOUT_RECONNECT_MESSAGE)).toBe(true);
    expect((error as Error).message.startsWith('Reconnect GoOut: generate new tokens in GoOut admin → API tokens')).toBe(true);
    expect((error as Error).message).not.toContain(refreshToken);
    expect((error as Error).message).not.toMatch(/eyJ/);
  });

  it('reports an expired refresh token (refreshTtlMs) the same way', async () => {
    setup = await goOutSetup({ refreshTtlMs: 60 * 24 * HOUR, accessTtlMs: 24 * HOUR });
    setup.advance(61 * 24 * HOUR);
    await expect(setup.client.get(SALES)).rejects.toBeInstanceOf(GoOutReconnectError);
  });

  it('switches to a newly pasted pair when the stored one is dead', async () => {
    setup = await goOutSetup();
    setup.sandbox.state.expireAccessTokens();
    await setup.client.get(SALES); // the state store now holds a rotated pair
    setup.sandbox.state.killRefreshTokens();
    setup.sandbox.state.expireAccessTokens();
    const runtime = setup.runtime;
    const manager = new GoOutTokenManager({
      baseUrl: setup.sandbox.url,
      transport: runtime.transport,
      sleep: runtime.sleep,
      state: setup.state,
      initial: setup.sandbox.initialTokens(), // the user pasted a new pair
    });
    await manager.refresh();
    expect((await setup.state.get<GoOutTokens>('goout.tokens'))!.refreshToken).toBe(setup.sandbox.state.validTokens().refreshToken);
  });

  it('shares one refresh between concurrent callers', async () => {
    setup = await goOutSetup();
    setup.sandbox.seed(10);
    setup.sandbox.state.expireAccessTokens();
    const bodies = await Promise.all(Array.from({ length: 20 }, () => setup.client.get(SALES)));
    expect(bodies).toHaveLength(20);
    expect(setup.sandbox.state.refreshCount()).toBe(1);
  });

  it('warns from day 50 of the refresh token', async () => {
    setup = await goOutSetup({ accessTtlMs: 24 * HOUR, rotateRefreshTokens: false });
    expect(await setup.tokens.refreshTokenWarning()).toBeUndefined();
    setup.advance(50 * 24 * HOUR);
    expect(await setup.tokens.refreshTokenAgeDays()).toBe(50);
    const warning = await setup.tokens.refreshTokenWarning();
    expect(warning).toMatch(/50 days old/);
    expect(warning).not.toMatch(/eyJ/);
  });
});
