/** SALESmanago sandbox: see server.ts for what it models; behaviour notes with each choice. */
export { startSalesManagoSandbox } from './server';
export { EVENT_PACKAGE_LIMIT, LOOKUP_LIMIT, UPSERT_PACKAGE_LIMIT } from './api';
export type * from './types';
