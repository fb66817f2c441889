/**
 * Keeps a GoOut access + refresh token pair alive (docs/goout.md §2). GoOut's JWTs carry no `exp`, so
 * expiry is tracked from the time we obtained each token. No timers: a refresh happens when a call
 * needs a token and less than `refreshAheadMs` of its life remains, or after a 401.
 */
import { joinUrl, sendWithPolicy, type RetryOptions } from '../http';
import { systemClock, type Clock, type HttpTransport, type Sleep, type StateStore } from '../ports';
import {
  ACCESS_TTL_SECONDS,
  GOOUT_PATHS,
  REFRESH_TTL_SECONDS,
  REFRESH_VARIANT_ORDER,
  WRONG_VARIANT_STATUSES,
  isDeadRefreshToken,
  readRefreshReply,
  refreshRequest,
  type RefreshVariant,
} from './assumed-contract';
import { GoOutApiError, GoOutReconnectError, describeGoOutBody } from './errors';

/** The persisted token store (docs/goout.md §2.2) plus the refresh variant that last worked. */
export interface GoOutTokens {
  accessToken: string;
  refreshToken: string;
  /** ISO 8601. */
  accessObtainedAt: string;
  accessTtlSeconds: number;
  refreshObtainedAt: string;
  refreshTtlSeconds: number;
  refreshVariant?: RefreshVariant;
}

/** What a user pastes; timestamps default to "now" because GoOut does not tell us when it issued them. */
export type GoOutInitialTokens = Pick<GoOutTokens, 'accessToken' | 'refreshToken'> & Partial<GoOutTokens>;

export interface GoOutTokenManagerOptions {
  baseUrl?: string;
  transport: HttpTransport;
  sleep: Sleep;
  now?: Clock;
  retry?: Partial<RetryOptions>;
  /** The tokens the user pasted; used when the state store holds none yet. */
  initial?: GoOutInitialTokens;
  /** Where rotated tokens are kept between runs. */
  state?: StateStore;
  stateKey?: string;
  /** Lets a shell write rotated tokens back to its credential (n8n, Zapier) or file (CLI). */
  onTokens?: (tokens: GoOutTokens) => void | Promise<void>;
  /** Refresh when less than this remains of the access token's life; default 1 h (§2.2 rule 4). */
  refreshAheadMs?: number;
  /** Age from which `refreshTokenWarning()` speaks up; default 50 days (§2.2 rule 6). */
  warnAfterDays?: number;
  /**
   * How long a refused refresh waits before looking once more for a pair a concurrent refresh
   * saved (the winner saves right after its reply); default 1 s. Only with a `state` store.
   */
  raceGraceMs?: number;
}

const DAY_MS = 86_400_000;

export class GoOutTokenManager {
  private tokens?: GoOutTokens;
  private inFlight?: Promise<GoOutTokens>;
  private readonly now: Clock;
  private readonly stateKey: string;
  private readonly refreshUrl: string;

  constructor(private readonly options: GoOutTokenManagerOptions) {
    this.now = options.now ?? systemClock;
    this.stateKey = options.stateKey ?? 'goout.tokens';
    this.refreshUrl = joinUrl(options.baseUrl ?? 'https://goout.net', GOOUT_PATHS.renewal);
  }

  /** The current tokens (loaded from the state store, else the pasted pair). */
  async current(): Promise<GoOutTokens> {
    if (!this.tokens) {
      const stored = await this.options.state?.get<GoOutTokens>(this.stateKey);
      if (stored?.accessToken && stored.refreshToken) this.tokens = stored;
      else if (this.options.initial) this.tokens = this.fromPasted(this.options.initial);
      else throw new GoOutReconnectError('no GoOut tokens are stored');
    }
    return this.tokens;
  }

  /** A usable access token, refreshed first when it is about to expire. */
  async accessToken(): Promise<string> {
    const tokens = await this.current();
    const expiresAt = Date.parse(tokens.accessObtainedAt) + tokens.accessTtlSeconds * 1000;
    const ahead = this.options.refreshAheadMs ?? 3_600_000;
    if (!(this.now() < expiresAt - ahead)) return (await this.refresh(tokens.accessToken)).accessToken;
    return tokens.accessToken;
  }

  /**
   * GoOut refused `rejected` with 401: refresh unless someone already replaced that token, and
   * return the token to retry with.
   */
  async afterUnauthorized(rejected: string): Promise<string> {
    return (await this.refresh(rejected)).accessToken;
  }

  /**
   * Refreshes once for every caller that saw the same access token: concurrent callers share the
   * in-flight refresh, and a caller holding an already replaced token just gets the new one.
   */
  refresh(staleAccessToken?: string): Promise<GoOutTokens> {
    if (this.inFlight) return this.inFlight;
    if (this.tokens && staleAccessToken !== undefined && this.tokens.accessToken !== staleAccessToken) {
      return Promise.resolve(this.tokens);
    }
    this.inFlight = this.refreshOrAdoptPasted().finally(() => {
      this.inFlight = undefined;
    });
    return this.inFlight;
  }

  /** Whole days since the refresh token was obtained; it lapses around day 60. */
  async refreshTokenAgeDays(): Promise<number> {
    const tokens = await this.current();
    return Math.floor((this.now() - Date.parse(tokens.refreshObtainedAt)) / DAY_MS);
  }

