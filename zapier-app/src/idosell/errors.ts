/**
 * IdoSell's errors in a Zap, all read from its answers in the app's afterResponse rule (index.ts):
 * the core says what an answer means (`readIdoSellAnswer`, docs/idosell.md §4) and this rule maps
 * it. A refused key → ExpiredAuthError (only the merchant can fix it); the shop's monthly quota used
 * up → z.errors.Error; 429 → ThrottledError; any other refusal, a fault inside an HTTP 200 included
 * → z.errors.Error with IdoSell's text. "No results" is an empty page for the core to read, and 5xx
 * are the core's to retry. Nothing the core raises by itself in a Zap needs a Zapier class (the
 * app sets no request budget), so the app has no other error mapping.
 */
import { readIdoSellAnswer } from '@ecomail-bridge/shared';
import type { AnswerRule } from '../platform/answer-middleware';
import { throttledError } from '../platform/throttle';

const KEY_PAGE = 'the shop panel, Administration → API → Admin API access keys';

export const idoSellAnswers: AnswerRule = (answer, z) => {
  if (answer.status >= 500) return undefined;
  const meaning = readIdoSellAnswer(answer);
  if (meaning.kind === 'key-refused') {
    return new z.errors.ExpiredAuthError(
      meaning.scope
        ? `The IdoSell API key lacks a permission (${meaning.scope}, ${answer.call}): give the key that access in ${KEY_PAGE}.`
        : `IdoSell refused the API key (HTTP ${answer.status} on ${answer.call}): reconnect with a key from ${KEY_PAGE}, and check the hosts that key allows.`,
    );
  }
  if (meaning.kind === 'quota-used-up') {
    return new z.errors.Error(`IdoSell refused ${answer.call}: the shop's monthly API request limit is used up. Orders are read again once it renews.`, 'IdoSellQuota', 429);
  }
  if (answer.status === 429) return throttledError(z, 'IdoSell', answer);
  if (meaning.kind === 'refused') {
    const where = answer.status === 200 ? 'inside an HTTP 200 answer' : `with HTTP ${answer.status}`;
    return new z.errors.Error(`IdoSell refused ${answer.call} ${where}: ${meaning.detail.slice(0, 300)}`, 'IdoSellRejected', answer.status);
  }
  return undefined;
};
