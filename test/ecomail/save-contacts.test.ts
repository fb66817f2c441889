import { EcomailApiError, EcomailClient, createNodeRuntime, saveContacts } from '@ecomail-bridge/shared/node';
import { startEcomailSandbox } from '../sandbox/ecomail';

type Sandbox = Awaited<ReturnType<typeof startEcomailSandbox>>;
let sandbox: Sandbox;
let client: EcomailClient;

beforeEach(async () => {
  sandbox = await startEcomailSandbox({ apiKeys: ['save-key'] });
  client = new EcomailClient({ apiKey: 'save-key', baseUrl: sandbox.url, ...createNodeRuntime() });
  await client.upsertContact(1, { email: 'member@example.cz', name: 'Old', tags: ['VIP'] });
});
afterEach(() => sandbox.close());

describe('saveContacts applies the import modes', () => {
  it('update-only updates members, skips strangers and never subscribes them', async () => {
    const { outcomes } = await saveContacts(
      client,
      1,
      [
        { email: 'member@example.cz', name: 'New', tags: ['GoOut'] },
        { email: 'stranger@example.cz', name: 'X' },
      ],
      { mode: 'update-only' },
    );
    expect(outcomes.map((o) => o.status)).toEqual(['saved', 'skipped']);
    expect(sandbox.state.contact('member@example.cz')).toMatchObject({ name: 'New', tags: ['VIP', 'GoOut'] });
    expect(sandbox.state.contact('stranger@example.cz')).toBeUndefined();
  });

  it('add-only adds new e-mails and leaves members as they are', async () => {
    const { outcomes } = await saveContacts(client, 1, [{ email: 'member@example.cz', name: 'Changed' }], { mode: 'add-only' });
    expect(outcomes[0]).toMatchObject({ status: 'saved', alreadySubscribed: true });
    expect(sandbox.state.contact('member@example.cz')?.name).toBe('Old');
  });

  it('add-and-update goes in bulk for many rows, keeps existing tags, reports each row', async () => {
    const rows = [
      { email: 'member@example.cz', tags: ['GoOut'] },
      { email: 'new@example.cz', name: 'Nová' },
      { email: 'broken', name: 'Bad' },
    ];
    const { outcomes } = await saveContacts(client, 1, rows, { mode: 'add-and-update' });
    expect(outcomes.map((o) => o.status)).toEqual(['saved', 'saved', 'rejected']);
    expect((await saveContacts(client, 1, [{ email: 'third@example.cz' }, { email: 'new@example.cz' }], { mode: 'add-and-update' })).inserted).toBe(1);
    expect(sandbox.state.calls().some((c) => c.path === '/lists/1/subscribe-bulk')).toBe(true);
    expect(sandbox.state.contact('member@example.cz')?.tags).toEqual(['VIP', 'GoOut']);
  });

  it('replaces tags when asked to', async () => {
    await saveContacts(client, 1, [{ email: 'member@example.cz', tags: ['Only'] }], { mode: 'add-and-update', tagHandling: 'replace' });
    expect(sandbox.state.contact('member@example.cz')?.tags).toEqual(['Only']);
  });

  it('throws a refused key once instead of failing every row', async () => {
    const wrong = new EcomailClient({ apiKey: 'old-key', baseUrl: sandbox.url, ...createNodeRuntime() });
    const rows = [{ email: 'a@example.cz' }, { email: 'b@example.cz' }];
    await expect(saveContacts(wrong, 1, rows, { mode: 'add-and-update' })).rejects.toBeInstanceOf(EcomailApiError);
    await expect(saveContacts(wrong, 1, rows.slice(0, 1), { mode: 'add-and-update' })).rejects.toMatchObject({ status: 401 });
  });
});
