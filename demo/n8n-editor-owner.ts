/**
 * n8n 2.x always has user management: a fresh instance shows an owner sign-up form first. The
 * local editor creates that owner through n8n's own REST route (`POST /rest/owner/setup`, public
 * until an owner exists), so the user only logs in. A fixed local login: n8n listens on
 * 127.0.0.1 only, and the owner can change it in Settings → Personal.
 */
export const LOCAL_OWNER = {
  email: 'owner@example.com',
  firstName: 'Local',
  lastName: 'Owner',
  // n8n's rule: 8+ characters, a digit and a capital letter.
  password: 'EcomailBridge1',
} as const;

const REQUEST_TIMEOUT_MS = 15_000;

/** True when this call created the owner, false when one existed already. */
export async function ensureOwner(baseUrl: string): Promise<boolean> {
  const settings = await request(baseUrl, 'GET', '/rest/settings');
  const data = (settings as { data?: { userManagement?: { showSetupOnFirstLoad?: boolean } } }).data;
  if (data?.userManagement?.showSetupOnFirstLoad !== true) return false;
  await request(baseUrl, 'POST', '/rest/owner/setup', LOCAL_OWNER);
  return true;
}

async function request(baseUrl: string, method: string, path: string, body?: unknown): Promise<unknown> {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: body === undefined ? undefined : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
  if (!response.ok) throw new Error(`n8n ${method} ${path} answered ${response.status}: ${(await response.text()).slice(0, 200)}`);
  return response.json();
}
