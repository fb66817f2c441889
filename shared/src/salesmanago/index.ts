export {
  SALESMANAGO_EVENT_PACKAGE,
  SALESMANAGO_LOOKUP_PACKAGE,
  SALESMANAGO_REQUESTS_PER_SECOND,
  SALESMANAGO_UPSERT_PACKAGE,
  SalesManagoClient,
  type SalesManagoClientOptions,
} from './client';
export { salesManagoContactProblem, salesManagoUpsert } from './contact';
export {
  SALESMANAGO_NOT_FOUND_REASON,
  createSalesManagoDestination,
  salesManagoDestination,
  salesManagoUnsupportedChoice,
  type SalesManagoDestination,
  type SalesManagoDestinationOptions,
} from './destination';
export { normalizeSalesManagoEndpoint } from './endpoint';
export { SALESMANAGO_CREDENTIALS_REFUSED, SalesManagoApiError, SalesManagoValidationError, type SalesManagoErrorKind } from './errors';
export { SALESMANAGO_EVENT_CAPS, SALESMANAGO_MAX_DETAILS, orderEvent, salesManagoContactEvent, trackedEvent } from './event';
export { salesManagoSha, type SalesManagoCredentials } from './signed-transport';
export { SALESMANAGO_TAG_MAX_LENGTH, salesManagoTag, salesManagoTags } from './tags';
export type * from './types';
