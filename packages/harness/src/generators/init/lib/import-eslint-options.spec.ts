import { addProjectConfiguration, type Tree } from '@nx/devkit';
import { createTreeWithEmptyWorkspace } from '@nx/devkit/testing';
import { readHarnessConfig } from '../../../config/read-harness-config';
import { readEslintConstraints } from './import-eslint-constraints';
import { fromGitignore } from './import-eslint-ignores';
import { writeHarnessConfig } from './write-harness-config';

const CONSTRAINTS = [{ sourceTag: 'scope:a', onlyDependOnLibsWithTags: ['scope:a', 'scope:shared'] }];
const ALL_OPTIONS = {
  allow: ['^.*/eslint(\\.base)?\\.config\\.[cm]?[jt]s$', '@org/tools/**'],
  banTransitiveDependencies: true,
  checkNestedExternalImports: true,
  enforceBuildableLibDependency: true,
  buildTargets: ['build', 'build-base'],
  allowCircularSelfDependency: true,
  ignoredCircularDependencies: [['a', 'b']],
  checkDynamicDependenciesExceptions: ['@org/lazy'],
};
const ALL_FILES = "files: ['**/*.ts', '**/*.tsx', '**/*.js', '**/*.jsx', '**/*.mts', '**/*.cts', '**/*.mjs', '**/*.cjs']";

const rule = (options: string) => `{ ${ALL_FILES}, rules: { '@nx/enforce-module-boundaries': ['error', ${options}] } }`;

function addProject(tree: Tree, root: string): void {
  tree.write(`${root}/project.json`, JSON.stringify({ name: root.split('/').pop(), root }));
}

