export { IMPORT_MODES, importModeFlags, isImportMode, type ImportMode, type ImportModeFlags, type ImportModeOption } from './import-mode';
export { goOutConsentPolicy, type GoOutConsentPolicy } from './goout-consent';
export { GOOUT_EVENT_FIELD_KEYS, mapGoOutPurchase, type GoOutEventFieldKeys, type GoOutMappingOptions } from './goout-contact';
export { mapGoOutPurchaseToTransaction, type GoOutTransactionOptions } from './goout-transaction';
export { mapEllityCustomer, mapEllityEvent, type EllityEventMapping } from './ellity-contact';
export { EcomailWebhookPayloadError, ecomailListWebhookDedupeKey, ecomailListWebhookDeliveryKeys, parseEcomailListWebhook, type EcomailListWebhookEvent } from './ecomail-webhook';

export { DEFAULT_SHOP_CONSENT_MODE, NO_SHOP_CONSENT_REASON, SHOP_CONSENT_MODE_TEXT, isShopConsentMode, shopConsentPolicy, type ShopConsentMode, type ShopConsentPolicy } from './idosell-consent';
export { CATEGORY_TAG_LEVELS, DEFAULT_SHOP_SEGMENT_TAGS, shopTags, type ShopTagOptions } from './idosell-tags';
export { mapShopRecord, type ShopMappingOptions } from './idosell-contact';
export { mapShopOrderToTransaction, type ShopTransactionOptions } from './idosell-transaction';
