import { SALESMANAGO_CREDENTIALS_REFUSED } from '@ecomail-bridge/shared';
import { zapierWording } from '../../src/platform/wording';
import { everyCall, failureOf, failureText } from '../app-tester';
import { API_KEY, App, salesManagoPerFile } from './harness';

const { h, appTester } = salesManagoPerFile();

/** The core's words, with the server's reason the sandbox gives for a wrong signature. */
const REFUSED = `${zapierWording(SALESMANAGO_CREDENTIALS_REFUSED)} (User not authenticated)`;

/** Enough input for every operation to reach SALESmanago. */
const INPUT: Record<string, Record<string, string>> = {
  'creates.record_ellity_event': { email: 'a@example.cz', type: 'credit_changed' },
  'creates.add_external_event': { email: 'a@example.cz', type: 'PURCHASE' },
};

describe('the connection', () => {
  it('is tested with the owner’s address, labelled with owner and server, never a secret', async () => {
    const result = await appTester(App.authentication.test, { authData: h().authData });
    expect(result).toEqual({ owner: h().sandbox.account.owner, server: new URL(h().sandbox.url).host });
    expect(App.authentication.connectionLabel).toBe('{{bundle.inputData.owner}} ({{bundle.inputData.server}})');
    const [call] = h().sandbox.state.calls();
    expect(h().sandbox.state.calls()).toHaveLength(1);
    expect([call.path, call.success, Object.keys(call.body as object).sort()]).toEqual([
      '/api/contact/hasContact',
      true,
      ['apiKey', 'clientId', 'email', 'owner', 'requestTime', 'sha'],
    ]);
  });

  it('takes the endpoint as users paste it, and refuses plain http to a real server before sending', async () => {
    const pasted = `${h().sandbox.url}/api/`;
    expect(await appTester(App.authentication.test, { authData: { ...h().authData, endpoint: pasted } })).toMatchObject({ server: new URL(h().sandbox.url).host });
    expect(await failureText(appTester(App.authentication.test, { authData: { ...h().authData, endpoint: 'http://app3.salesmanago.com' } }))).toEqual([
      'AppError',
      'InvalidInput',
      'The SALESmanago API Base URL must start with https:// (it is "http://app3.salesmanago.com"): over plain http the credentials would travel unencrypted. Edit the connection.',
    ]);
    expect(h().sandbox.state.calls()).toHaveLength(1);
  });
});

describe('errors', () => {
  it('maps refused credentials to ExpiredAuthError in every operation, naming where to look and no secret', async () => {
    const calls = everyCall(App);
    expect(calls.map(([name]) => name)).toEqual([
      'authentication.test',
      'creates.create_or_update_contact',
      'creates.add_goout_buyer',
      'creates.record_ellity_event',
      'creates.add_external_event',
    ]);
    const authData = { ...h().authData, apiSecret: 'revoked-secret-1' };
    const results: string[][] = [];
    for (const [name, fn] of calls) results.push([name, ...(await failureText(appTester(fn, { authData, inputData: INPUT[name] ?? { email: 'a@example.cz' } })))]);
    expect(results).toEqual(calls.map(([name]) => [name, 'ExpiredAuthError', REFUSED]));
    expect(results.filter(([, , message]) => message.includes('revoked-secret-1') || message.includes(API_KEY))).toEqual([]);
  });

  it('turns an HTTP 429 and throttling said inside a 200 into ThrottledError, each sent once', async () => {
    const run = () => failureOf(appTester(App.creates.add_external_event.operation.perform, { authData: h().authData, inputData: { email: 'a@example.cz', type: 'PURCHASE' } }));
    h().sandbox.setFaults({ throttleRate: 1 });
    const http = await run();
    h().sandbox.setFaults({ throttleRate: 0, busyRate: 1 });
    const inside = await run();
    h().sandbox.setFaults({ busyRate: 0 });
    expect([http.name, JSON.parse(http.message)]).toEqual([
      'ThrottledError',
      { message: 'SALESmanago answered 429 Too Many Requests (POST /api/v2/contact/addContactExtEvent); Zapier runs this step again in 60 s.', delay: 60 },
    ]);
    expect([inside.name, JSON.parse(inside.message)]).toEqual([
      'ThrottledError',
      { message: 'SALESmanago said it is throttling (POST /api/v2/contact/addContactExtEvent); Zapier runs this step again in 60 s.', delay: 60 },
    ]);
    expect(h().sandbox.state.calls().map((call) => [call.path, call.status, call.success])).toEqual([
      ['/api/v2/contact/addContactExtEvent', 429, undefined],
      ['/api/v2/contact/addContactExtEvent', 200, false],
    ]);
  });

  it('refuses a connection without its values before sending anything', async () => {
    expect(await failureText(appTester(App.authentication.test, { authData: { endpoint: h().sandbox.url, clientId: 'c' } }))).toEqual([
      'AppError',
      'InvalidInput',
      'The SALESmanago connection lacks API Secret, API Key, Owner Email. Edit the SALESmanago connection: the values are in SALESmanago → Integration Center → API.',
    ]);
    expect(h().sandbox.state.calls()).toEqual([]);
  });
});
