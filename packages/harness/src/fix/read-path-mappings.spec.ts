import * as ts from 'typescript';
import type { ProjectInfo } from '../collect/types';
import { mapSpecifier, readPathMappings } from './read-path-mappings';

const project = (name: string, importAliases: string[], entryPoints: string[]): ProjectInfo => ({
  name,
  root: `libs/${name}`,
  tags: [],
  files: [],
  importAliases,
  entryPoints,
});

describe('readPathMappings and mapSpecifier', () => {
  it('reads tsconfig paths (with comments) against baseUrl, and adds package names not in paths', () => {
    const tsconfig = '{\n  // a comment\n  "compilerOptions": { "baseUrl": "./libs", "paths": { "@acme/*": ["*/src/index.ts"], "@acme/core": ["core/src/main.ts"] } }\n}';
    const mappings = readPathMappings(ts, (file) => (file === 'tsconfig.base.json' ? tsconfig : undefined), {
      core: project('core', ['@acme/core'], ['libs/core/src/main.ts']),
      billing: project('billing', ['@ws/billing'], ['libs/billing/src/index.ts']),
    });
    expect(mapSpecifier(mappings, '@acme/core')).toEqual(['libs/core/src/main.ts']);
    expect(mapSpecifier(mappings, '@acme/shop')).toEqual(['libs/shop/src/index.ts']);
    expect(mapSpecifier(mappings, '@ws/billing')).toEqual(['libs/billing/src/index.ts']);
    expect(mapSpecifier(mappings, 'lodash')).toEqual([]);
  });

  it('prefers the longest wildcard prefix, as TypeScript does', () => {
    const tsconfig = JSON.stringify({ compilerOptions: { paths: { '@a/*': ['x/*'], '@a/b/*': ['y/*'] } } });
    const mappings = readPathMappings(ts, (file) => (file === 'tsconfig.json' ? tsconfig : undefined), {});
    expect(mapSpecifier(mappings, '@a/b/c')).toEqual(['y/c']);
    expect(mapSpecifier(mappings, '@a/c')).toEqual(['x/c']);
  });
});
