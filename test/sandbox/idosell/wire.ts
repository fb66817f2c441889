/** Sandbox records → the JSON shapes of IdoSell's Admin API (the same names as shared/src/idosell/assumed-contract.ts). */
import { CATEGORIES, PRODUCTS, categoryPath } from './catalogue';
import { SHOPS, type IdoSellDataset, type SandboxClient, type SandboxOrder, type SandboxSubscriber } from './dataset';

export function orderJson(order: SandboxOrder, data: IdoSellDataset): unknown {
  const shop = SHOPS[order.shopId - 1];
  const client = order.clientId ? data.client(order.clientId) : undefined;
  const p = order.person;
  return {
    orderId: order.orderId,
    orderSerialNumber: order.serialNumber,
    clientResult: {
      clientAccount: {
        clientId: order.clientId,
        clientLogin: client?.login ?? '',
        clientEmail: p.email,
        clientPhone1: p.phone,
        langId: shop.language,
      },
      clientBillingAddress: {
        clientFirstName: p.firstName,
        clientLastName: p.lastName,
        clientFirm: p.company ?? '',
        clientStreet: p.street,
        clientZipCode: p.zip,
        clientCity: p.city,
        clientCountryId: p.country,
      },
    },
    orderDetails: {
      orderStatus: order.status,
      apiFlag: 'none',
      orderAddDate: order.addDate,
      orderChangeDate: order.changeDate,
      shopId: order.shopId,
      orderCurrency: { currencyId: shop.currency },
      productsResults: order.lines.map((line) => {
        const product = PRODUCTS.find((candidate) => candidate.id === line.productId)!;
        return {
          productId: product.id,
          productName: product.names[shop.language],
          productCode: product.code,
          sizeId: 'uniw',
          productQuantity: line.quantity,
          productOrderPrice: product.price[shop.currency],
        };
      }),
    },
  };
}

export function clientJson(client: SandboxClient): unknown {
  return {
    clientId: client.id,
    clientLogin: client.login,
    clientEmail: client.person.email,
    clientBirthDate: client.person.birthDate,
    langId: SHOPS[client.shopId - 1].language,
    clientRegistrationDate: '2025-03-01 10:00:00',
    newsletterEmailApprovalsData: client.approvedShops.map((shopId) => ({ shopId, newsletterEmailApprovalDate: '2025-03-01 10:00:00' })),
    newsletterSmsApprovalsData: [],
  };
}

export function subscriberJson(subscriber: SandboxSubscriber, index: number): unknown {
  return {
    client_number: 800_000 + index,
    login: '',
    registered: subscriber.registered,
    language: subscriber.language,
    email: subscriber.email,
    shops: Object.fromEntries(
      Object.entries(subscriber.shops).map(([shopId, shop]) => [shopId, { shop_id: Number(shopId), approval: shop!.approval, date_modification: shop!.date }]),
    ),
  };
}

export function productJson(productId: number): unknown | undefined {
  const product = PRODUCTS.find((candidate) => candidate.id === productId);
  if (!product) return undefined;
  return {
    productId: product.id,
    categoryId: product.categoryId,
    productMenu: SHOPS.map((shop) => ({
      shopId: shop.id,
      menuId: 1,
      menuItemId: product.categoryId * 10 + shop.id,
      menuItemDescriptionsLangData: (['cze', 'pol'] as const).map((language) => ({
        langId: language,
        menuItemName: categoryPath(product.categoryId, language).at(-1),
        menuItemTextId: categoryPath(product.categoryId, language).join('\\'),
      })),
    })),
  };
}

export function categoriesJson(): unknown {
  return {
    categories: CATEGORIES.map((category) => ({
      id: category.id,
      parent_id: category.parentId,
      priority: 1,
      product_count: PRODUCTS.filter((product) => product.categoryId === category.id).length,
      lang_data: (['cze', 'pol'] as const).map((language) => ({ lang_id: language, singular_name: category.names[language], plural_name: category.names[language] })),
    })),
  };
}
