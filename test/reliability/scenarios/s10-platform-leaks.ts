/**
 * 10. What the platforms print around a failing call carries no secret. Each kind of failing call
 * — 401, 5xx, network error, and a failing token refresh (dead token, 5xx, network error, and the
 * query-string variant failing after the body variant was refused) — is run through the Ecomail
 * and GoOut Zapier apps twice: with Zapier's CLI, `zapier-platform invoke --debug` (stdout and
 * stderr), and with the app tester printing Zapier's logs (z.console, HTTP and bundle logs) plus
 * the error it throws. Every text is searched for every key and token of the run, and for the
 * markers seeded into them (so a cut-off token is found too).
 */
import EcomailApp from '../../../zapier-app/src/ecomail';
import GoOutApp from '../../../zapier-app/src/goout';
import { tester } from '../../../zapier-app/test/app-tester';
import { startFaultProxy, type FaultProxy, type FaultRule } from '../lib/fault-proxy';
import { searchLeaks } from '../lib/leak-search';
import { issueTokens, rememberGoOutTokens, startEcomail, startGoOut } from '../lib/sandboxes';
import type { Recorder } from '../lib/scenario';
import { SECRETS, capture, capturedTexts, errorText, knownMarkers, knownSecrets } from '../lib/secrets';
import { captureZapierLogs } from '../lib/zapier-logs';
import { buildZapierApps, invokeZapier, zapierCliInstalled, type ZapierApp } from '../lib/zapier-invoke';

const REFRESH = '/services/user/v3/refresh-tokens';
const pass: FaultRule = () => undefined;
const onRefresh = (verdict: number | 'reset'): FaultRule => (request) => (request.path === REFRESH ? verdict : undefined);
const onData = (verdict: number | 'reset'): FaultRule => (request) => (request.path === REFRESH ? undefined : verdict);
/** The body variant refused as unknown, so the client falls back to the query variant, which then fails. */
const queryVariantFails = (verdict: number | 'reset'): FaultRule => (request) =>
  request.path !== REFRESH ? undefined : request.query.has('refreshToken') ? verdict : 400;

type Loose = any;
const goOut = GoOutApp as Loose;
const ecomail = EcomailApp as Loose;

interface FailingCall {
  name: string;
  app: ZapierApp;
  /** `zapier-platform invoke` arguments. */
  invoke: string[];
  /** The same operation for the app tester. */
  method: unknown;
  inputData?: Record<string, string>;
  /** Sets the sandboxes and proxies up and returns the auth data for this call. */
  arrange: () => Record<string, string>;
  /** What the error a user sees must say. */
  says: RegExp;
}

