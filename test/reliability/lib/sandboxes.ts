/** Starts the sandboxes with the suite's credentials and counts the faults they injected. */
import { startEcomailSandbox, type EcomailSandbox, type EcomailSandboxOptions, type SandboxCall } from '../../sandbox/ecomail';
import { startGoOutSandbox, type GoOutSandbox, type GoOutSandboxOptions } from '../../sandbox/goout';
import { GOOUT_TOKEN_MARKER, SECRETS, rememberSecret } from './secrets';

export function startEcomail(options: EcomailSandboxOptions = {}): Promise<EcomailSandbox> {
  // Generous real limit: these scenarios inject their own throttling.
  return startEcomailSandbox({ apiKeys: [SECRETS.ecomailKey], rateLimit: { requests: 100_000, windowMs: 60_000 }, ...options });
}

export async function startGoOut(
  purchases: number,
  options: GoOutSandboxOptions = {},
): Promise<{ goout: GoOutSandbox; tokens: { accessToken: string; refreshToken: string } }> {
  // Every token carries the run's marker, so the leak scan finds even a cut-off one.
  const goout = await startGoOutSandbox({ tokenMarker: GOOUT_TOKEN_MARKER, ...options });
  goout.seed(purchases);
  const tokens = issueTokens(goout);
  return { goout, tokens };
}

/** A fresh pair, remembered for the leak scan. */
export function issueTokens(goout: GoOutSandbox): { accessToken: string; refreshToken: string } {
  const tokens = goout.initialTokens();
  rememberSecret(tokens.accessToken);
  rememberSecret(tokens.refreshToken);
  return tokens;
}

/** Every token the GoOut sandbox still considers valid (rotated ones), for the leak scan. */
export function rememberGoOutTokens(goout: GoOutSandbox): void {
  const { accessToken, refreshToken } = goout.state.validTokens();
  rememberSecret(accessToken);
  rememberSecret(refreshToken);
}

export interface InjectedFaults {
  throttled: number;
  serverErrors: number;
  resets: number;
}

/**
 * Faults the Ecomail sandbox answered with: 429s, 5xx and destroyed sockets (status 0). Every such
 * answer in these scenarios is injected (no handler fails, the real limit is out of reach).
 */
export function injectedFaults(calls: readonly SandboxCall[]): InjectedFaults {
  return {
    throttled: calls.filter((call) => call.status === 429).length,
    serverErrors: calls.filter((call) => call.status >= 500).length,
    resets: calls.filter((call) => call.status === 0).length,
  };
}

/** E-mails of every subscribe-bulk row Ecomail accepted, in arrival order (repeats kept). */
export function acceptedBulkEmails(calls: readonly SandboxCall[]): string[] {
  return calls
    .filter((call) => call.method === 'POST' && call.path.endsWith('/subscribe-bulk') && call.status === 200)
    .flatMap((call) => ((call.body as { subscriber_data?: Array<{ email: string }> }).subscriber_data ?? []).map((row) => row.email));
}

/** Waits (bounded) until `condition` holds. */
export async function waitFor(condition: () => boolean, what: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