describe('readEslintConstraints: the rule options', () => {
  let tree: Tree;
  beforeEach(() => {
    tree = createTreeWithEmptyWorkspace();
  });

  it('imports every option of a flat config under ESLint\'s names', () => {
    tree.write('eslint.config.mjs', `export default [${rule(JSON.stringify({ ...ALL_OPTIONS, depConstraints: CONSTRAINTS }))}];`);
    expect(readEslintConstraints(tree)).toEqual({ file: 'eslint.config.mjs', constraints: CONSTRAINTS, options: ALL_OPTIONS, ignore: [], notes: [] });
  });

  it('imports the options of a legacy .eslintrc.json alike', () => {
    tree.write('.eslintrc.json', JSON.stringify({ overrides: [{ files: ['*.ts', '*.tsx', '*.js', '*.jsx', '*.mts', '*.cts', '*.mjs', '*.cjs'], rules: { '@nx/enforce-module-boundaries': ['error', { ...ALL_OPTIONS, depConstraints: CONSTRAINTS }] } }] }));
    const imported = readEslintConstraints(tree);
    expect(imported?.options).toEqual(ALL_OPTIONS);
    expect(imported?.notes).toEqual([]);
  });

  it('leaves out a computed option, a broken allow regex and a malformed pair, saying so', () => {
    tree.write('eslint.config.mjs', `export default [${rule(`{ banTransitiveDependencies: process.env.CI === 'true', allow: ['[unclosed', '^ok$'], ignoredCircularDependencies: [['a']], depConstraints: [] }`)}];`);
    const imported = readEslintConstraints(tree);
    expect(imported?.options).toEqual({ allow: ['^ok$'] });
    expect(imported?.notes).toEqual([
      'the @nx/enforce-module-boundaries option banTransitiveDependencies in eslint.config.mjs is computed at run time, so it was not imported.',
      'the allow pattern "[unclosed" in eslint.config.mjs is not a valid regular expression, so it was not imported.',
      'the @nx/enforce-module-boundaries option ignoredCircularDependencies in eslint.config.mjs is not a list of literal project pairs, so it was not imported.',
    ]);
  });

  it.each([
    ['an ESM named import', 'tools/eslint/constraints.mjs', `export const depConstraints = ${JSON.stringify(CONSTRAINTS)};`, `import { depConstraints } from './tools/eslint/constraints.mjs';\nexport default [${rule('{ depConstraints }')}];`],
    ['a default import without extension', 'tools/constraints.js', `const list = ${JSON.stringify(CONSTRAINTS)};\nexport default list;`, `import list from './tools/constraints';\nexport default [${rule('{ depConstraints: list }')}];`],
    ['a destructured require', 'tools/constraints.cjs', `module.exports = { depConstraints: ${JSON.stringify(CONSTRAINTS)} };`, `const { depConstraints } = require('./tools/constraints.cjs');\nmodule.exports = [${rule('{ depConstraints }')}];`],
    ['a namespace import and exports.x', 'tools/constraints.cjs', `exports.depConstraints = ${JSON.stringify(CONSTRAINTS)};`, `import * as c from './tools/constraints.cjs';\nexport default [${rule('{ depConstraints: c.depConstraints }')}];`],
  ])('follows constraints built in another JS file through %s', (_, file, text, config) => {
    tree.write(file, text);
    tree.write(file.endsWith('.cjs') && config.includes('require') ? 'eslint.config.cjs' : 'eslint.config.mjs', config);
    expect(readEslintConstraints(tree)?.constraints).toEqual(CONSTRAINTS);
  });

  it('finds the rule in a base config the root config spreads, and lets a later setting win', () => {
    tree.write('eslint.base.config.mjs', `export default [${rule(`{ allow: ['^x$'], depConstraints: [] }`)}];`);
    tree.write('eslint.config.mjs', `import base from './eslint.base.config.mjs';\nexport default [...base, { ignores: ['dist'] }];`);
    expect(readEslintConstraints(tree)).toEqual({ file: 'eslint.config.mjs', constraints: [], options: { allow: ['^x$'] }, ignore: ['dist'], notes: [] });
    tree.write('eslint.config.mjs', `import base from './eslint.base.config.mjs';\nexport default [...base, ${rule(`{ depConstraints: ${JSON.stringify(CONSTRAINTS)} }`)}];`);
    expect(readEslintConstraints(tree)?.constraints).toEqual(CONSTRAINTS);
    expect(readEslintConstraints(tree)?.options).toEqual({});
  });

  it('says which files the rule never sees when its config object names only some', () => {
    tree.write('eslint.config.mjs', `export default [{ files: ['**/*.ts', '**/*.tsx', '**/*.js', '**/*.jsx'], rules: { '@nx/enforce-module-boundaries': ['error', { depConstraints: [] }] } }];`);
    expect(readEslintConstraints(tree)?.notes).toEqual([
      '@nx/enforce-module-boundaries in eslint.config.mjs applies only to files matching **/*.ts, **/*.tsx, **/*.js, **/*.jsx, so ESLint never judges .mts, .cts, .mjs, .cjs files with it; ' +
        'harness.yaml leaves them out of the dependency rules too (dependencies.ignore: "**/*.mts", "**/*.cts", "**/*.mjs", "**/*.cjs").',
    ]);
  });
});

