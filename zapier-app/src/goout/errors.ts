/**
 * GoOut's errors in a Zap:
 * - `goOutAnswers`, the app's afterResponse rule (index.ts): 429 → ThrottledError with GoOut's
 *   Retry-After. Nothing else, because every other status is the core's to read: a 401 arrives as
 *   Zapier's RefreshAuthError, which the transport hands back to the core as the 401 it refreshes
 *   on, and during a refresh a 4xx may mean "try the other form" or "another step just rotated the
 *   token" (issue 13 point 5) — only the core can tell a dead token from a lost race.
 * - `withGoOutErrors`, around every GoOut run and refresh (run-client.ts, authentication.ts), where
 *   the core's verdicts surface: when the run's token manager asked for a refresh (which only
 *   `sessionConfig.perform` may do, see session.ts) the run ends with RefreshAuthError whatever the
 *   error was, so Zapier refreshes and retries; a dead refresh token (decided after the race check)
 *   → ExpiredAuthError, since only the user can paste a new pair; other 4xx → z.errors.Error.
 */
import { GoOutApiError, GoOutReconnectError } from '@ecomail-bridge/shared';
import type { ZObject } from 'zapier-platform-core';
import type { AnswerRule } from '../platform/answer-middleware';
import { throttledError } from '../platform/throttle';

export const goOutAnswers: AnswerRule = (answer, z) => (answer.status === 429 ? throttledError(z, 'GoOut', answer) : undefined);

function goOutCoreError(z: ZObject, error: unknown): unknown {
  if (error instanceof GoOutReconnectError) return new z.errors.ExpiredAuthError(error.message);
  if (error instanceof GoOutApiError && error.status >= 400 && error.status < 500) return new z.errors.Error(error.message, 'GoOutRejected', error.status);
  return error;
}

export async function withGoOutErrors<T>(z: ZObject, run: () => Promise<T>, refreshWanted: () => boolean = () => false): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (refreshWanted()) throw new z.errors.RefreshAuthError('The GoOut access token needs a refresh.');
    throw goOutCoreError(z, error);
  }
}
