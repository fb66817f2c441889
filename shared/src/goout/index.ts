export type { GoOutBuyer, GoOutPurchase, GoOutPurchaseItem } from './types';
export { GoOutApiError, GoOutReconnectError, GOOUT_RECONNECT_MESSAGE } from './errors';
export {
  GOOUT_PATHS,
  readRefreshReply,
  type EventInfo,
  type RawPurchase,
  type RefreshVariant,
  type ScheduleInfo,
  type VenueInfo,
} from './assumed-contract';
export { normalizePurchase, type NormalizeResult, type PurchaseContext } from './normalize-purchase';
export { goOutPurchaseFromFields, type GoOutPurchaseFields, type GoOutTicketFields } from './purchase-fields';
export { goOutCategoryTag, goOutDerivedTags, goOutTags, type GoOutTagInput } from './tags';
export {
  GoOutTokenManager,
  type GoOutInitialTokens,
  type GoOutTokenManagerOptions,
  type GoOutTokens,
} from './token-manager';
export { GoOutClient, type GoOutClientOptions } from './client';
export { goOutOrganizers, type GoOutOrganizer } from './organizers';
export {
  DEFAULT_INCLUDE_REFUNDED,
  DEFAULT_REFUND_CHECK_PAGES,
  GoOutPurchaseSource,
  INCLUDE_REFUNDED_TEXT,
  type GoOutPurchaseSourceOptions,
  type GoOutPurchasesOptions,
  type GoOutSourceStats,
} from './purchase-source';
