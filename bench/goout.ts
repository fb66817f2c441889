/** GoOut side of the benchmarks: the sandbox and the core's purchase source, wired as the CLI wires them. */
import { createMemoryStateStore, createNodeRuntime, type GoOutPurchase } from '@ecomail-bridge/shared/node';
import { connectGoOut, type GoOutConnection } from '../cli/src/sources/goout';
import { ORGANIZER_ID, startGoOutSandbox, type GoOutSandbox } from '../test/sandbox/goout';

export interface GoOutAccess {
  url: string;
  accessToken: string;
  refreshToken: string;
}

/** A sandbox holding `purchases` purchases (one sale per 2,500, so paging looks like a real organiser's). */
export async function startBenchGoOut(purchases: number): Promise<{ sandbox: GoOutSandbox; access: () => GoOutAccess }> {
  const sandbox = await startGoOutSandbox({ maxLoggedRequests: 1000 });
  sandbox.seed(purchases, { sales: Math.max(1, Math.ceil(purchases / 2500)), foreignSales: 0 });
  return { sandbox, access: () => ({ url: sandbox.url, ...sandbox.initialTokens() }) };
}

export function connect(access: GoOutAccess): GoOutConnection {
  return connectGoOut({
    runtime: createNodeRuntime(),
    baseUrl: access.url,
    tokenState: createMemoryStateStore(),
    initial: { accessToken: access.accessToken, refreshToken: access.refreshToken },
    onTokens: () => {},
  });
}

/** The first `limit` purchases of the organiser, in memory (for the benches that need items up front). */
export async function loadPurchases(access: GoOutAccess, limit: number): Promise<GoOutPurchase[]> {
  const purchases: GoOutPurchase[] = [];
  for await (const purchase of connect(access).source.purchases({ organizerId: ORGANIZER_ID, maxPurchases: limit })) purchases.push(purchase);
  return purchases;
}

export { ORGANIZER_ID };