  /** A warning for the user from day 50 on (§2.2 rule 6), else undefined. */
  async refreshTokenWarning(): Promise<string | undefined> {
    const age = await this.refreshTokenAgeDays();
    const tokens = await this.current();
    const lapseDay = Math.round(tokens.refreshTtlSeconds / 86_400);
    if (age < (this.options.warnAfterDays ?? 50)) return undefined;
    return `The GoOut refresh token is ${age} days old and lapses around day ${lapseDay}: generate new tokens in GoOut admin → API tokens soon.`;
  }

  private fromPasted(initial: GoOutInitialTokens): GoOutTokens {
    const at = new Date(this.now()).toISOString();
    return {
      accessObtainedAt: at,
      accessTtlSeconds: ACCESS_TTL_SECONDS,
      refreshObtainedAt: at,
      refreshTtlSeconds: REFRESH_TTL_SECONDS,
      ...initial,
    };
  }

  /**
   * The state store may still hold a dead pair after the user pasted a new one into the
   * credential: when the stored refresh token is refused and the pasted one differs, switch to the
   * pasted pair once and refresh with it.
   */
  private async refreshOrAdoptPasted(): Promise<GoOutTokens> {
    try {
      return await this.runRefresh();
    } catch (error) {
      const pasted = this.options.initial;
      if (!(error instanceof GoOutReconnectError) || !pasted || pasted.refreshToken === this.tokens?.refreshToken) throw error;
      this.tokens = await this.save(this.fromPasted(pasted));
      return this.runRefresh();
    }
  }

  private async runRefresh(): Promise<GoOutTokens> {
    const tokens = await this.current();
    // Whichever variant worked last, else the probe order (§2.2 rule 1); the other one once.
    const known = tokens.refreshVariant;
    const first: RefreshVariant = known ?? REFRESH_VARIANT_ORDER[0];
    const order: RefreshVariant[] = [first, first === 'A' ? 'B' : 'A'];
    for (const variant of order) {
      const response = await sendWithPolicy(refreshRequest(variant, this.refreshUrl, tokens), {
        transport: this.options.transport,
        sleep: this.options.sleep,
        now: this.now,
        retry: this.options.retry,
      });
      const reply = response.status >= 200 && response.status < 300 ? readRefreshReply(response.body) : undefined;
      if (reply) return this.saveRefreshed(tokens, reply, variant);
      // Probing, any 4xx may only mean "not this variant" (B carries no Bearer, §2.1).
      const refused = response.status >= 400 && response.status < 500;
      const tryOther = variant === first && (known === undefined ? refused : WRONG_VARIANT_STATUSES.includes(response.status));
      if (tryOther) continue;
      const detail = describeGoOutBody(response.body, [tokens.accessToken, tokens.refreshToken]);
      if (isDeadRefreshToken(response.status, response.body)) {
        const successor = await this.savedByConcurrentRefresh(tokens);
        if (successor) return successor;
        throw new GoOutReconnectError(`GoOut refused the refresh token: HTTP ${response.status}${detail ? ` ${detail}` : ''}`, response.status);
      }
      throw new GoOutApiError(response.status, 'POST', GOOUT_PATHS.renewal, detail ?? 'no access token in the reply');
    }
    // Unreachable: the loop either returns or throws on its second variant.
    throw new GoOutApiError(400, 'POST', GOOUT_PATHS.renewal);
  }

  private saveRefreshed(tokens: GoOutTokens, reply: { accessToken: string; refreshToken?: string }, variant: RefreshVariant): Promise<GoOutTokens> {
    const at = new Date(this.now()).toISOString();
    const rotated = reply.refreshToken !== undefined && reply.refreshToken !== tokens.refreshToken;
    return this.save({
      ...tokens,
      accessToken: reply.accessToken,
      accessObtainedAt: at,
      // Keep the old refresh token when none comes back (§2.2 rule 2).
      refreshToken: reply.refreshToken ?? tokens.refreshToken,
      refreshObtainedAt: rotated ? at : tokens.refreshObtainedAt,
      refreshVariant: variant,
    });
  }

  /**
   * Two refreshes from one stored pair (two Zap steps, two executions at once): the first rotates
   * the refresh token, and GoOut refuses the second like a dead token [A]. The connection is
   * healthy, so before calling it dead look for the pair the winner saved — now, and once more
   * after `raceGraceMs`, since the winner saves only after its reply — and carry on with it.
   */
  private async savedByConcurrentRefresh(presented: GoOutTokens): Promise<GoOutTokens | undefined> {
    const state = this.options.state;
    if (!state) return undefined;
    for (const wait of [0, this.options.raceGraceMs ?? 1_000]) {
      if (wait) await this.options.sleep(wait);
      const stored = await state.get<GoOutTokens>(this.stateKey);
      if (stored?.accessToken && stored.refreshToken && stored.refreshToken !== presented.refreshToken) {
        this.tokens = stored;
        return stored;
      }
    }
    return undefined;
  }

  /**
   * Persists before anyone can use the new pair: a rotated refresh token invalidates the old one,
   * so losing it would force the user to reconnect. Callers get the tokens only after this resolves.
   */
  private async save(tokens: GoOutTokens): Promise<GoOutTokens> {
    await this.options.state?.set(this.stateKey, tokens);
    await this.options.onTokens?.(tokens);
    this.tokens = tokens;
    return tokens;
  }
}
