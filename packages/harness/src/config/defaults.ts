import type { Conventions } from './types';

/** The workspace's harness config, at its root. */
export const HARNESS_CONFIG_FILE = 'harness.yaml';

/** What a module gets when neither its CONVENTIONS.md nor harness.yaml says otherwise. */
export const DEFAULT_CONVENTIONS: Conventions = {
  naming: {
    functions: 'camelCase',
    classes: 'PascalCase',
    variables: 'camelCase',
    constants: 'UPPER_CASE',
    types: 'PascalCase',
    files: 'kebab-case',
  },
  coverage: { lines: 80, branches: 70, functions: 80, statements: 80 },
  tests: { required: true },
  layers: [],
};
