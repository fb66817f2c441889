import { EcomailApiError, EcomailClient, EcomailValidationError, createNodeRuntime, type SubscriberData } from '@ecomail-bridge/shared/node';
import { startEcomailSandbox } from '../sandbox/ecomail';

type Sandbox = Awaited<ReturnType<typeof startEcomailSandbox>>;

const runtime = createNodeRuntime();
let sandbox: Sandbox;
let keyCounter = 0;

/** A fresh API key per test keeps the shared per-key limiter of one test out of the next. */
async function freshClient(extra: Partial<ConstructorParameters<typeof EcomailClient>[0]> = {}) {
  const apiKey = `test-key-${++keyCounter}`;
  await sandbox.close();
  sandbox = await startEcomailSandbox({ apiKeys: [apiKey], retryAfterSeconds: 1, ...sandboxOptions });
  return new EcomailClient({ apiKey, baseUrl: sandbox.url, ...runtime, retry: { baseDelayMs: 20, maxDelayMs: 200 }, ...extra });
}
let sandboxOptions: Parameters<typeof startEcomailSandbox>[0] = {};

const contact = (i: number): SubscriberData => ({ email: `buyer${i}@example.cz`, name: `Jana${i}`, surname: 'Nováková' });

beforeAll(async () => {
  sandbox = await startEcomailSandbox({});
});
afterAll(async () => {
  await sandbox.close();
});
beforeEach(() => {
  sandboxOptions = {};
});

