import { compilePathGlob, createPathFilter } from './path-glob';

describe('compilePathGlob', () => {
  it.each([
    ['**/fixtures/**', 'libs/a/src/fixtures/x.ts', true],
    ['**/fixtures/**', 'fixtures/x.ts', true],
    ['**/fixtures/**', 'libs/a/src/fixture.ts', false],
    ['libs/*/mocks', 'libs/a/mocks', true],
    ['libs/*/mocks', 'libs/a/b/mocks', false],
    ['**/*.{spec,test}.ts', 'libs/a/x.spec.ts', true],
    ['**/*.{spec,test}.ts', 'libs/a/x.ts', false],
    ['tmp/?.js', 'tmp/a.js', true],
    ['tmp/[ab].js', 'tmp/c.js', false],
    ['**/.cache', 'libs/.cache', true],
    ['./dist/', 'dist', true],
  ])('%s against %s is %s', (glob, file, expected) => {
    expect(compilePathGlob(glob).test(file)).toBe(expected);
  });

  it('refuses an unclosed brace or bracket', () => {
    expect(() => compilePathGlob('a/{b,c')).toThrow('the glob "a/{b,c" has an unclosed "{"');
    expect(() => compilePathGlob('a/[bc')).toThrow('unclosed "["');
  });
});

describe('createPathFilter', () => {
  it('leaves out files under a matching folder', () => {
    const ignored = createPathFilter(['**/dist', 'tools/mock-workspace']);
    expect(ignored('libs/a/dist/index.js')).toBe(true);
    expect(ignored('tools/mock-workspace/libs/x/src/index.ts')).toBe(true);
    expect(ignored('libs/a/src/index.ts')).toBe(false);
  });

  it('lets the last matching glob decide, so `!` re-includes', () => {
    const ignored = createPathFilter(['**/*', '!libs/a/**']);
    expect(ignored('libs/a/src/index.ts')).toBe(false);
    expect(ignored('libs/b/src/index.ts')).toBe(true);
    expect(ignored('eslint.config.mjs')).toBe(true);
  });

  it('leaves out nothing without globs', () => {
    expect(createPathFilter([])('libs/a/x.ts')).toBe(false);
  });
});
