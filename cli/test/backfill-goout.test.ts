import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { startEcomailSandbox, type EcomailSandbox } from '../../test/sandbox/ecomail';
import { ORGANIZER_ID, startGoOutSandbox, type GoOutSandbox } from '../../test/sandbox/goout';
import { bulkEmails, expectNoSecrets, runInProcess, spawnCli, tempDir, waitFor } from './helpers';

const PURCHASES = 8000;
/** A fresh list has no tags to keep: one bulk call per batch. Also the older alias of --tag-handling replace. */
const FAST = ['--no-keep-existing-tags'];
/** The default path, tags kept: for the small runs. */
const KEEP_TAGS: string[] = [];

interface Pair {
  ecomail: EcomailSandbox;
  goout: GoOutSandbox;
  env: Record<string, string>;
  tokens: { accessToken: string; refreshToken: string };
}

async function startPair(): Promise<Pair> {
  const ecomail = await startEcomailSandbox();
  const goout = await startGoOutSandbox();
  goout.seed(PURCHASES);
  const tokens = goout.initialTokens();
  return {
    ecomail,
    goout,
    tokens,
    env: {
      ECOMAIL_API_KEY: ecomail.apiKey,
      ECOMAIL_BASE_URL: ecomail.url,
      GOOUT_BASE_URL: goout.url,
      GOOUT_ACCESS_TOKEN: tokens.accessToken,
      GOOUT_REFRESH_TOKEN: tokens.refreshToken,
    },
  };
}

const closeAll = (...pairs: Array<Pair | undefined>) =>
  Promise.all(pairs.flatMap((pair) => (pair ? [pair.ecomail.close(), pair.goout.close()] : [])));