describe('EcomailClient against the sandbox', () => {
  it('lists lists and reads a list with its custom fields', async () => {
    const client = await freshClient();
    const lists = await client.getLists();
    expect(lists.length).toBeGreaterThan(0);
    const detail = await client.getList(lists[0].id);
    expect(typeof detail.id).toBe('number');
    expect(typeof detail.custom_fields).toBe('object');
  });

  it('upserts one contact, leaves tags alone unless given, and finds it again', async () => {
    const client = await freshClient();
    await client.upsertContact(1, { email: ' Petra.Novakova@Example.cz ', name: 'Petra', tags: ['GoOut'] }, { skipConfirmation: true });
    await client.upsertContact(1, { email: 'petra.novakova@example.cz', surname: 'Nováková' });
    const found = await client.getContact('petra.novakova@example.cz');
    expect(found?.tags).toEqual(['GoOut']);
    expect(found?.surname).toBe('Nováková');
    expect(await client.getListContact(1, 'petra.novakova@example.cz')).not.toBeNull();
    expect(await client.getContact('nobody@example.cz')).toBeNull();
    const body = sandbox.state.calls().find((c) => c.path === '/lists/1/subscribe')?.body as Record<string, unknown>;
    expect(body.update_existing).toBe(true);
  });

  it('moves 10,000 contacts in exactly 4 calls, all present', async () => {
    const client = await freshClient();
    const rows = Array.from({ length: 10_000 }, (_, i) => contact(i));
    const result = await client.upsertContacts(1, rows);
    expect(result.sent).toBe(10_000);
    expect(result.requests).toBe(4);
    expect(sandbox.state.calls().filter((c) => c.path === '/lists/1/subscribe-bulk')).toHaveLength(4);
    expect(sandbox.state.contacts().length).toBe(10_000);
  });

  it('fails only the invalid rows of a batch, each with its reason', async () => {
    const client = await freshClient();
    const rows = Array.from({ length: 1000 }, (_, i) => contact(i));
    rows[10] = { email: 'not-an-email' };
    rows[500] = { email: 'tags@example.cz', tags: ['x'.repeat(51)] };
    const result = await client.upsertContacts(1, rows);
    expect(result.outcomes).toHaveLength(1000);
    expect(result.outcomes[10]).toMatchObject({ status: 'rejected', reason: expect.stringContaining('not a valid e-mail') });
    expect(result.outcomes[500]).toMatchObject({ status: 'rejected', reason: expect.stringContaining('50') });
    expect(result.sent).toBe(998);
    expect(sandbox.state.contacts().length).toBe(998);
  });

  it('merges tags under 50 concurrent changes for one e-mail without losing any', async () => {
    const client = await freshClient();
    await client.upsertContact(1, { email: 'fan@example.cz', tags: ['GoOut'] });
    const tags = Array.from({ length: 50 }, (_, i) => `tag_${i}`);
    await Promise.all(tags.map((tag) => client.addTags('fan@example.cz', [tag], { listId: 1 })));
    const stored = sandbox.state.contact('fan@example.cz')?.tags ?? [];
    expect(new Set(stored)).toEqual(new Set(['GoOut', ...tags]));
    await client.removeTags('fan@example.cz', ['tag_0', 'GoOut'], { listId: 1 });
    expect(sandbox.state.contact('fan@example.cz')?.tags).not.toContain('tag_0');
    await expect(client.addTags('fan@example.cz', ['y'.repeat(60)], { listId: 1 })).rejects.toThrow(EcomailValidationError);
  });

  it('rides out a 429 storm: every call succeeds and Retry-After is honoured', async () => {
    sandboxOptions = { faults: { throttleRate: 0.5, errorRate: 0, latencyMs: 0, resetRate: 0, seed: 7 } };
    const waits: number[] = [];
    const client = await freshClient({ onRetry: (info) => info.reason === 'rate-limited' && waits.push(info.waitMs) });
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => client.upsertContact(1, contact(i))));
    expect(results).toHaveLength(20);
    expect(waits.length).toBeGreaterThan(0);
    expect(waits.every((ms) => ms === 1000)).toBe(true);
    expect(sandbox.state.contacts().length).toBe(20);
  });

  it('retries 5xx bursts and connection resets until the data arrives', async () => {
    sandboxOptions = { faults: { errorRate: 0.3, resetRate: 0.1, throttleRate: 0, latencyMs: 0, seed: 11 } };
    const client = await freshClient();
    const result = await client.upsertContacts(1, Array.from({ length: 6000 }, (_, i) => contact(i)), { chunkSize: 500 });
    expect(result.failed).toBe(0);
    expect(sandbox.state.contacts().length).toBe(6000);
  });

  it('says clearly when the API key is refused, without echoing it', async () => {
    const client = await freshClient();
    const wrong = new EcomailClient({ apiKey: 'regenerated-old-key', baseUrl: sandbox.url, ...runtime });
    const error = await wrong.getLists().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EcomailApiError);
    expect((error as EcomailApiError).isAuthError).toBe(true);
    expect(String((error as Error).message)).toContain('Manage account → For developers');
    expect(JSON.stringify(error) + String((error as Error).stack)).not.toContain('regenerated-old-key');
    await expect(client.getList(999)).rejects.toMatchObject({ status: 404 });
  });

  it('tracks events, creates orders, triggers automations and unsubscribes', async () => {
    const client = await freshClient();
    await client.upsertContact(1, { email: 'jana@example.cz' });
    const event = await client.trackEvent({ email: 'jana@example.cz', category: 'ellity', action: 'change', label: 'credit', value: { credit: 250 } });
    expect(event.email).toBe('jana@example.cz');
    expect(sandbox.state.events()).toHaveLength(1);
    await client.createTransaction({ order_id: 'GO-1', email: 'jana@example.cz', amount: 780 }, [{ code: 'd1', title: 'Hamlet', price: 390, amount: 2 }]);
    const bulk = await client.createTransactions(
      Array.from({ length: 1500 }, (_, i) => ({ transaction: { order_id: `B-${i}`, email: 'jana@example.cz' }, transaction_items: [] })),
    );
    expect(bulk.requests).toBe(2);
    expect(sandbox.state.transactions()).toHaveLength(1501);
    const automations = await client.getAutomations();
    await client.triggerAutomation(automations[0].id, 'jana@example.cz');
    expect(sandbox.state.pipelineTriggers()).toHaveLength(1);
    await client.unsubscribe(1, 'jana@example.cz');
    expect((await client.getListContact(1, 'jana@example.cz'))?.status).toBe(2);
  });
});

