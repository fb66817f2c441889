export type { EllityEvent, EllityTrigger } from './types';
export { ELLITY_TRIGGERS, ELLITY_WEBHOOK_SCHEMA, ellityWebhookTemplate } from './webhook-template';
export { parseEllityWebhook, type ParseEllityOptions } from './parse-webhook';
export { EllityPayloadError, type EllityPayloadProblem } from './payload-error';
export { ellityDedupeKey, ellityDeliveryKeys, createDedupeWindow, type DedupeWindow, type DedupeWindowOptions } from './dedupe';
export { verifyWebhookSecret } from './verify-secret';
export {
  ellitySubscriptionNotice,
  type EllitySubscriptionNotice,
  type EllitySubscriptionNoticeInput,
} from './subscription-notice';
export { cleanText, isIsoDate, normaliseDate, parseLenientNumber } from './values';