describe('ecomail-bridge backfill goout', () => {
  let reference: Pair;
  /** What an uninterrupted run sends: every accepted bulk row, in order. */
  let referenceEmails: string[];
  let referenceCounts: { read: number; contacts: number; merged: number };

  beforeAll(async () => {
    reference = await startPair();
  });
  afterAll(() => closeAll(reference));

  it('imports a few thousand purchases end to end and reports the right counts', async () => {
    const dir = tempDir();
    const report = path.join(dir, 'report.json');
    const run = await runInProcess(
      ['backfill', 'goout', '--organizer', ORGANIZER_ID, '--list', '1', ...FAST, '--confirm-permission', '--checkpoint', 'cp.json', '--report', report],
      reference.env,
      dir,
    );
    expect(run.stderr).not.toContain('error');
    expect(run.code).toBe(0);

    referenceEmails = bulkEmails(reference.ecomail.state.calls());
    const contacts = reference.ecomail.state.contacts();
    const json = JSON.parse(readFileSync(report, 'utf8'));
    // Every purchase with an e-mail that was not refunded arrived; each buyer is one contact.
    expect(json.counts.read + json.source.skippedNoEmail + json.source.skippedRefunded).toBe(PURCHASES);
    expect(new Set(referenceEmails).size).toBe(contacts.length);
    expect(json.counts.created).toBe(contacts.length);
    expect(json.counts.created + json.counts.updated).toBe(json.counts.contacts);
    expect(json.counts.contacts).toBe(referenceEmails.length);
    expect(json.counts.failed).toBe(0);
    // Repeat buyers of one batch were folded by the core: every other record is one contact.
    expect(json.counts.merged).toBe(json.counts.read - json.counts.contacts);
    expect(json.counts.merged).toBeGreaterThan(0);
    // Orders are the core's default: one per purchase, in bulk.
    expect(json.counts.ordersSent).toBe(json.counts.read);
    expect(reference.ecomail.state.transactions()).toHaveLength(json.counts.read);
    expect(json.outcome).toBe('complete');
    referenceCounts = json.counts;
    const sample = contacts.find((contact) => contact.tags.includes('GoOut_newsletter'));
    expect(sample?.source).toBe('GoOut');
    expect(sample?.tags).toContain('GoOut');
    expectNoSecrets([run.stdout, run.stderr, readFileSync(report, 'utf8'), readFileSync(path.join(dir, 'cp.json'), 'utf8')], Object.values(reference.tokens));

    // A second run on the same checkpoint finds nothing new and sends nothing.
    const callsBefore = reference.ecomail.state.calls().length;
    const again = await runInProcess(['backfill', 'goout', '--organizer', ORGANIZER_ID, '--list', '1', ...FAST, '--confirm-permission', '--checkpoint', 'cp.json'], reference.env, dir);
    expect(again.code).toBe(0);
    expect(bulkEmails(reference.ecomail.state.calls().slice(callsBefore))).toEqual([]);
  });

  it('update-only updates members (keeping their tags) and touches nobody else', async () => {
    const dir = tempDir();
    const member = reference.ecomail.state.contacts()[0];
    const before = reference.ecomail.state.contacts().length;
    const callsBefore = reference.ecomail.state.calls().length;
    const run = await runInProcess(
      ['backfill', 'goout', '--organizer', ORGANIZER_ID, '--list', '1', '--mode', 'update-only', '--max', '40', '--confirm-permission', '--report', 'r.json'],
      reference.env,
      dir,
    );
    expect(run.code).toBe(0);
    const json = JSON.parse(readFileSync(path.join(dir, 'r.json'), 'utf8'));
    expect(json.counts).toMatchObject({ contacts: 40, updated: 40, created: 0, failed: 0 });
    expect(reference.ecomail.state.contacts()).toHaveLength(before);
    const calls = reference.ecomail.state.calls().slice(callsBefore);
    expect(calls.some((call) => call.path.endsWith('/subscribe-bulk') || call.path.endsWith('/subscribe'))).toBe(false);
    // The member was among those updated, with tags given, and still has every tag it had.
    const update = calls.find((call) => call.path === '/lists/1/update-subscriber' && (call.body as { email: string }).email === member.email);
    expect((update?.body as { subscriber_data: { tags: string[] } }).subscriber_data.tags).toEqual(member.tags);
    expect(reference.ecomail.state.contact(member.email)?.tags).toEqual(member.tags);
  });

  it('--dry-run reads and maps everything but sends nothing to Ecomail', async () => {
    const dir = tempDir();
    const before = reference.ecomail.state.calls().length;
    const run = await runInProcess(
      ['backfill', 'goout', '--organizer', ORGANIZER_ID, '--list', '1', ...FAST, '--dry-run', '--checkpoint', 'cp.json', '--report', 'r.json'],
      reference.env,
      dir,
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('dry run');
    // The core's merge and validation, nothing sent: the same contacts the real run sent.
    const { counts } = JSON.parse(readFileSync(path.join(dir, 'r.json'), 'utf8'));
    expect({ read: counts.read, contacts: counts.contacts, merged: counts.merged }).toEqual({
      read: referenceCounts.read,
      contacts: referenceCounts.contacts,
      merged: referenceCounts.merged,
    });
    expect(reference.ecomail.state.calls().length).toBe(before);
    expect(existsSync(path.join(dir, 'cp.json'))).toBe(false);
  });

  it('--max caps one run and the next run continues where it stopped', async () => {
    const pair = await startPair();
    try {
      const dir = tempDir();
      const args = ['backfill', 'goout', '--organizer', ORGANIZER_ID, '--list', '1', ...FAST, '--confirm-permission', '--checkpoint', 'cp.json', '--max', '2500', '--report', 'r.json'];
      const first = await runInProcess(args, pair.env, dir);
      expect(first.code).toBe(0);
      expect(JSON.parse(readFileSync(path.join(dir, 'r.json'), 'utf8')).outcome).toBe('capped');
      expect(bulkEmails(pair.ecomail.state.calls())).toHaveLength(2500);
      for (let run = 0; run < 5; run++) {
        const next = await runInProcess(args, pair.env, dir);
        expect(next.code).toBe(0);
        if (JSON.parse(readFileSync(path.join(dir, 'r.json'), 'utf8')).outcome === 'complete') break;
      }
      // Capped runs add up to exactly the uninterrupted run's contacts.
      expect(new Set(bulkEmails(pair.ecomail.state.calls()))).toEqual(new Set(referenceEmails));
      expect(pair.ecomail.state.contacts()).toHaveLength(new Set(referenceEmails).size);
    } finally {
      await closeAll(pair);
    }
  });

  it('resumes after SIGKILL without duplicates and without losing anyone', async () => {
    const pair = await startPair();
    try {
      const dir = tempDir();
      const checkpoint = path.join(dir, 'cp.json');
      const args = ['backfill', 'goout', '--organizer', ORGANIZER_ID, '--list', '1', ...FAST, '--confirm-permission', '--checkpoint', 'cp.json'];
      // Slow Ecomail down; once the first batch is committed, make it refuse everything, so the
      // second batch is in flight (and not accepted) when the process is killed.
      pair.ecomail.setFaults({ latencyMs: 300 });
      const { child, done } = spawnCli(args, pair.env, dir);
      await waitFor(() => existsSync(checkpoint));
      pair.ecomail.setFaults({ errorRate: 1, latencyMs: 300 });
      await waitFor(() => pair.ecomail.state.calls().some((call) => call.path.endsWith('/subscribe-bulk') && call.status >= 500));
      child.kill('SIGKILL');
      const killed = await done;
      expect(killed.code).toBe(-1);
      const committed = JSON.parse(readFileSync(checkpoint, 'utf8'));
      expect(committed['cli.totals'].contacts).toBe(bulkEmails(pair.ecomail.state.calls()).length);
      // The batch ended mid-sale, past the core's last cursor save: the ids beyond it are recorded.
      expect(committed['cli.position'].done.length).toBeGreaterThan(0);

      pair.ecomail.setFaults({ errorRate: 0, latencyMs: 0 });
      const resumed = await runInProcess([...args, '--report', 'r.json'], pair.env, dir);
      expect(resumed.code).toBe(0);
      // Exactly what an uninterrupted run sends: nothing twice, nothing missing.
      expect(bulkEmails(pair.ecomail.state.calls())).toEqual(referenceEmails);
      expect(JSON.parse(readFileSync(path.join(dir, 'r.json'), 'utf8')).totals.contacts).toBe(referenceEmails.length);
    } finally {
      await closeAll(pair);
    }
  });

  it('exits 3 with the reconnect message when the GoOut refresh token is dead, and never prints tokens', async () => {
    const pair = await startPair();
    try {
      pair.goout.state.expireAccessTokens();
      pair.goout.state.killRefreshTokens();
      const dir = tempDir();
      const { done } = spawnCli(['backfill', 'goout', '--organizer', ORGANIZER_ID, '--list', '1', ...FAST, '--confirm-permission', '--report', 'r.json'], pair.env, dir);
      const run = await done;
      expect(run.code).toBe(3);
      expect(run.stderr).toContain('Reconnect GoOut');
      expect(pair.ecomail.state.contacts()).toHaveLength(0);
      expectNoSecrets([run.stdout, run.stderr], Object.values(pair.tokens));
    } finally {
      await closeAll(pair);
    }
  });

  it('keeps a rotated GoOut token pair in the token file', async () => {
    const pair = await startPair();
    try {
      pair.goout.state.expireAccessTokens();
      const dir = tempDir();
      const run = await runInProcess(['backfill', 'goout', '--organizer', ORGANIZER_ID, '--list', '1', ...KEEP_TAGS, '--confirm-permission', '--max', '10'], pair.env, dir);
      expect(run.code).toBe(0);
      const stored = JSON.parse(readFileSync(path.join(dir, '.config', 'ecomail-bridge', 'goout-tokens.json'), 'utf8'))['goout.tokens'];
      expect(stored.refreshToken).toBe(pair.goout.state.validTokens().refreshToken);
      expect(stored.refreshToken).not.toBe(pair.tokens.refreshToken);
      expectNoSecrets([run.stdout, run.stderr], [...Object.values(pair.tokens), stored.accessToken, stored.refreshToken]);
    } finally {
      await closeAll(pair);
    }
  });

  it('exits 3 on a rejected Ecomail key, before reading anything', async () => {
    const dir = tempDir();
    const key = 'wrong-key-9f8e7d6c5b4a';
    const { done } = spawnCli(['backfill', 'goout', '--organizer', ORGANIZER_ID, '--list', '1', ...FAST, '--confirm-permission'], { ...reference.env, ECOMAIL_API_KEY: key }, dir);
    const run = await done;
    expect(run.code).toBe(3);
    expect(run.stderr).toContain('Ecomail rejected the API key');
    expectNoSecrets([run.stdout, run.stderr], [key, ...Object.values(reference.tokens)]);
  });

  it('refuses --no-keep-existing-tags together with --tag-handling (exit 2), and an unknown tag handling', async () => {
    const both = await runInProcess(['backfill', 'goout', '--list', '1', '--no-keep-existing-tags', '--tag-handling', 'add', '--dry-run'], reference.env, tempDir());
    expect(both.code).toBe(2);
    expect(both.stderr).toContain("option '--no-keep-existing-tags' cannot be used with option '--tag-handling <how>'");
    const unknown = await runInProcess(['backfill', 'goout', '--list', '1', '--tag-handling', 'merge', '--dry-run'], reference.env, tempDir());
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('Allowed choices are add, replace');
  });

  it('refuses a real import without confirmed permission (exit 2)', async () => {
    const run = await runInProcess(['backfill', 'goout', '--organizer', ORGANIZER_ID, '--list', '1', ...FAST], reference.env, tempDir());
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--confirm-permission');
  });
});
