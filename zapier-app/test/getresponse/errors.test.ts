import { GETRESPONSE_ACCESS_REFUSED, GETRESPONSE_KEY_REJECTED } from '@ecomail-bridge/shared';
import { startGetResponseSandbox } from '../../../test/sandbox/getresponse';
import { zapierWording } from '../../src/platform/wording';
import { everyCall, failureOf, failureText } from '../app-tester';
import { App, authDataOf, getResponsePerFile } from './harness';

const { h, appTester } = getResponsePerFile({ throttleResetSeconds: 7 });

/** Enough input for every operation to reach GetResponse. */
const INPUT = { campaignId: 'A1b2C', email: 'a@example.cz', type: 'credit_changed' };

describe('the connection', () => {
  it('is tested against the account and labelled with its email, never the key', async () => {
    const result = await appTester(App.authentication.test, { authData: h().authData });
    expect(result).toEqual({ account: 'owner@example.cz' });
    expect(App.authentication.connectionLabel).toBe('{{bundle.inputData.account}}');
    expect(h().sandbox.state.calls().map((call) => `${call.method} ${call.path} ${call.status}`)).toEqual(['GET /accounts 200']);
  });

  it('refuses a plain-http API address before anything is sent', async () => {
    expect(await failureText(appTester(App.authentication.test, { authData: { ...h().authData, baseUrl: 'http://api.getresponse.com/v3' } }))).toEqual([
      'AppError',
      'InvalidInput',
      'The GetResponse API Base URL must start with https:// (it is "http://api.getresponse.com/v3"): over plain http the credentials would travel unencrypted. Edit the connection.',
    ]);
    expect(h().sandbox.state.calls()).toEqual([]);
  });

  it('sends the MAX domain as X-Domain, normalised, and turns a wrong one into ExpiredAuthError', async () => {
    const max = await startGetResponseSandbox({ enterpriseDomain: 'example.com' });
    try {
      const authData = { ...authDataOf(max), domain: 'https://www.example.com/' };
      expect(await appTester(App.authentication.test, { authData })).toEqual({ account: 'owner@example.cz' });
      expect(max.state.calls().map((call) => call.domain)).toEqual(['example.com']);
      expect(await failureText(appTester(App.authentication.test, { authData: { ...authData, domain: 'other.example' } }))).toEqual([
        'ExpiredAuthError',
        `${zapierWording(GETRESPONSE_KEY_REJECTED)}.`,
      ]);
    } finally {
      await max.close();
    }
    expect(await failureText(appTester(App.authentication.test, { authData: { ...h().authData, domain: 'example.com' } }))).toEqual([
      'ExpiredAuthError',
      `${zapierWording(GETRESPONSE_ACCESS_REFUSED)}.`,
    ]);
  });
});

describe('errors', () => {
  it('maps a refused key to ExpiredAuthError with the core’s words, in every operation', async () => {
    const calls = everyCall(App);
    expect(calls.map(([name]) => name)).toEqual([
      'authentication.test',
      'triggers.campaign',
      'creates.create_or_update_contact',
      'creates.create_or_update_contact.inputFields',
      'creates.add_goout_buyer',
      'creates.record_ellity_event',
    ]);
    const results: string[][] = [];
    for (const [name, fn] of calls) results.push([name, ...(await failureText(appTester(fn, { authData: { ...h().authData, apiKey: 'wrong' }, inputData: INPUT })))]);
    expect(results).toEqual(calls.map(([name]) => [name, 'ExpiredAuthError', `${zapierWording(GETRESPONSE_KEY_REJECTED)}.`]));
  });

  it('turns a 429 into ThrottledError after GetResponse’s X-RateLimit-Reset, sent once', async () => {
    h().sandbox.setFaults({ throttleRate: 1 });
    try {
      const error = await failureOf(appTester(App.creates.create_or_update_contact.operation.perform, { authData: h().authData, inputData: INPUT }));
      expect(error.name).toBe('ThrottledError');
      expect(JSON.parse(error.message)).toEqual({ message: 'GetResponse answered 429 Too Many Requests (GET /v3/tags); Zapier runs this step again in 7 s.', delay: 7 });
      expect(h().sandbox.state.calls().map((call) => `${call.method} ${call.path} ${call.status}`)).toEqual(['GET /tags 429']);
    } finally {
      h().sandbox.setFaults({ throttleRate: 0 });
    }
  });

  it('says GetResponse’s own reason for a refused write', async () => {
    expect(await failureText(appTester(App.creates.create_or_update_contact.operation.perform, { authData: h().authData, inputData: { ...INPUT, campaignId: 'nope' } }))).toEqual([
      'AppError',
      'GetResponseRejected',
      'GetResponse answered 400 to POST /contacts: Validation error; campaign.campaignId: Campaign nope does not exist',
    ]);
  });
});
