import type { HttpResponse } from '../ports';

/** What a server says about its own rate window on a reply. */
export interface RateWindow {
  /** Calls the window allows, when the server says. */
  limit?: number;
  /** Calls left in the current window. */
  remaining: number;
  /** Milliseconds until the window starts afresh. */
  resetMs: number;
}

/** Reads the rate window a server reports on a reply; undefined when it reports none. */
export type RateWindowReader = (response: HttpResponse) => RateWindow | undefined;

/** Below this share of the window's calls, the rest are spread over the time that is left. */
const LOW_WATER_SHARE = 0.1;

function headerNumber(value: string | undefined): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const number = Number(value.trim());
  return Number.isFinite(number) && number >= 0 ? number : undefined;
}

/**
 * `X-RateLimit-Limit`, `X-RateLimit-Remaining` and `X-RateLimit-Reset` where Reset counts the
 * SECONDS left in the current window (GetResponse, docs/getresponse.md §6) — not the epoch-seconds
 * form other APIs use, which is why no client reads these headers unless it opts in.
 */
export const secondsLeftRateWindow: RateWindowReader = (response) => {
  const remaining = headerNumber(response.headers['x-ratelimit-remaining']);
  const reset = headerNumber(response.headers['x-ratelimit-reset']);
  if (remaining === undefined || reset === undefined) return undefined;
  const limit = headerNumber(response.headers['x-ratelimit-limit']);
  return { ...(limit === undefined ? {} : { limit }), remaining, resetMs: reset * 1000 };
};

/**
 * How long every caller of the key should hold off before the next call: the whole rest of the
 * window when none is left; when few are left, an even share of it per remaining call, so the
 * last calls of a window are spread instead of ending in a 429; otherwise nothing.
 */
export function rateWindowPauseMs(window: RateWindow): number {
  if (window.remaining <= 0) return window.resetMs;
  if (window.limit !== undefined && window.remaining < window.limit * LOW_WATER_SHARE) {
    return Math.ceil(window.resetMs / (window.remaining + 1));
  }
  return 0;
}
