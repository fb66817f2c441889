/**
 * Raw IdoSell order (assumed shape, assumed-contract.ts) → normalised `ShopOrder`. Everything the
 * shop does not say is null, never guessed; consent is true only on an approval for the order's shop.
 */
import { isShopDateTime, readLanguage, type RawOrder } from './assumed-contract';
import type { ShopClientInfo } from './client-reader';
import { orderStatusOf } from './order-statuses';
import type { ShopOrder, ShopOrderLine } from './types';
import { cleanText as text, computedOrderTotal, looseNumber as number } from './values';

export interface OrderContext {
  /** The account behind `clientId`, already read; null for none. */
  client(clientId: string): ShopClientInfo | null;
  categoryPath(productId: string, shopId: number | null, language: string | null): string[];
}

export type NormalizeOrderResult = { order: ShopOrder } | { skipped: 'no-email' | 'no-date'; orderId: string };

function email(value: unknown): string | null {
  const cleaned = text(value)?.toLowerCase() ?? null;
  return cleaned && /^[^\s@]+@[^\s@]+$/.test(cleaned) ? cleaned : null;
}

/** [A] a client id of 0 or none is a purchase without an account. */
function clientIdOf(value: unknown): string | null {
  const id = text(value);
  return id && id !== '0' ? id : null;
}

export function normalizeOrder(raw: RawOrder, context: OrderContext): NormalizeOrderResult {
  const orderId = text(raw.orderId) ?? '';
  const account = raw.clientResult?.clientAccount ?? {};
  const billing = raw.clientResult?.clientBillingAddress ?? {};
  const details = raw.orderDetails ?? {};
  const buyerEmail = email(account.clientEmail);
  if (!buyerEmail) return { skipped: 'no-email', orderId };
  const changedAt = text(details.orderChangeDate);
  const addedAt = text(details.orderAddDate);
  if (!isShopDateTime(changedAt) || !isShopDateTime(addedAt)) return { skipped: 'no-date', orderId };

  const shopId = Number.isFinite(Number(details.shopId)) && text(details.shopId) !== null ? Number(details.shopId) : null;
  const clientId = clientIdOf(account.clientId);
  const client = clientId ? context.client(clientId) : null;
  const language = client?.language ?? readLanguage(account.langId);
  const country = text(billing.clientCountryId)?.toUpperCase() ?? null;
  const { status, isPurchase } = orderStatusOf(details.orderStatus);

  const lines: ShopOrderLine[] = (details.productsResults ?? []).map((line) => {
    const productId = text(line.productId) ?? '';
    return {
      productId,
      name: text(line.productName),
      code: text(line.productCode),
      quantity: Math.max(0, number(line.productQuantity)),
      unitPrice: number(line.productOrderPrice),
      categoryPath: productId ? context.categoryPath(productId, shopId, language) : [],
    };
  });

  return {
    order: {
      type: 'order',
      source: 'idosell',
      orderId,
      serialNumber: text(raw.orderSerialNumber),
      shopId,
      placedAt: addedAt.replace(' ', 'T'),
      changedAt,
      status,
      isPurchase,
      currency: text(details.orderCurrency?.currencyId)?.toUpperCase() ?? null,
      total: computedOrderTotal(lines, number(details.orderDeliveryCost)),
      buyer: {
        email: buyerEmail,
        firstName: text(billing.clientFirstName),
        lastName: text(billing.clientLastName),
        company: text(billing.clientFirm),
        phone: text(account.clientPhone1),
        street: text(billing.clientStreet),
        zip: text(billing.clientZipCode),
        city: text(billing.clientCity),
        country: country && /^[A-Z]{2}$/.test(country) ? country : null,
        birthDate: client?.birthDate ?? null,
        language,
        clientId,
        registered: client !== null && text(account.clientLogin) !== null,
        newsletterConsent: client !== null && shopId !== null && client.approvedShops.has(shopId),
      },
      lines,
    },
  };
}
