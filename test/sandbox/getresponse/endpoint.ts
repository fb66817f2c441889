import type { SandboxCall } from './types';

/** A call as `METHOD /path` with its ids as `:id` (our path words are lower-case, GetResponse's ids are not). */
export function endpointOf(call: Pick<SandboxCall, 'method' | 'path'>): string {
  return `${call.method} ${call.path.split('/').map((part) => (/[A-Z0-9]/.test(part) ? ':id' : part)).join('/')}`;
}
