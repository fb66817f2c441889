/**
 * n8n's REST API as the editor uses it: the owner is created (n8n 2.x always has one) and logs in;
 * the session cookie then signs each call. Used for what only the server does, such as the
 * credential test behind the credential dialog's "Retry" (`POST /rest/credentials/test`).
 */
import { ensureOwner, LOCAL_OWNER } from '../../../demo/n8n-editor-owner';

const REQUEST_TIMEOUT_MS = 30_000;

export interface CredentialTestResult {
  status: 'OK' | 'Error';
  message: string;
}

export class RestSession {
  private constructor(
    private readonly baseUrl: string,
    private readonly cookie: string,
  ) {}

  static async login(baseUrl: string): Promise<RestSession> {
    await ensureOwner(baseUrl);
    const response = await fetch(`${baseUrl}/rest/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ emailOrLdapLoginId: LOCAL_OWNER.email, password: LOCAL_OWNER.password }),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    if (!response.ok) throw new Error(`n8n refused the owner's login (${response.status})`);
    const cookie = response.headers
      .getSetCookie()
      .map((line) => line.split(';')[0])
      .find((pair) => pair.startsWith('n8n-auth='));
    if (!cookie) throw new Error('n8n answered the login without an n8n-auth cookie');
    return new RestSession(baseUrl, cookie);
  }

  /** Tests a stored credential as the editor does, with the data it was saved with. */
  async testCredential(credential: { id: string; name: string; type: string; data: Record<string, unknown> }): Promise<CredentialTestResult> {
    const response = await fetch(`${this.baseUrl}/rest/credentials/test`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: this.cookie },
      body: JSON.stringify({ credentials: credential }),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`POST /rest/credentials/test answered ${response.status}: ${text.slice(0, 200)}`);
    return (JSON.parse(text) as { data: CredentialTestResult }).data;
  }
}
