/** One Jest run over every package: `npm test` at the root. */
const tsJest = ['ts-jest', { tsconfig: '<rootDir>/tsconfig.jest.json' }];
const moduleNameMapper = {
  '^@ecomail-bridge/shared$': '<rootDir>/shared/src/index.ts',
  '^@ecomail-bridge/shared/node$': '<rootDir>/shared/src/node/index.ts',
};

module.exports = {
  testTimeout: 120_000,
  projects: [
    {
      displayName: 'shared',
      rootDir: __dirname,
      testMatch: ['<rootDir>/shared/test/**/*.test.ts'],
      transform: { '^.+\\.ts$': tsJest },
      moduleNameMapper,
      testEnvironment: 'node',
    },
    {
      displayName: 'integration',
      rootDir: __dirname,
      testMatch: ['<rootDir>/test/**/*.test.ts'],
      testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/reliability/', '<rootDir>/test/e2e/'],
      transform: { '^.+\\.ts$': tsJest },
      moduleNameMapper,
      testEnvironment: 'node',
    },
  ],
};
