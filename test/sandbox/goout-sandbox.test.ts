import axios from 'axios';
import { startGoOutSandbox, type GoOutSandbox } from './goout';

let sandbox: GoOutSandbox;

beforeEach(async () => {
  sandbox = await startGoOutSandbox();
});
afterEach(() => sandbox.close());

describe('GoOut sandbox inbound requests', () => {
  it('answers 400 to a body that is not JSON, logs it and keeps serving', async () => {
    const refresh = `${sandbox.url}/services/user/v3/refresh-tokens`;
    const broken = await axios.post(refresh, '{"refresh_token": ', {
      headers: { 'content-type': 'application/json' },
      transformRequest: (data: unknown) => data,
      validateStatus: () => true,
    });
    expect(broken.status).toBe(400);
    expect(broken.data).toEqual({ message: 'body is not valid JSON' });
    const fine = await axios.post(refresh, { refresh_token: sandbox.initialTokens().refreshToken });
    expect(fine.status).toBe(200);
    expect(sandbox.state.requests().map((request) => request.status)).toEqual([400, 200]);
  });
});
