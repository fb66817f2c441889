/**
 * Errors from API answers are made where Zapier expects them (docs/zapier-platform.md §6.1): in
 * the app's `afterResponse` middleware, which runs inside `z.request` for every request the core
 * sends through the Zapier transport. Each app hands its rule to `answerMiddleware` once
 * (`src/<app>/index.ts`); an error the rule returns is thrown, the transport passes it to the core
 * as a final answer (the ports' `finalAnswer`), and the core's retry policy throws it on unchanged
 * and unretried: the step ends with exactly that Zapier error.
 *
 * A rule maps only answers that mean the same whatever call made them (a refused key, a 429,
 * IdoSell's refusals). Answers the core reads per call — an Ecomail 404 is "not found" for a lookup,
 * a GoOut 401 means "refresh and retry", a 4xx while probing GoOut's refresh call means "the other
 * form" — pass untouched, and so do 5xx, which the core retries. Errors the core raises itself
 * never pass here; they are mapped where they surface (error-mapping.ts, goout/errors.ts).
 */
import type { AfterResponseMiddleware, ZObject } from 'zapier-platform-core';
import { answerOf, type Answer } from './answer';

/** The Zapier error an answer means, or undefined to hand the answer to the core. */
export type AnswerRule = (answer: Answer, z: ZObject) => Error | undefined;

export function answerMiddleware(rule: AnswerRule): AfterResponseMiddleware {
  return (response, z) => {
    const error = rule(answerOf(response), z);
    if (error) throw error;
    return response;
  };
}
