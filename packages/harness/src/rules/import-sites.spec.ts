import { createTestCheckContext } from '../testing/create-test-context';
import { findImportsInto, isSourceFile, joinRoot, joinWithOr, readImportSites } from './import-sites';

describe('import sites', () => {
  const check = createTestCheckContext({
    projects: [
      { name: 'billing', root: 'modules/billing' },
      { name: 'auth', root: 'modules/auth' },
    ],
    files: {
      'modules/billing/src/index.ts': "import { a } from '@test/auth';\nimport { b } from './b';\nimport x from 'lodash';\n",
      'modules/billing/src/b.ts': 'export const b = 1;\n',
      'modules/auth/src/index.ts': 'export const a = 1;\n',
    },
  });

  it('resolves every import of a file', () => {
    expect(readImportSites(check, 'modules/billing/src/index.ts').map((s) => [s.specifier, s.resolved])).toEqual([
      ['@test/auth', { project: 'auth', file: 'modules/auth/src/index.ts', viaEntryPoint: true }],
      ['./b', { project: 'billing', file: 'modules/billing/src/b.ts' }],
      ['lodash', { externalPackage: 'lodash' }],
    ]);
  });

  it('finds the imports that land in one project', () => {
    expect(findImportsInto(check, 'modules/billing/src/index.ts', 'auth').map((s) => s.line)).toEqual([1]);
  });

  it('knows source files, roots and word lists', () => {
    expect(['a.ts', 'a.mts', 'a.tsx', 'a.cjs', 'a.json', 'a.md'].map(isSourceFile)).toEqual([
      true,
      true,
      true,
      true,
      false,
      false,
    ]);
    expect(joinRoot('', 'package.json')).toBe('package.json');
    expect(joinRoot('modules/x', 'package.json')).toBe('modules/x/package.json');
    expect(joinWithOr(['a'])).toBe('a');
    expect(joinWithOr(['a', 'b', 'c'])).toBe('a, b or c');
  });
});