describe('readEslintConstraints: the files ESLint never lints', () => {
  let tree: Tree;
  beforeEach(() => {
    tree = createTreeWithEmptyWorkspace();
    addProject(tree, 'libs/a');
    addProject(tree, 'libs/b');
  });

  it('takes the global ignores of a flat config and of each project\'s own config, relative to its folder', () => {
    tree.write(
      'eslint.config.mjs',
      `import { globalIgnores } from 'eslint/config';\nexport default [\n  { ignores: ['**/dist', './tools/mock-workspace/', '!tools/mock-workspace/keep.ts'] },\n  globalIgnores(['**/__fixtures__/**'], 'fixtures'),\n  { files: ['**/*.ts'], ignores: ['**/*.spec.ts'], rules: {} },\n  ${rule('{ depConstraints: [] }')},\n];`,
    );
    tree.write('libs/a/eslint.config.mjs', `import base from '../../eslint.config.mjs';\nexport default [...base, { name: 'a/ignores', ignores: ['src/test-workspace/**'] }];`);
    tree.write('libs/b/eslint.config.mjs', `import base from '../../eslint.config.mjs';\nexport default [...base];`);
    expect(readEslintConstraints(tree)?.ignore).toEqual(['**/dist', 'tools/mock-workspace', '!tools/mock-workspace/keep.ts', '**/__fixtures__/**', 'libs/a/src/test-workspace/**']);
  });

  it('names the project configs whose ignores are computed in one line', () => {
    tree.write('eslint.config.mjs', `export const ignores = ['dist'];\nexport default [{ ignores }];`);
    for (const root of ['libs/a', 'libs/b']) tree.write(`${root}/eslint.config.mjs`, `import { ignores } from '../../eslint.config.mjs';\nexport default [{ ignores: ignores.concat(here()) }];`);
    const imported = readEslintConstraints(tree);
    expect(imported?.ignore).toEqual(['dist']);
    expect(imported?.notes).toEqual([
      'the ignores of 2 project ESLint configs libs/a/eslint.config.mjs, libs/b/eslint.config.mjs could not be read without running them, so the dependency rules judge files there that ESLint may skip; add such globs to dependencies.ignore by hand.',
    ]);
  });

  it('takes .eslintignore and the ignorePatterns of the root and project .eslintrc.json files, as gitignore patterns', () => {
    tree.write('.eslintignore', '# generated\nnode_modules\n/tmp\nlibs/b/fixtures/\n');
    tree.write('.eslintrc.json', JSON.stringify({ ignorePatterns: ['**/*'], overrides: [{ files: ['*.ts'], rules: { '@nx/enforce-module-boundaries': ['error', { depConstraints: [] }] } }] }));
    tree.write('libs/a/.eslintrc.json', JSON.stringify({ extends: ['../../.eslintrc.json'], ignorePatterns: ['!**/*', 'mocks'] }));
    expect(readEslintConstraints(tree)?.ignore).toEqual([
      ...['**/.*', '!**/.eslintrc.*', '**/node_modules', 'tmp', 'libs/b/fixtures', '**/*', '!libs/a/**/*', 'libs/a/**/mocks'],
      // The rule itself judges only *.ts files, so the other source kinds stay out, last so they win.
      ...['**/*.tsx', '**/*.js', '**/*.jsx', '**/*.mts', '**/*.cts', '**/*.mjs', '**/*.cjs'],
    ]);
  });

  it('adds the files the rule\'s own config object leaves out, after the global ignores', () => {
    tree.write('eslint.config.mjs', `export default [{ ignores: ['**/dist'] }, { ${ALL_FILES}, ignores: ['**/*.stories.ts', 'tools/**'], rules: { '@nx/enforce-module-boundaries': ['error', { depConstraints: [] }] } }];`);
    expect(readEslintConstraints(tree)?.ignore).toEqual(['**/dist', '**/*.stories.ts', 'tools/**']);
    tree.delete('eslint.config.mjs');
    tree.write('.eslintrc.json', JSON.stringify({ overrides: [{ files: ['*.ts', '*.tsx', '*.js', '*.jsx', '*.mts', '*.cts', '*.mjs', '*.cjs'], excludedFiles: ['*.stories.ts'], rules: { '@nx/enforce-module-boundaries': ['error', { depConstraints: [] }] } }] }));
    expect(readEslintConstraints(tree)?.ignore).toEqual(['**/.*', '!**/.eslintrc.*', '**/*.stories.ts']);
  });

  it('names a project config that sets the rule for its own files, which harness.yaml cannot hold', () => {
    tree.write('eslint.config.mjs', `export default [${rule('{ depConstraints: [] }')}];`);
    tree.write('libs/a/eslint.config.mjs', `export default [${rule(`{ allow: ['^x$'], depConstraints: [] }`)}];`);
    expect(readEslintConstraints(tree)?.notes).toEqual([
      'libs/a/eslint.config.mjs sets @nx/enforce-module-boundaries for libs/a alone; harness.yaml holds one setting for every project, so the root setting applies there too and that one was not imported.',
    ]);
  });

  it('reads ignorePatterns and options from an .eslintrc.js as data', () => {
    tree.write('.eslintrc.js', `const scopes = require('./tools/boundaries.js');\nmodule.exports = { ignorePatterns: ['generated/'], rules: { '@nx/enforce-module-boundaries': ['error', { allow: scopes.allow, depConstraints: [] }] } };`);
    tree.write('tools/boundaries.js', `exports.allow = ['^tools/'];`);
    const imported = readEslintConstraints(tree);
    expect(imported?.options).toEqual({ allow: ['^tools/'] });
    expect(imported?.ignore).toEqual(['**/.*', '!**/.eslintrc.*', '**/generated']);
  });

  it('imports the ignores even when no config sets the rule', () => {
    tree.write('eslint.config.mjs', `export default [{ ignores: ['**/fixtures/**'] }];`);
    expect(readEslintConstraints(tree)).toEqual({ file: 'eslint.config.mjs', constraints: [], options: {}, ignore: ['**/fixtures/**'], notes: [] });
  });

  it.each([
    ['dist', '', ['**/dist']],
    ['/dist', 'libs/a', ['libs/a/dist']],
    ['!keep/', '', ['!**/keep']],
    ['\\#file', '', ['**/#file']],
    ['  ', '', []],
  ])('reads the gitignore line %j under %j as %j', (line, base, expected) => {
    expect(fromGitignore(line, base)).toEqual(expected);
  });
});

