export { DELIVERY_KEYS_FIELD, deliveryKeys, deliveryKeysOf } from './delivery-keys';
export { DeliveryLedger, type DeliveryClaim, type DeliveryLedgerOptions } from './delivery-ledger';
