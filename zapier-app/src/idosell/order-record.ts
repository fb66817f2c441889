/** A normalised shop order as a flat Zapier record: `id` is the order id, which Zapier dedupes on. */
import { CATEGORY_PATH_SEPARATOR, type ShopOrder } from '@ecomail-bridge/shared';

export function orderRecord(order: ShopOrder) {
  const { buyer } = order;
  return {
    id: order.orderId,
    serial_number: order.serialNumber,
    shop_id: order.shopId,
    placed_at: order.placedAt,
    changed_at: order.changedAt,
    status: order.status,
    currency: order.currency,
    total: order.total,
    email: buyer.email,
    first_name: buyer.firstName,
    last_name: buyer.lastName,
    company: buyer.company,
    phone: buyer.phone,
    street: buyer.street,
    zip: buyer.zip,
    city: buyer.city,
    country: buyer.country,
    birth_date: buyer.birthDate,
    language: buyer.language,
    registered: buyer.registered,
    newsletter_consent: buyer.newsletterConsent,
    line_items: order.lines.map((line) => ({
      product_id: line.productId,
      name: line.name,
      code: line.code,
      quantity: line.quantity,
      unit_price: line.unitPrice,
      category_path: line.categoryPath.join(CATEGORY_PATH_SEPARATOR),
    })),
  };
}

export const orderSample = {
  id: 'cz-100042',
  serial_number: '100042',
  shop_id: 1,
  placed_at: '2026-11-30T14:02:00',
  changed_at: '2026-11-30 14:20:11',
  status: 'finished',
  currency: 'CZK',
  total: 3070,
  email: 'jana.novakova@example.cz',
  first_name: 'Jana',
  last_name: 'Nováková',
  company: null,
  phone: '+420 601234567',
  street: 'Vodičkova 12',
  zip: '110 00',
  city: 'Praha',
  country: 'CZ',
  birth_date: '1984-03-09',
  language: 'cs',
  registered: true,
  newsletter_consent: true,
  line_items: [{ product_id: '1000', name: 'Letní šaty 1', code: 'SKU-1000', quantity: 2, unit_price: 1300, category_path: 'Oblečení / Dámské / Šaty' }],
};

export const orderOutputFields = [
  { key: 'id', label: 'Order ID' },
  { key: 'placed_at', label: 'Placed At' },
  { key: 'status', label: 'Status' },
  { key: 'total', label: 'Total', type: 'number' as const },
  { key: 'currency', label: 'Currency' },
  { key: 'email', label: 'Buyer Email' },
  { key: 'newsletter_consent', label: 'Newsletter Consent (This Shop)', type: 'boolean' as const },
  { key: 'registered', label: 'Has an Account', type: 'boolean' as const },
];
