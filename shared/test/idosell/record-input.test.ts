import { isSelectedOrder, isShopRecord, shopRecordFromFields, type ShopOrder } from '@ecomail-bridge/shared';

const fields = {
  email: ' Jana.Novakova@Example.CZ ',
  orderId: 'cz-100042',
  serialNumber: '100042',
  shopId: '1',
  placedAt: '2026-11-30T14:02:00',
  changedAt: '2026-11-30 14:20:11',
  status: 'Finished',
  currency: 'czk',
  firstName: 'Jana',
  lastName: 'Nováková',
  phone: '+420 601234567',
  city: 'Praha',
  country: 'cz',
  birthDate: '1984-03-09',
  language: 'cze',
  registered: true,
  newsletterConsent: true,
  lines: [
    { productId: '1000', name: 'Letní šaty 1', code: 'SKU-1000', quantity: '2', unitPrice: '1300', categoryPath: 'Oblečení / Dámské / Šaty' },
    { productId: '1008', quantity: 1, unitPrice: '470,50', categoryPath: ['Zahrada', ' Zahradní nábytek '] },
    { productId: '1020', quantity: 1, unitPrice: 99, categoryPath: 'Trička/Topy' },
  ],
};

describe('shop records from fields', () => {
  it('rebuilds an order as the source gives it: status, total from the lines, category levels, language', () => {
    const order = shopRecordFromFields(fields) as ShopOrder;
    expect(order).toEqual({
      type: 'order',
      source: 'idosell',
      orderId: 'cz-100042',
      serialNumber: '100042',
      shopId: 1,
      placedAt: '2026-11-30T14:02:00',
      changedAt: '2026-11-30 14:20:11',
      status: 'finished',
      isPurchase: true,
      currency: 'CZK',
      total: 3169.5,
      buyer: {
        email: 'jana.novakova@example.cz',
        firstName: 'Jana',
        lastName: 'Nováková',
        company: null,
        phone: '+420 601234567',
        street: null,
        zip: null,
        city: 'Praha',
        country: 'CZ',
        birthDate: '1984-03-09',
        language: 'cs',
        clientId: null,
        registered: true,
        newsletterConsent: true,
      },
      lines: [
        { productId: '1000', name: 'Letní šaty 1', code: 'SKU-1000', quantity: 2, unitPrice: 1300, categoryPath: ['Oblečení', 'Dámské', 'Šaty'] },
        { productId: '1008', name: null, code: null, quantity: 1, unitPrice: 470.5, categoryPath: ['Zahrada', 'Zahradní nábytek'] },
        { productId: '1020', name: null, code: null, quantity: 1, unitPrice: 99, categoryPath: ['Trička/Topy'] },
      ],
    });
    expect(isShopRecord(order)).toBe(true);
  });

  it('a cancellation is a status change; a given total wins; a time with an offset is moved to UTC; consent only on an explicit yes', () => {
    const order = shopRecordFromFields({ ...fields, status: 'canceled', total: '3 070,00', placedAt: '2026-11-30T14:02:00+01:00', newsletterConsent: undefined }) as ShopOrder;
    expect([order.status, order.isPurchase, order.total, order.placedAt, order.buyer.newsletterConsent]).toEqual(['canceled', false, 3070, '2026-11-30T13:02:00', false]);
  });

  it('a subscriber without an account needs its shop; an order its id; an unknown record type is refused', () => {
    expect(shopRecordFromFields({ recordType: 'subscriber', email: 'Anna@wp.pl', language: 'pol', shopId: 2 })).toEqual({
      type: 'subscriber',
      source: 'idosell',
      email: 'anna@wp.pl',
      language: 'pl',
      shopId: 2,
      changedAt: null,
    });
    expect(() => shopRecordFromFields({ recordType: 'subscriber', email: 'anna@wp.pl' })).toThrow('a newsletter subscriber needs the id of the shop they subscribed in');
    expect(() => shopRecordFromFields({ email: 'anna@wp.pl' })).toThrow('an order needs its order id');
    expect(() => shopRecordFromFields({ ...fields, recordType: 'refund' })).toThrow('unknown record type "refund": use order or subscriber');
  });

  it('only records of the IdoSell source pass as shop records', () => {
    expect([{ email: 'a@b.cz' }, { source: 'goout', buyer: { email: 'a@b.cz' } }, { source: 'idosell', type: 'order', buyer: {} }, null].map(isShopRecord)).toEqual([false, false, false, false]);
  });
});

describe('which orders a trigger emits', () => {
  const order = shopRecordFromFields(fields) as ShopOrder;
  const without = { ...order, buyer: { ...order.buyer, newsletterConsent: false } };

  it('by status (none chosen: all) and by the consent mode (default: only shoppers who consented)', () => {
    expect([isSelectedOrder(order, {}), isSelectedOrder(without, {}), isSelectedOrder(without, { consentMode: 'everybody' })]).toEqual([true, false, true]);
    expect([isSelectedOrder(order, { statuses: ['canceled'] }), isSelectedOrder(order, { statuses: ['finished', 'canceled'] })]).toEqual([false, true]);
  });
});
