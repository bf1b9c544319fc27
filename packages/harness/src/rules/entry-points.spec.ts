import { findEntryPointOf } from './entry-points';

const reader = (files: Record<string, string>) => ({ readText: (file: string) => files[file] });

describe('findEntryPointOf', () => {
  it('finds the entry file of the nearest ng-package.json below the project root', () => {
    const ctx = reader({ 'libs/ui/testing/ng-package.json': '{"lib":{"entryFile":"src/index.ts"}}' });
    expect(findEntryPointOf(ctx, 'libs/ui/testing/src/lib/x.ts', 'libs/ui')).toBe('libs/ui/testing/src/index.ts');
    expect(findEntryPointOf(ctx, 'libs/ui/src/lib/x.ts', 'libs/ui')).toBeUndefined();
  });

  it('defaults the ng-package entry file to src/public_api.ts', () => {
    expect(findEntryPointOf(reader({ 'libs/ui/a/ng-package.json': '{}' }), 'libs/ui/a/x.ts', 'libs/ui')).toBe('libs/ui/a/src/public_api.ts');
  });

  it('names a file that a package.json exports subpath points at, never the main entry', () => {
    const manifest = JSON.stringify({ exports: { '.': './src/index.ts', './server': { import: './src/server.ts' }, './dir/': './src/dir/' } });
    const ctx = reader({ 'libs/api/package.json': manifest });
    expect(findEntryPointOf(ctx, 'libs/api/src/server.ts', 'libs/api')).toBe('libs/api/src/server.ts');
    expect(findEntryPointOf(ctx, 'libs/api/src/index.ts', 'libs/api')).toBeUndefined();
    expect(findEntryPointOf(ctx, 'libs/api/dir/x.ts', 'libs/api')).toBe('libs/api/src/dir/');
  });
});
