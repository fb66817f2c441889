export {
  BULK_TRANSACTION_LIMIT,
  ECOMAIL_DEFAULT_BASE_URL,
  ECOMAIL_RATE_LIMIT_PER_MINUTE,
  EcomailClient,
  type EcomailClientOptions,
  type PagedSubscribers,
} from './client';
export { BULK_SUBSCRIBE_LIMIT } from './bulk-upsert';
export { API_KEY_REJECTED, EcomailApiError, EcomailValidationError, serverMessageOf } from './errors';
export {
  MAX_CUSTOM_FIELDS_LENGTH,
  MAX_EVENT_VALUE_LENGTH,
  MAX_TAG_LENGTH,
  MAX_TAGS_TOTAL_LENGTH,
  isValidEmail,
  mergeTags,
  normalizeEmail,
  validateSubscriber,
  validateTags,
  withoutTags,
} from './validation';
export { ecomailDestination } from './destination';
export * from './types';
