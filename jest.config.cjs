/** Unit tests of every package; e2e has its own config because it needs minutes and a tarball. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/packages/harness'],
  testMatch: ['**/*.spec.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '/files/'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/packages/harness/tsconfig.spec.json' }],
  },
  moduleFileExtensions: ['ts', 'js', 'json'],
  // harness-check's coverage rule reads this report for packages/harness (see its CONVENTIONS.md).
  collectCoverage: true,
  collectCoverageFrom: ['packages/harness/src/**/*.ts', '!packages/harness/src/**/*.spec.ts', '!packages/harness/src/testing/**', '!**/files/**', '!**/__fixtures__/**'],
  coverageDirectory: '<rootDir>/packages/harness/coverage',
  coverageReporters: ['json-summary', 'text-summary'],
};
