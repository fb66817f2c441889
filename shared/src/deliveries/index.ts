export { DELIVERY_KEYS_FIELD, deliveryKeys, deliveryKeysOf } from './delivery-keys';
export { ALREADY_HANDLED_REASON, DeliveryLedger, type DeliveryClaim, type DeliveryLedgerOptions } from './delivery-ledger';
