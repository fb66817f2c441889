import { execFile } from 'node:child_process';
import path from 'node:path';
import { startEcomailSandbox } from '../sandbox/ecomail';
import { startGoOutSandbox } from '../sandbox/goout';

const root = path.resolve(__dirname, '../..');

/** `npm start`'s script: demo/start.ts, which builds n8n-nodes/dist itself when missing or stale. */
function runStart(env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [path.join(root, 'node_modules/tsx/dist/cli.mjs'), '--tsconfig', 'demo/tsconfig.json', 'demo/start.ts'],
      {
        cwd: root,
        // Only what Node needs: credentials of the caller's shell must not leak into the run.
        env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
        timeout: 120_000,
      },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

describe('npm start', () => {
  it('runs both example workflows on the sandboxes and prints the summary', async () => {
    const { code, stdout, stderr } = await runStart({});
    expect(stderr).not.toMatch(/failed/i);
    expect(code).toBe(0);
    expect(stdout).toMatch(/Ecomail: sandbox at http:\/\/127\.0\.0\.1:\d+/);
    expect(stdout).toMatch(/GoOut first poll \(backfill\): \d+ purchases by \d+ buyers → Ecomail node: \d+ sent/);
    // 12 purchases are made between the polls; one of them is refunded before the poll sees it.
    expect(stdout).toMatch(/GoOut next poll \(only purchases made since\): 11 purchases/);
    expect(stdout).toMatch(/Contacts: \d+ created, \d+ updated/);
    // A Czech man's name and surname vocatives, e.g. "Petr Novák → Petře / Nováku".
    expect(stdout).toMatch(/\S+e \/ \S+(u|i|e)\s{2,}\d\d-\d\d\s+male/);
    expect(stdout).toContain('fields + event ellity/change/credit');
    expect(stdout).toContain('dropped: duplicate delivery');
    expect(stdout).toMatch(/Ecomail API calls: \d+ \(\d+ bulk subscribe/);
    expect(stdout).toContain('npm run sandbox');
  });

  it('with real credentials talks to the given services, skips the invented Ellity events and never prints a secret', async () => {
    // Stand-ins for the real services, reached through the base-URL overrides.
    const ecomail = await startEcomailSandbox({ apiKeys: ['ecomail-secret-key-123456'] });
    const goout = await startGoOutSandbox();
    try {
      goout.seed(30, { sales: 1 });
      const tokens = goout.initialTokens();
      const { code, stdout, stderr } = await runStart({
        ECOMAIL_API_KEY: 'ecomail-secret-key-123456',
        ECOMAIL_LIST_ID: '1',
        ECOMAIL_BASE_URL: ecomail.url,
        GOOUT_ACCESS_TOKEN: tokens.accessToken,
        GOOUT_REFRESH_TOKEN: tokens.refreshToken,
        GOOUT_BASE_URL: goout.url,
        GOOUT_SINCE: '2020-01-01T00:00:00Z',
      });
      expect(code).toBe(0);
      expect(stdout).toContain(`Ecomail: the real API at ${ecomail.url}, list 1`);
      expect(stdout).toContain('Ellity part skipped');
      expect(stdout).toMatch(/GoOut first poll \(backfill\): \d+ purchases/);
      expect(ecomail.state.contacts().length).toBeGreaterThan(20);
      for (const secret of ['ecomail-secret-key-123456', tokens.accessToken, tokens.refreshToken]) {
        expect(stdout + stderr).not.toContain(secret);
      }
    } finally {
      await Promise.all([ecomail.close(), goout.close()]);
    }
  });

  it('with only the Ecomail variables keeps the invented buyers out of the real list', async () => {
    const { code, stdout } = await runStart({ ECOMAIL_API_KEY: 'not-used-key-987654', ECOMAIL_LIST_ID: '5' });
    expect(code).toBe(0);
    expect(stdout).toContain('they are not written into your real list');
    expect(stdout).toMatch(/Ecomail: sandbox at/);
    expect(stdout).not.toContain('not-used-key-987654');
  });
});