describe('writeHarnessConfig with imported options', () => {
  it('writes harness.yaml that reads back as the same options and ignores', () => {
    const tree = createTreeWithEmptyWorkspace();
    writeHarnessConfig(tree, 'node_modules/harness/schemas/harness.schema.json', {
      file: 'eslint.config.mjs',
      constraints: CONSTRAINTS,
      options: ALL_OPTIONS as never,
      ignore: ['**/fixtures/**', '!**/fixtures/keep.ts'],
      notes: [],
    });
    const text = tree.read('harness.yaml', 'utf-8')!;
    expect(text).toContain('  banTransitiveDependencies: true\n');
    expect(text).toContain('  ignoredCircularDependencies: [["a", "b"]]\n');
    const config = readHarnessConfig(text, [{ id: 'docs', defaultSeverity: 'error' }]);
    expect(config.constraints).toEqual(CONSTRAINTS);
    // `edges` is harness's own key, never imported from ESLint: the loader's default, ESLint's reading.
    expect(config.dependencyOptions).toEqual({ ...ALL_OPTIONS, ignore: ['**/fixtures/**', '!**/fixtures/keep.ts'], edges: 'imports' });
  });
});

describe('depConstraints in projects’ own ESLint configs', () => {
  const projectConfig = (constraints: object[]) =>
    `module.exports = [{ rules: { '@nx/enforce-module-boundaries': ['error', { depConstraints: ${JSON.stringify(constraints)} }] } }];\n`;

  it('imports a constraint that only projects setting it themselves match, and names one it cannot hold', () => {
    const tree = createTreeWithEmptyWorkspace();
    tree.write('eslint.config.js', 'module.exports = [];\n');
    for (const [name, tags] of [['octo', ['scope:octo']], ['aws', ['scope:aws']], ['cli', ['scope:cli', 'scope:shared']]] as const) {
      addProjectConfiguration(tree, name, { root: `packages/${name}`, tags: [...tags] });
    }
    tree.write('packages/aws/eslint.config.js', projectConfig([{ sourceTag: 'scope:aws', onlyDependOnLibsWithTags: ['scope:octo', 'scope:aws'] }]));
    tree.write('packages/octo/eslint.config.js', projectConfig([{ sourceTag: 'scope:octo', onlyDependOnLibsWithTags: ['scope:octo'] }, { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] }]));
    const imported = readEslintConstraints(tree);
    expect(imported?.constraints).toEqual(
      expect.arrayContaining([
        { sourceTag: 'scope:aws', onlyDependOnLibsWithTags: ['scope:octo', 'scope:aws'] },
        { sourceTag: 'scope:octo', onlyDependOnLibsWithTags: ['scope:octo'] },
      ]),
    );
    expect(imported?.constraints).toHaveLength(2);
    expect(imported?.notes).toEqual([expect.stringContaining(`packages/octo's ESLint config constrains "scope:shared", which also matches packages/cli`)]);
  });
});
