// Unit tests run in parallel; workflow/API tests share one Temporal dev server and one database,
// started once by the global setup.
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  testMatch: ['**/*.test.ts'],
  // tests/cluster runs against the PostgreSQL-backed Temporal cluster only (`npm run test:cluster`); tests/alone
  // runs after the rest, by itself (`npm test`): the demo history writes 1,350 cases in 15 s and, beside other
  // suites on two cores, starved their cases past their waits.
  testPathIgnorePatterns: [
    ...(process.env.HOLDFAST_CLUSTER_TESTS ? [] : ['/tests/cluster/']),
    ...(process.env.HOLDFAST_ALONE_TESTS ? [] : ['/tests/alone/']),
  ],
  // Type checking is `tsc --noEmit` (part of `npm test`); jest only transpiles.
  transform: { '^.+\\.ts$': ['ts-jest', { diagnostics: false }] },
  globalSetup: '<rootDir>/tests/support/global-setup.ts',
  globalTeardown: '<rootDir>/tests/support/global-teardown.ts',
  testTimeout: 120_000,
  maxWorkers: 2,
};
