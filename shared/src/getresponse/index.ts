export { GetResponseCatalogue } from './catalogue';
export {
  GETRESPONSE_DEFAULT_BASE_URL,
  GETRESPONSE_ENTERPRISE_BASE_URLS,
  GETRESPONSE_MAX_CONCURRENCY,
  GETRESPONSE_REQUESTS_PER_SECOND,
  GetResponseClient,
  type GetResponseClientOptions,
} from './client';
export { STANDARD_FIELD_NAMES, contactParts, contactProblem, type ContactParts } from './contact-parts';
export {
  DEFAULT_GETRESPONSE_TIMING,
  GETRESPONSE_CONTACTS_PER_RUN,
  GETRESPONSE_EVENTS_NOT_KEPT,
  GETRESPONSE_ORDERS_NOT_KEPT,
  createGetResponseDestination,
  type GetResponseDestination,
  type GetResponseDestinationOptions,
  type GetResponseTiming,
} from './destination';
export { normalizeDomain } from './domain';
export { GETRESPONSE_ACCESS_REFUSED, GETRESPONSE_KEY_REJECTED, GetResponseApiError } from './errors';
export { IMPORT_MIN_CONTACTS, MAX_IMPORTS_PER_BATCH } from './import-writes';
export { TAG_NAME_PATTERN, getResponseFieldName, getResponseTagName } from './names';
export { NO_CONSENT_REASON } from './single-writes';
export type * from './types';
