export { startGoOutSandbox, type GoOutSandbox, type GoOutSandboxOptions, type LoggedRequest } from './server';
export { ORGANIZER_ID, FOREIGN_ORGANIZER_ID, type SeedOptions } from './dataset';
