import type { orderRecord } from '../../src/idosell/order-record';

/** How a Zap maps the IdoSell New Order trigger's record into Add IdoSell Shop Order, field by field (1:1). */
export function addShopOrderInput(record: ReturnType<typeof orderRecord>): Record<string, unknown> {
  return {
    orderId: record.id,
    shopId: record.shop_id,
    placedAt: record.placed_at,
    status: record.status,
    currency: record.currency,
    total: record.total,
    email: record.email,
    firstName: record.first_name,
    lastName: record.last_name,
    company: record.company,
    phone: record.phone,
    street: record.street,
    zip: record.zip,
    city: record.city,
    country: record.country,
    birthDate: record.birth_date,
    language: record.language,
    registered: String(record.registered),
    newsletterConsent: String(record.newsletter_consent),
    lines: record.line_items.map((line) => ({
      productId: line.product_id,
      name: line.name,
      code: line.code,
      quantity: line.quantity,
      unitPrice: line.unit_price,
      categoryPath: line.category_path,
    })),
  };
}
