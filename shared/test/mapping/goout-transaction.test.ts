import { mapGoOutPurchaseToTransaction, type TransactionStatus } from '@ecomail-bridge/shared';
import { HAMLET_TICKET, purchase, ticket } from './fixtures/goout-purchases';

describe('mapGoOutPurchaseToTransaction', () => {
  it('maps the docs/goout.md §5 record', () => {
    expect(mapGoOutPurchaseToTransaction(purchase(), { shop: 'goout-divadlo-x' })).toEqual({
      transaction: {
        order_id: '123456',
        email: 'jana@example.cz',
        shop: 'goout-divadlo-x',
        amount: 350,
        country: 'CZ',
        timestamp: Date.UTC(2026, 2, 1, 17, 22) / 1000,
        status: 'completed',
      },
      transaction_items: [
        { code: 's7', title: 'Hamlet — Vstupenka', categories: ['theatre', 'drama'], price: 350, amount: 1, tags: ['GoOut'] },
      ],
    });
  });

  it('groups identical tickets into one line with unit price and quantity', () => {
    const student = ticket({ ticketId: 't3', dealName: 'Student', priceCents: 19990 });
    const order = mapGoOutPurchaseToTransaction(
      purchase({ items: [HAMLET_TICKET, ticket({ ticketId: 't2' }), student, ticket({ ticketId: 't4', schedule: { id: 's8', startAt: null } })] }),
    );
    expect(order.transaction.amount).toBe(350 + 350 + 199.9 + 350);
    expect(order.transaction_items.map(({ code, title, price, amount }) => ({ code, title, price, amount }))).toEqual([
      { code: 's7', title: 'Hamlet — Vstupenka', price: 350, amount: 2 },
      { code: 's7', title: 'Hamlet — Student', price: 199.9, amount: 1 },
      { code: 's8', title: 'Hamlet — Vstupenka', price: 350, amount: 1 },
    ]);
    const lineTotal = order.transaction_items.reduce((sum, item) => sum + (item.price ?? 0) * (item.amount ?? 0), 0);
    expect(lineTotal).toBeCloseTo(order.transaction.amount ?? 0, 6);
  });

  it('sums cents exactly', () => {
    const order = mapGoOutPurchaseToTransaction(purchase({ items: [ticket({ priceCents: 10 }), ticket({ ticketId: 'x', priceCents: 20, dealName: 'B' })] }));
    expect(order.transaction.amount).toBe(0.3);
  });

  it.each<[string, TransactionStatus]>([
    ['paid', 'completed'],
    ['PAID', 'completed'],
    ['refunded', 'canceled'],
    ['cancelled', 'canceled'],
    ['canceled', 'canceled'],
    ['reserved', 'pending'],
    ['something-new', null],
  ])('status %p → %p', (status, expected) => {
    expect(mapGoOutPurchaseToTransaction(purchase({ status })).transaction.status).toBe(expected);
  });

  it('converts the purchase time with its offset to Unix seconds and omits an unreadable one', () => {
    expect(mapGoOutPurchaseToTransaction(purchase({ purchasedAt: '2026-06-14T20:00:00+02:00' })).transaction.timestamp).toBe(1781460000);
    expect(mapGoOutPurchaseToTransaction(purchase({ purchasedAt: 'yesterday' })).transaction).not.toHaveProperty('timestamp');
  });

  it('falls back when event, deal or schedule are missing', () => {
    const order = mapGoOutPurchaseToTransaction(
      purchase({
        buyer: { country: null },
        items: [
          ticket({ ticketId: 'lone', dealName: null, event: null, schedule: null }),
          ticket({ ticketId: 'nodeal', dealName: ' ', schedule: null, event: { id: 'e9', name: 'Koncert', mainCategory: 'music', tags: ['music', 'jazz'] } }),
        ],
      }),
    );
    expect(order.transaction).not.toHaveProperty('shop');
    expect(order.transaction).not.toHaveProperty('country');
    expect(order.transaction_items).toEqual([
      { code: 'lone', title: 'GoOut ticket', categories: [], price: 350, amount: 1, tags: ['GoOut'] },
      { code: 'e9', title: 'Koncert', categories: ['music', 'jazz'], price: 350, amount: 1, tags: ['GoOut'] },
    ]);
  });
});