export async function platformLeaks(rec: Recorder): Promise<void> {
  if (!rec.check('Zapier CLI installed (npm run test:zapier-cli installs it)', zapierCliInstalled())) return;
  buildZapierApps(['ecomail', 'goout']);
  const ecomailSandbox = await startEcomail();
  const { goout } = await startGoOut(20, { rotateRefreshTokens: true });
  const proxies: FaultProxy[] = [];
  try {
    const gooutProxy = await startFaultProxy(goout.url, pass);
    const ecomailProxy = await startFaultProxy(ecomailSandbox.url, pass);
    proxies.push(gooutProxy, ecomailProxy);

    /** A fresh pasted pair behind the faulty proxy (an earlier call may have killed the last one). */
    const goOutAuth = (rule: FaultRule, spoil?: 'kill-refresh' | 'expire-access') => {
      gooutProxy.setRule(rule);
      const tokens = issueTokens(goout);
      if (spoil === 'kill-refresh') goout.state.killRefreshTokens();
      if (spoil === 'expire-access') goout.state.expireAccessTokens();
      return { initialAccessToken: tokens.accessToken, initialRefreshToken: tokens.refreshToken, baseUrl: gooutProxy.url };
    };
    const ecomailAuth = (rule: FaultRule, apiKey = SECRETS.ecomailKey) => {
      ecomailProxy.setRule(rule);
      return { apiKey, baseUrl: ecomailProxy.url };
    };
    const refresh = { app: 'goout' as const, invoke: ['auth', 'refresh'], method: goOut.authentication.sessionConfig.perform };
    const poll = { app: 'goout' as const, invoke: ['trigger', 'new_purchase'], method: goOut.triggers.new_purchase.operation.perform, inputData: { organizerId: '101' } };
    const ecomailTest = { app: 'ecomail' as const, invoke: ['auth', 'test'], method: ecomail.authentication.test };
    const upsert = {
      app: 'ecomail' as const,
      invoke: ['create', 'create_or_update_contact'],
      method: ecomail.creates.create_or_update_contact.operation.perform,
      inputData: { listId: '1', email: 'petra.novakova@example.cz', name: 'Petra', consent: 'true' },
    };

    const calls: FailingCall[] = [
      { name: 'GoOut refresh, dead refresh token (401 invalid_grant)', ...refresh, arrange: () => goOutAuth(pass, 'kill-refresh'), says: /Reconnect GoOut/ },
      { name: 'GoOut refresh, 503', ...refresh, arrange: () => goOutAuth(onRefresh(503)), says: /HTTP 503/ },
      { name: 'GoOut refresh, network error', ...refresh, arrange: () => goOutAuth(onRefresh('reset')), says: /no answer after/ },
      { name: 'GoOut refresh, body variant refused, query variant 503', ...refresh, arrange: () => goOutAuth(queryVariantFails(503)), says: /HTTP 503/ },
      { name: 'GoOut refresh, body variant refused, query variant network error', ...refresh, arrange: () => goOutAuth(queryVariantFails('reset')), says: /no answer after/ },
      { name: 'GoOut poll, 401 (expired access token)', ...poll, arrange: () => goOutAuth(pass, 'expire-access'), says: /needs a refresh/ },
      { name: 'GoOut poll, 503', ...poll, arrange: () => goOutAuth(onData(503)), says: /503/ },
      { name: 'GoOut poll, network error', ...poll, arrange: () => goOutAuth(onData('reset')), says: /no answer after/ },
      { name: 'Ecomail auth test, 401 (refused key)', ...ecomailTest, arrange: () => ecomailAuth(pass, SECRETS.wrongEcomailKey), says: /refused the API key/ },
      { name: 'Ecomail auth test, 503', ...ecomailTest, arrange: () => ecomailAuth(() => 503), says: /503/ },
      { name: 'Ecomail auth test, network error', ...ecomailTest, arrange: () => ecomailAuth(() => 'reset'), says: /no answer after|reach Ecomail/ },
      { name: 'Ecomail create or update contact, 503', ...upsert, arrange: () => ecomailAuth(() => 503), says: /503/ },
    ];

    const appTester = { goout: tester(GoOutApp), ecomail: tester(EcomailApp) };
    for (const call of calls) {
      const cli = await invokeZapier(call.app, [...call.invoke, ...(call.inputData ? ['-i', JSON.stringify(call.inputData)] : [])], call.arrange());
      capture(`zapier invoke --debug: ${call.name} (stdout)`, cli.stdout);
      capture(`zapier invoke --debug: ${call.name} (stderr)`, cli.stderr);
      rec.check(`invoke: ${call.name} fails with a message that says so`, cli.code !== 0 && call.says.test(cli.stdout + cli.stderr), `exit ${cli.code}`);
    }

    // Late log lines of one call may land with the next; every line is searched all the same.
    const logs = captureZapierLogs();
    let callsWithLogs = 0;
    try {
      for (const call of calls) {
        const error = await appTester[call.app](call.method, { authData: call.arrange(), inputData: call.inputData ?? {} }).then(
          () => undefined,
          (caught: unknown) => caught,
        );
        const printed = logs.take();
        if (printed.trim() !== '') callsWithLogs++;
        capture(`app tester logs: ${call.name}`, printed);
        capture(`app tester error: ${call.name}`, errorText(error));
        rec.check(`app tester: ${call.name} fails with a message that says so`, error instanceof Error && call.says.test(error.message), error instanceof Error ? error.message.split('\n')[0] : 'no error');
        rememberGoOutTokens(goout);
      }
      // A refresh that works: its HTTP log holds the new pair in the response, which Zapier must censor.
      const granted = await appTester.goout(refresh.method, { authData: goOutAuth(pass) }).then(
        () => true,
        () => false,
      );
      capture('app tester logs: GoOut refresh that works', logs.take());
      rememberGoOutTokens(goout);
      rec.check('app tester: the working refresh returns a pair', granted);
      rec.check('app tester: Zapier printed its logs for every failing call', callsWithLogs === calls.length, `${callsWithLogs} of ${calls.length}`);
    } finally {
      capture('app tester logs: late lines', await logs.stop());
    }
    rec.fault('failing calls, each through invoke --debug and the app tester', calls.length * 2);
    rec.fault('faults answered by the proxies (5xx, dropped connections, refused variant)', gooutProxy.faults() + ecomailProxy.faults());
  } finally {
    await Promise.all([...proxies.map((proxy) => proxy.close()), ecomailSandbox.close(), goout.close()]);
  }

  const texts = capturedTexts().filter(({ where }) => where.startsWith('zapier invoke') || where.startsWith('app tester'));
  const leaks = searchLeaks(texts, knownSecrets(), knownMarkers());
  for (const leak of leaks) rec.refuse(`LEAK in ${leak.where}`, leak.secret);
  rec.note(`${texts.length} platform texts searched for ${knownSecrets().length} keys and tokens and ${knownMarkers().length} markers`);
  rec.check('no key, token or marker in any invoke output, app-tester log or platform error', leaks.length === 0, `${leaks.length} leaks`);
}
