import {
  createMemoryStateStore,
  createNodeRuntime,
  GoOutClient,
  GoOutTokenManager,
  type GoOutPurchase,
  type GoOutTokens,
} from '@ecomail-bridge/shared/node';
import { startGoOutSandbox, type GoOutSandbox, type GoOutSandboxOptions } from '../sandbox/goout';

/** A sandbox and a token manager + client wired to it, sharing one fake clock the test moves. */
export async function goOutSetup(options: GoOutSandboxOptions = {}, refreshAheadMs?: number) {
  let clock = Date.parse('2026-03-01T08:00:00Z');
  const now = () => clock;
  const sandbox: GoOutSandbox = await startGoOutSandbox({ now, ...options });
  const runtime = createNodeRuntime();
  const state = createMemoryStateStore();
  const saved: GoOutTokens[] = [];
  /** How many requests the sandbox had answered when each rotated pair was saved. */
  const savedAtRequest: number[] = [];
  const tokens = new GoOutTokenManager({
    baseUrl: sandbox.url,
    transport: runtime.transport,
    sleep: runtime.sleep,
    now,
    initial: sandbox.initialTokens(),
    state,
    onTokens: (t) => {
      saved.push(t);
      savedAtRequest.push(sandbox.state.requestCount());
    },
    refreshAheadMs,
    retry: { baseDelayMs: 1, maxDelayMs: 5 },
  });
  const client = new GoOutClient({ baseUrl: sandbox.url, transport: runtime.transport, sleep: runtime.sleep, now, tokens });
  return {
    sandbox,
    tokens,
    client,
    state,
    saved,
    savedAtRequest,
    runtime,
    advance: (ms: number) => {
      clock += ms;
    },
  };
}

/** Everything a purchase stream yields, in order. */
export async function collect(iterable: AsyncIterable<GoOutPurchase>): Promise<GoOutPurchase[]> {
  const out: GoOutPurchase[] = [];
  for await (const p of iterable) out.push(p);
  return out;
}
