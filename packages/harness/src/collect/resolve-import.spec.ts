import { createImportResolver, packageNameOf } from './resolve-import';
import type { ProjectInfo } from './types';

const project = (name: string, root: string, alias: string): ProjectInfo => ({
  name,
  root,
  tags: [],
  files: [],
  importAliases: [alias],
  entryPoints: [`${root}/src/index.ts`],
});

describe('createImportResolver', () => {
  const projects = {
    billing: project('billing', 'modules/billing', '@org/billing'),
    'billing-api': project('billing-api', 'modules/billing-api', '@org/billing-api'),
    auth: project('auth', 'modules/auth', '@org/auth'),
  };
  const files = new Set([
    'modules/billing/src/index.ts',
    'modules/billing/src/lib/x.ts',
    'modules/auth/src/index.ts',
    'modules/auth/src/lib/token.ts',
  ]);
  const resolve = createImportResolver(projects, files);

  it('resolves an alias to the entry point', () => {
    expect(resolve('modules/auth/src/index.ts', '@org/billing')).toEqual({
      project: 'billing',
      file: 'modules/billing/src/index.ts',
      viaEntryPoint: true,
    });
  });

  it("resolves a secondary entry point's alias to its own file, not the project's main entry", () => {
    const state: ProjectInfo = {
      ...project('state', 'libs/state', '@rx/state'),
      importAliases: ['@rx/state', '@rx/state/selections'],
      entryPoints: ['libs/state/src/index.ts', 'libs/state/selections/src/index.ts'],
      aliasFiles: { '@rx/state': 'libs/state/src/index.ts', '@rx/state/selections': 'libs/state/selections/src/index.ts' },
    };
    const resolveState = createImportResolver({ state }, new Set(['libs/state/selections/src/index.ts']));
    expect(resolveState('libs/state/spec/a.spec.ts', '@rx/state/selections')).toEqual({
      project: 'state',
      file: 'libs/state/selections/src/index.ts',
      viaEntryPoint: true,
    });
  });

  it('resolves a deep import without taking a longer alias for it', () => {
    expect(resolve('a.ts', '@org/billing/src/lib/x')).toEqual({
      project: 'billing',
      file: 'modules/billing/src/lib/x.ts',
      viaEntryPoint: false,
    });
    expect(resolve('a.ts', '@org/billing-api').project).toBe('billing-api');
  });

  it('resolves relative imports, also across project roots and with .js suffixes', () => {
    expect(resolve('modules/auth/src/index.ts', './lib/token.js')).toEqual({
      project: 'auth',
      file: 'modules/auth/src/lib/token.ts',
    });
    expect(resolve('modules/auth/src/lib/token.ts', '../../../billing/src/lib/x').project).toBe('billing');
  });

  it('names the npm package of an external import', () => {
    expect(resolve('a.ts', 'lodash/fp')).toEqual({ externalPackage: 'lodash' });
    expect(packageNameOf('@scope/pkg/deep')).toBe('@scope/pkg');
  });
});
