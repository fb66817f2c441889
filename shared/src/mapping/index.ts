export { IMPORT_MODES, importModeFlags, isImportMode, type ImportMode, type ImportModeFlags, type ImportModeOption } from './import-mode';
export { goOutConsentPolicy, type GoOutConsentPolicy } from './goout-consent';
export { GOOUT_EVENT_FIELD_KEYS, mapGoOutPurchase, type GoOutEventFieldKeys, type GoOutMappingOptions } from './goout-contact';
export { mapGoOutPurchaseToTransaction, type GoOutTransactionOptions } from './goout-transaction';
export { mapEllityCustomer, mapEllityEvent, type EllityEventMapping } from './ellity-contact';
export { EcomailWebhookPayloadError, ecomailListWebhookDedupeKey, parseEcomailListWebhook, type EcomailListWebhookEvent } from './ecomail-webhook';

