/**
 * Session auth over a pasted GoOut token pair (GoOut issues tokens in its admin; there is no
 * OAuth redirect flow, so OAuth2 does not fit). The user pastes the pair; `sessionConfig.perform`
 * refreshes it and stores the live pair as computed fields — see session.ts for why every refresh
 * happens there. Core turns any 401 into RefreshAuthError for session apps.
 */
import { GOOUT_PATHS, GoOutClient } from '@ecomail-bridge/shared';
import type { Authentication, Bundle, ZObject } from 'zapier-platform-core';
import { secureBaseUrl } from '../platform/base-url';
import { ZAPIER_RETRY } from '../platform/retry';
import { zapierSleep } from '../platform/sleep';
import { createZapierTransport } from '../platform/zapier-transport';
import { withGoOutErrors } from './errors';
import { COMPUTED_KEYS, GOOUT_DEFAULT_BASE_URL, baseUrlOf, refreshSession, runTokenManager } from './session';

/** Where organizers generate the pair (docs/goout.md §2). */
const TOKEN_PAGE = '[GoOut for organizers](https://goout.net/en/for-organizers/)';
const TOKEN_HELP = `In GoOut open **Admin → API tokens** (the “Partner Portal”, see ${TOKEN_PAGE}) and generate a token pair. Both tokens are needed.`;

/** Reads one page of sales: proves the token works and names the GoOut user behind it. */
async function test(z: ZObject, bundle: Bundle): Promise<{ user: string }> {
  const { tokens, refreshWanted } = runTokenManager(bundle);
  const client = new GoOutClient({ baseUrl: secureBaseUrl(z, bundle.authData.baseUrl, 'GoOut') ?? baseUrlOf(bundle), transport: createZapierTransport(z), sleep: zapierSleep, tokens, retry: ZAPIER_RETRY });
  await withGoOutErrors(z, () => client.get(GOOUT_PATHS.sales, { pageIndex: 0, pageSize: 1 }), refreshWanted);
  return { user: goOutUserOf((await tokens.current()).accessToken) };
}

/** The GoOut user id from the JWT's `sub` (docs/goout.md §1): a label without exposing the token. */
function goOutUserOf(jwt: string): string {
  try {
    const payload = JSON.parse(Buffer.from(jwt.split('.')[1] ?? '', 'base64url').toString('utf8')) as { sub?: unknown };
    return payload.sub ? `GoOut user ${String(payload.sub)}` : 'GoOut account';
  } catch {
    return 'GoOut account';
  }
}

/**
 * Zapier appends the URL of every request of a failed perform to its error message ("What
 * happened"), uncensored, and variant A of the refresh call carries the refresh token in its URL
 * (docs/goout.md §2.1). The refresh's own messages say what failed, so they go out without it.
 */
async function perform(z: ZObject, bundle: Bundle) {
  try {
    return await withGoOutErrors(z, () => refreshSession(z, bundle));
  } catch (error) {
    if (error instanceof Error) Object.assign(error, { doNotContextify: true });
    throw error;
  }
}

export default {
  type: 'session',
  fields: [
    { key: 'initialAccessToken', label: 'Access Token', type: 'password', required: true, helpText: TOKEN_HELP },
    { key: 'initialRefreshToken', label: 'Refresh Token', type: 'password', required: true, helpText: `Generated together with the access token on the same page (${TOKEN_PAGE}). It lasts about 60 days; then generate a new pair and reconnect.` },
    { key: 'baseUrl', label: 'API Base URL', type: 'string', required: false, default: GOOUT_DEFAULT_BASE_URL, helpText: 'Leave as it is.' },
    ...COMPUTED_KEYS.map((key) => ({ key, type: 'string' as const, required: false, computed: true })),
  ],
  sessionConfig: { perform },
  test,
  connectionLabel: '{{bundle.inputData.user}}',
} satisfies Authentication;
