/**
 * Ecomail sandbox: an in-memory HTTP server on 127.0.0.1 that behaves like the Ecomail REST API v2
 * as docs/ecomail-api.md describes it. Where the spec marks behaviour unknown [U],
 * the choice made here is commented at the route. Inspection without auth under /__sandbox/*.
 */
export { startEcomailSandbox } from './server';
export type {
  EcomailSandbox,
  EcomailSandboxOptions,
  FaultConfig,
  RateLimitConfig,
  SandboxCall,
  SandboxContact,
  SandboxEvent,
  SandboxListOption,
  SandboxMembership,
  SandboxPipelineTrigger,
  SandboxState,
  SandboxTransaction,
} from './types';
