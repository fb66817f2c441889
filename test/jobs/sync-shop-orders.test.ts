import {
  EcomailClient,
  NO_SHOP_CONSENT_REASON,
  createNodeRuntime,
  syncShopOrders,
  type ShopOrder,
  type ShopSubscriber,
} from '@ecomail-bridge/shared/node';
import { startEcomailSandbox } from '../sandbox/ecomail';

type Sandbox = Awaited<ReturnType<typeof startEcomailSandbox>>;
let sandbox: Sandbox;
let client: EcomailClient;

beforeEach(async () => {
  sandbox = await startEcomailSandbox({ apiKeys: ['shop-key'] });
  client = new EcomailClient({ apiKey: 'shop-key', baseUrl: sandbox.url, ...createNodeRuntime() });
});
afterEach(() => sandbox.close());

const LONG = 'Zahradní lehátka, houpací sítě a závěsná křesla pro celou rodinu';

function order(id: string, email: string, options: { consent?: boolean; status?: string; registered?: boolean; language?: string; country?: string } = {}): ShopOrder {
  const status = options.status ?? 'finished';
  return {
    type: 'order',
    source: 'idosell',
    orderId: id,
    serialNumber: id.replace(/\D/g, ''),
    shopId: 1,
    placedAt: '2026-06-01T10:00:00',
    changedAt: '2026-06-01 10:05:00',
    status,
    isPurchase: !['canceled', 'false', 'lost', 'joined', 'returned'].includes(status),
    currency: 'CZK',
    total: 3070,
    buyer: {
      email,
      firstName: 'PETR',
      lastName: 'novák',
      company: 'Novák Trade s.r.o.',
      phone: '+420 601234567',
      street: 'Vodičkova 12',
      zip: '110 00',
      city: 'Praha',
      country: options.country ?? 'CZ',
      birthDate: '1980-04-12',
      language: options.language ?? 'cs',
      clientId: options.registered === false ? null : '5001',
      registered: options.registered ?? true,
      newsletterConsent: options.consent ?? true,
    },
    lines: [
      { productId: '1000', name: 'Letní šaty 1', code: 'SKU-1000', quantity: 2, unitPrice: 1300, categoryPath: ['Oblečení', 'Dámské', 'Šaty'] },
      { productId: '1008', name: 'Houpací síť 1', code: 'SKU-1008', quantity: 1, unitPrice: 470, categoryPath: ['Zahrada', 'Zahradní nábytek', LONG, 'Čtvrtá úroveň'] },
    ],
  };
}

const subscriber = (email: string): ShopSubscriber => ({ type: 'subscriber', source: 'idosell', email, language: 'pl', shopId: 2, changedAt: '2026-05-01 09:00:00' });

describe('syncShopOrders', () => {
  it('default consent mode: sends consenting shoppers with the IdoSell tags, three category levels and unit-price orders; skips the rest', async () => {
    const { outcomes } = await syncShopOrders(client, 1, [order('cz-1', 'petr@example.cz'), order('cz-2', 'eva@example.cz', { consent: false }), subscriber('anna@example.pl')]);
    expect(outcomes.map((o) => [o.contact.status, o.order?.status, o.orderKind])).toEqual([
      ['saved', 'sent', 'purchase'],
      ['skipped', undefined, undefined],
      ['saved', undefined, undefined],
    ]);
    expect(outcomes[1].contact).toEqual({ status: 'skipped', email: 'eva@example.cz', reason: NO_SHOP_CONSENT_REASON });
    const petr = sandbox.state.contact('petr@example.cz');
    expect([petr?.name, petr?.surname, petr?.vokativ, petr?.company, petr?.phone, petr?.street, petr?.zip, petr?.city, petr?.birthday, petr?.lists['1'].source]).toEqual([
      'Petr', 'Novák', 'Petře', 'Novák Trade s.r.o.', '+420 601234567', 'Vodičkova 12', '110 00', 'Praha', '1980-04-12', 'IdoSell',
    ]);
    expect(petr?.tags).toEqual(['IdoSell', 'IdoSell_cs', 'IdoSell_newsletter', 'rejestracja', 'Oblečení', 'Dámské', 'Šaty', 'Zahrada', 'Zahradní nábytek', LONG.slice(0, 50).trim()]);
    expect(sandbox.state.contact('eva@example.cz')).toBeUndefined();
    expect(sandbox.state.contact('anna@example.pl')?.tags).toEqual(['IdoSell', 'IdoSell_pl', 'IdoSell_newsletter', 'newsletter']);
    const [tx] = sandbox.state.transactions();
    expect(sandbox.state.transactions()).toHaveLength(1);
    expect([tx.order_id, tx.email, tx.amount, tx.status, tx.bulk]).toEqual(['cz-1', 'petr@example.cz', 3070, 'completed', true]);
    expect(tx.items.map((item) => [item.code, item.price, item.amount, item.categories])).toEqual([
      ['SKU-1000', 1300, 2, ['Oblečení', 'Dámské', 'Šaty']],
      ['SKU-1008', 470, 1, ['Zahrada', 'Zahradní nábytek', LONG, 'Čtvrtá úroveň']],
    ]);
  });

  it('everybody: a shopper without consent is stored for service messages, never with the newsletter tag, never resubscribed', async () => {
    await client.upsertContact(1, { email: 'eva@example.cz' }, {});
    await client.unsubscribe(1, 'eva@example.cz');
    const { outcomes } = await syncShopOrders(client, 1, [order('cz-2', 'eva@example.cz', { consent: false, registered: false })], {
      consentMode: 'everybody',
      subscribe: { resubscribe: true },
    });
    expect(outcomes.map((o) => o.contact.status)).toEqual(['saved']);
    const eva = sandbox.state.contact('eva@example.cz');
    expect(eva?.tags).toEqual(['IdoSell', 'IdoSell_cs', 'Oblečení', 'Dámské', 'Šaty', 'Zahrada', 'Zahradní nábytek', LONG.slice(0, 50).trim()]);
    expect(eva?.lists['1'].status).toBe(2);
  });

  it('a cancelled order becomes a status change of the same order, with no new purchase and no category tags', async () => {
    await syncShopOrders(client, 1, [order('cz-1', 'petr@example.cz')]);
    const { outcomes } = await syncShopOrders(client, 1, [order('cz-1', 'petr@example.cz', { status: 'canceled' })], { tagHandling: 'replace' });
    expect(outcomes.map((o) => [o.contact.status, o.order?.status, o.orderKind])).toEqual([['saved', 'sent', 'status-change']]);
    expect(sandbox.state.transactions().map((t) => [t.order_id, t.status])).toEqual([['cz-1', 'canceled']]);
    expect(sandbox.state.contact('petr@example.cz')?.tags).toEqual(['IdoSell', 'IdoSell_cs', 'IdoSell_newsletter', 'rejestracja']);
  });

  it('uses the segment tag names the user picked', async () => {
    await syncShopOrders(client, 1, [order('cz-1', 'petr@example.cz'), subscriber('anna@example.pl')], {
      mapping: { registeredTag: 'registrace', newsletterTag: 'odběratel', categoryTags: false },
    });
    expect(sandbox.state.contact('petr@example.cz')?.tags).toEqual(['IdoSell', 'IdoSell_cs', 'IdoSell_newsletter', 'registrace']);
    expect(sandbox.state.contact('anna@example.pl')?.tags).toEqual(['IdoSell', 'IdoSell_pl', 'IdoSell_newsletter', 'odběratel']);
  });
});
