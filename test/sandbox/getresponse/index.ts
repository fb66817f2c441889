/**
 * GetResponse sandbox: an in-memory HTTP server on 127.0.0.1 that behaves like GetResponse API v3
 * as docs/getresponse.md describes it, under /v3: `X-Auth-Token: api-key …`, `X-Domain` for MAX
 * accounts only, `X-RateLimit-*` on every reply and 429 (code 1015) past the window, the burst or
 * 10 parallel requests; contacts per list with a 202 create that stays queued (invisible to
 * searches) for `createDelayMs`, 409 (code 1008) for an address already in the list, replace vs
 * add for tags and fields, tag and field name rules, imports with their limits and states.
 * Where the reference is silent [U], the choice is commented at the route. Inspection and fault
 * control without auth under /__sandbox/*.
 */
export { endpointOf } from './endpoint';
export { startGetResponseSandbox } from './server';
export type {
  FaultConfig,
  GetResponseRateLimit,
  GetResponseSandbox,
  GetResponseSandboxOptions,
  GetResponseSandboxState,
  ImportConfig,
  SandboxCall,
  SandboxContactView,
  SandboxImportView,
} from './types';
