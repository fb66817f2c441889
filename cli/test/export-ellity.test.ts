import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import axios from 'axios';
import { NOT_IN_LIST_REASON } from '@ecomail-bridge/shared/node';
import { startEcomailSandbox, type EcomailSandbox } from '../../test/sandbox/ecomail';
import { expectNoSecrets, runInProcess, spawnCli, tempDir } from './helpers';

const ROWS = 120;

/** An export as Czech Excel saves it: BOM, semicolons, header names in mixed case, CRLF. */
function writeExport(dir: string): string {
  const lines = ['Email;ELLITY_CREDIT;ellity_credit_num;Ellity_Pin;ellity_registered;ellity_next_expiration_date;ellity_referral_code'];
  for (let i = 0; i < ROWS; i++) {
    lines.push(`zakaznik${i}@example.cz;${i * 10};${i * 10};${1000 + i};registered;2026-12-31;REF${i}`);
    if (i === 40) lines.push('not-an-e-mail;50;50;1234;registered;2026-12-31;BAD');
  }
  const file = path.join(dir, 'customers.csv');
  writeFileSync(file, `\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
  return file;
}

describe('ecomail-bridge export ellity', () => {
  let ecomail: EcomailSandbox;
  beforeAll(async () => {
    ecomail = await startEcomailSandbox();
  });
  afterAll(() => ecomail.close());

  it('imports every good row with its ellity_* fields and reports the bad one (exit 1)', async () => {
    const dir = tempDir();
    writeExport(dir);
    const env = { ECOMAIL_API_KEY: ecomail.apiKey, ECOMAIL_BASE_URL: ecomail.url };
    const { done } = spawnCli(
      ['export', 'ellity', '--file', 'customers.csv', '--list', '1', '--confirm-permission', '--report', 'r.json', '--checkpoint', 'cp.json'],
      env,
      dir,
    );
    const run = await done;
    expect(run.code).toBe(1);
    const report = JSON.parse(readFileSync(path.join(dir, 'r.json'), 'utf8'));
    expect(report.counts).toMatchObject({ read: ROWS + 1, contacts: ROWS, created: ROWS, failed: 1 });
    expect(report.failed).toEqual([{ ref: 'line 43', reason: 'no valid e-mail address in the row' }]);
    expect(ecomail.state.contacts()).toHaveLength(ROWS);
    const contact = ecomail.state.contact('zakaznik7@example.cz');
    expect(contact?.lists['1'].c_fields).toMatchObject({ ellity_credit: '70', ellity_credit_num: 70, ellity_pin: '1007', ellity_referral_code: 'REF7' });
    expectNoSecrets([run.stdout, run.stderr, JSON.stringify(report)], [ecomail.apiKey]);

    // Finished: running it again sends nothing.
    const calls = ecomail.state.calls().length;
    const again = await runInProcess(['export', 'ellity', '--file', 'customers.csv', '--list', '1', '--confirm-permission', '--checkpoint', 'cp.json'], env, dir);
    expect(again.code).toBe(0);
    expect(ecomail.state.calls().filter((call) => call.path.endsWith('/subscribe-bulk')).length).toBe(
      ecomail.state.calls().slice(0, calls).filter((call) => call.path.endsWith('/subscribe-bulk')).length,
    );
  });

  it('--mode update-only writes the fields of list members only and subscribes nobody', async () => {
    const sandbox = await startEcomailSandbox();
    try {
      const members = Array.from({ length: 10 }, (_, i) => ({ email: `zakaznik${i * 12}@example.cz`, tags: ['stalý'] }));
      await axios.post(`${sandbox.url}/lists/1/subscribe-bulk`, { subscriber_data: members }, { headers: { key: sandbox.apiKey } });
      const seeding = sandbox.state.calls().length;
      const dir = tempDir();
      writeExport(dir);
      const run = await runInProcess(
        ['export', 'ellity', '--file', 'customers.csv', '--list', '1', '--mode', 'update-only', '--confirm-permission', '--report', 'r.json'],
        { ECOMAIL_API_KEY: sandbox.apiKey, ECOMAIL_BASE_URL: sandbox.url },
        dir,
      );
      expect(run.code).toBe(1);
      const report = JSON.parse(readFileSync(path.join(dir, 'r.json'), 'utf8'));
      expect(report.counts).toMatchObject({ read: ROWS + 1, contacts: ROWS, updated: 10, created: 0, skipped: ROWS - 10, failed: 1 });
      expect(report.skippedReasons).toEqual({ [NOT_IN_LIST_REASON]: ROWS - 10 });
      expect(sandbox.state.contacts().map((contact) => contact.email).sort()).toEqual(members.map((member) => member.email).sort());
      expect(sandbox.state.contact('zakaznik12@example.cz')?.lists['1'].c_fields).toMatchObject({ ellity_credit: '120', ellity_pin: '1012' });
      expect(sandbox.state.contact('zakaznik12@example.cz')?.tags).toEqual(['stalý']);
      expect(sandbox.state.calls().slice(seeding).filter((call) => /\/subscribe(-bulk)?$/.test(call.path))).toEqual([]);
    } finally {
      await sandbox.close();
    }
  });
});
