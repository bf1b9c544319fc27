/**
 * e2e: real workspaces from the packed tarball, so minutes rather than seconds. Run it with
 * --runInBand: the suites spawn npm and Nx, and two of them at once only fight over 2 cores.
 * isolatedModules (tsconfig.json) makes ts-jest transpile each file without type-checking it;
 * `tsc -p e2e/harness-e2e` is the type check.
 */
module.exports = {
  displayName: 'harness-e2e',
  rootDir: __dirname,
  testEnvironment: 'node',
  testMatch: ['<rootDir>/tests/**/*.spec.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }],
  },
  moduleFileExtensions: ['ts', 'js', 'json'],
  // Each suite sets its own budget; this is only the ceiling for a hook that forgot to.
  testTimeout: 6 * 60 * 1000,
};
