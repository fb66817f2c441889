export {
  DEFAULT_SUBSCRIBE_CHOICES,
  DEFAULT_TAG_HANDLING,
  SUBSCRIBE_CHOICE_TEXT,
  TAG_HANDLING_TEXT,
  needsSingleCalls,
  subscribeChoices,
  type ChoiceText,
  type SubscribeChoices,
  type TagHandling,
} from './subscribe-choices';
export { ContactDirectory, MEMBER_PAGE_SIZE, type ExistingTags } from './contact-directory';
export { collapseByEmail, mergeContactRows, type CollapsedContacts } from './merge-contacts';
export { NOT_IN_LIST_REASON, previewSaveContacts, saveContacts, type SaveContactsOptions, type SaveOutcome, type SaveResult } from './save-contacts';
export { typedContact, type TypedContactOptions } from './typed-contact';
export { DEFAULT_CREATE_ORDERS, previewGoOutPurchases, syncGoOutPurchases, type OrderOutcome, type PurchaseOutcome, type SyncGoOutOptions } from './sync-goout-purchases';
export { REPEATED_DELIVERY_REASON, recordEllityEvents, type EllityOutcome } from './record-ellity-events';
export { eventValue, trackEvent } from './track-event';
export { EllityApiError, reportEllitySubscription, type EllitySubscriptionReport } from './report-ellity-subscription';
export { previewShopOrders, syncShopOrders, type ShopRecordOutcome, type SyncShopOptions } from './sync-shop-orders';
