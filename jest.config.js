/** One Jest run over every package: `npm test` at the root. */
const tsJest = ['ts-jest', { tsconfig: '<rootDir>/tsconfig.jest.json' }];
/** Every project: a file that leaves node:http patched fails instead of breaking the files after it. */
const setupFilesAfterEnv = ['<rootDir>/test/setup/http-intact.ts'];
const moduleNameMapper = {
  '^@ecomail-bridge/shared$': '<rootDir>/shared/src/index.ts',
  '^@ecomail-bridge/shared/node$': '<rootDir>/shared/src/node/index.ts',
};

module.exports = {
  testTimeout: 120_000,
  // On 2 cores Jest would run every file in its own main process, one after another, and memory only
  // grows: past 450 MB zapier-platform-core's memory check kills the process mid-test. A worker
  // that ends a file above this limit is replaced by a fresh one.
  workerIdleMemoryLimit: '350MB',
  projects: [
    {
      displayName: 'shared',
      rootDir: __dirname,
      testMatch: ['<rootDir>/shared/test/**/*.test.ts'],
      transform: { '^.+\\.ts$': tsJest },
      moduleNameMapper,
      setupFilesAfterEnv,
      testEnvironment: 'node',
    },
    {
      displayName: 'integration',
      rootDir: __dirname,
      testMatch: ['<rootDir>/test/**/*.test.ts'],
      testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/reliability/', '<rootDir>/test/e2e/', '<rootDir>/test/cross-shell/'],
      transform: { '^.+\\.ts$': tsJest },
      moduleNameMapper,
      setupFilesAfterEnv,
      testEnvironment: 'node',
    },
    {
      displayName: 'zapier',
      rootDir: __dirname,
      testMatch: ['<rootDir>/zapier-app/test/**/*.test.ts'],
      transform: { '^.+\\.ts$': tsJest },
      moduleNameMapper,
      setupFilesAfterEnv,
      testEnvironment: 'node',
    },
    {
      displayName: 'n8n-nodes',
      rootDir: __dirname,
      // The cross-shell test drives the n8n nodes too, so it shares their setup.
      testMatch: ['<rootDir>/n8n-nodes/test/**/*.test.ts', '<rootDir>/test/cross-shell/**/*.test.ts'],
      // The destinations' cross-shell run takes minutes (SALESmanago's 2 calls a second through Zapier):
      // `npm run test:cross-destinations` runs it, and .ci/run calls that.
      testPathIgnorePatterns: process.env.CROSS_DESTINATIONS === '1' ? ['/node_modules/'] : ['/node_modules/', '<rootDir>/test/cross-shell/destinations.test.ts'],
      // dist/package.json repeats the package name; keep it out of Jest's module map.
      modulePathIgnorePatterns: ['<rootDir>/n8n-nodes/dist/package.json'],
      transform: { '^.+\\.ts$': tsJest },
      moduleNameMapper,
      setupFilesAfterEnv,
      testEnvironment: 'node',
      // The tests run the built package (dist/) like n8n does; this builds it first.
      globalSetup: '<rootDir>/n8n-nodes/test/setup/build.js',
      setupFiles: ['<rootDir>/n8n-nodes/test/setup/userFolder.js'],
    },
    {
      displayName: 'cli',
      rootDir: __dirname,
      testMatch: ['<rootDir>/cli/test/**/*.test.ts'],
      transform: { '^.+\\.ts$': tsJest },
      moduleNameMapper,
      setupFilesAfterEnv,
      testEnvironment: 'node',
    },
  ],
};
