import { GoOutApiError, GoOutReconnectError, goOutTags, normalizePurchase, readRefreshReply } from '@ecomail-bridge/shared';
import {
  readEvents,
  readPurchasesPage,
  readSalesPage,
  readSchedules,
  readVenues,
  type RawPurchase,
} from '../../src/goout/assumed-contract';
import type { PurchaseContext } from '../../src/goout/normalize-purchase';
import events from './fixtures/events.assumed.json';
import purchasesPage from './fixtures/purchases-page.assumed.json';
import replyA from './fixtures/refresh-reply-a.assumed.json';
import replyB from './fixtures/refresh-reply-b.assumed.json';
import salesPage from './fixtures/sales-page.assumed.json';
import schedules from './fixtures/schedules.assumed.json';
import venues from './fixtures/venues.assumed.json';

function context(): PurchaseContext {
  const { sales, dealNames } = readSalesPage(salesPage);
  const schedule = readSchedules(schedules)[0];
  return {
    dealName: (id) => dealNames.get(id) ?? null,
    currency: sales[0].currency,
    schedule,
    event: readEvents(events).find((e) => e.id === schedule.eventId) ?? null,
    venue: readVenues(venues).find((v) => v.id === schedule.venueId) ?? null,
  };
}

const raws = readPurchasesPage(purchasesPage) as RawPurchase[];

describe('raw GoOut purchase → normalised record (assumed contract, docs/goout.md §4–§5)', () => {
  it('reads the sales page: organiser, schedule and deal names (cs first, then any locale)', () => {
    const { sales, dealNames } = readSalesPage(salesPage);
    expect(sales).toEqual([{ id: '519227', state: 'active', organizerId: '101', scheduleId: 's7', currency: 'CZK' }]);
    expect(Object.fromEntries(dealNames)).toEqual({ d9: 'Vstupenka', d10: 'Student ticket' });
  });

  it('produces the docs/goout.md §5 record for a complete purchase', () => {
    expect(normalizePurchase(raws[0], context())).toEqual({
      purchase: {
        source: 'goout',
        purchaseId: '123456',
        purchasedAt: '2026-03-01T18:22:00+01:00',
        status: 'paid',
        buyer: {
          email: 'jana@example.cz',
          firstName: 'Jana',
          lastName: 'Nováková',
          country: 'CZ',
          language: 'cs',
          newsletterConsent: true,
        },
        items: [
          {
            ticketId: 't1',
            dealName: 'Vstupenka',
            priceCents: 35000,
            currency: 'CZK',
            event: { id: 'e42', name: 'Hamlet', mainCategory: 'theatre', tags: ['drama', ' Hudba a tanec '] },
            schedule: { id: 's7', startAt: '2026-04-10T19:00:00+02:00' },
            venue: { id: 'v3', name: 'Divadlo X', city: 'Praha' },
          },
          expect.objectContaining({ ticketId: 't2', dealName: 'Student ticket', priceCents: 25000, currency: 'CZK' }),
        ],
        derivedTags: ['GoOut', 'GoOut_cs', 'GoOut_newsletter', 'drama', 'hudba_a_tanec'],
      },
    });
  });

  it('cleans messy input and treats anything but an explicit yes as no consent', () => {
    const result = normalizePurchase(raws[1], context());
    if (!('purchase' in result)) throw new Error('expected a purchase');
    const { buyer, status, items, derivedTags } = result.purchase;
    expect(buyer).toEqual({
      email: 'peter.kovac@azet.sk',
      firstName: 'ING. PETER', // titles and caps are the locale module's job; only spaces are fixed here
      lastName: 'KOVÁČ',
      country: 'SK',
      language: 'sk',
      newsletterConsent: false,
    });
    expect(status).toBe('refunded');
    expect(items[0]).toMatchObject({ dealName: null, currency: 'EUR' });
    expect(derivedTags).toEqual(['GoOut', 'GoOut_sk', 'drama', 'hudba_a_tanec']);
  });

  it('skips a purchase without an e-mail or without a purchase time', () => {
    expect(normalizePurchase(raws[2], context())).toEqual({ skipped: 'no-email', purchaseId: '123458' });
    expect(normalizePurchase(raws[3], context())).toEqual({ skipped: 'no-date', purchaseId: '123459' });
  });

  it('reads both refresh reply variants', () => {
    expect(readRefreshReply(replyA)).toEqual({
      accessToken: 'eyJhbGciOiJIUzUxMiJ9.new-access',
      refreshToken: 'eyJhbGciOiJIUzUxMiJ9.maybe-rotated',
    });
    expect(readRefreshReply(replyB)).toEqual({ accessToken: 'eyJhbGciOiJIUzUxMiJ9.new-access' });
    expect(readRefreshReply({})).toBeUndefined();
  });
});

describe('GoOut tags', () => {
  it('follows the native sync naming', () => {
    expect(goOutTags({ language: 'EN', newsletterConsent: false, categories: ['Drama', 'drama', '  ', 'x'.repeat(60)] })).toEqual([
      'GoOut',
      'GoOut_en',
      'drama',
      'x'.repeat(50),
    ]);
    expect(goOutTags({ language: null, newsletterConsent: true })).toEqual(['GoOut', 'GoOut_newsletter']);
  });
});

describe('GoOut errors', () => {
  it('never carry a token', () => {
    const api = new GoOutApiError(500, 'GET', '/services/reporting/v1/purchases', 'x');
    expect(api.message).toBe('GoOut GET /services/reporting/v1/purchases answered HTTP 500: x');
    const reconnect = new GoOutReconnectError('refused eyJhbGciOiJIUzUxMiJ9.abc.def');
    expect(reconnect.message.startsWith('Reconnect GoOut: generate new tokens in GoOut admin → API tokens')).toBe(true);
    expect(reconnect.message).not.toContain('eyJ');
  });
});
