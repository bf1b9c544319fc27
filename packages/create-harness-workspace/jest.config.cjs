/**
 * `npm test` in this package (and `nx test create-harness-workspace`): the spec with coverage, in
 * the json-summary report that harness-check's coverage rule reads from coverage/. The repository's
 * root jest config runs the same spec without coverage for this package.
 * isolatedModules (tsconfig.json) makes ts-jest transpile the spec without type-checking it;
 * `tsc -p packages/create-harness-workspace` is the type check, of the JSDoc-typed JS too.
 */
module.exports = {
  displayName: 'create-harness-workspace',
  rootDir: __dirname,
  testEnvironment: 'node',
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }],
  },
  moduleFileExtensions: ['ts', 'js', 'json'],
  collectCoverage: true,
  collectCoverageFrom: ['src/**/*.js'],
  coverageDirectory: '<rootDir>/coverage',
  coverageReporters: ['json-summary', 'text-summary'],
};
