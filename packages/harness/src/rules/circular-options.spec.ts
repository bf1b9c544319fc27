import { DEFAULT_DEPENDENCY_OPTIONS } from '../config/dependency-options';
import type { DependencyOptions } from '../config/types';
import { createTestCheckContext, createTestRuleContext } from '../testing/create-test-context';
import { checkCircular } from './circular';
import type { RuleFinding } from './types';

/** allowCircularSelfDependency and ignoredCircularDependencies, as ESLint's module-boundaries rule reads them. */

const PAY = 'modules/billing/src/lib/pay.ts';

interface Setup {
  files: Record<string, string>;
  options?: Partial<DependencyOptions>;
}

function run(setup: Setup, project = 'billing', edges?: Array<[string, string]>, names = ['billing', 'shared', 'auth']): RuleFinding[] {
  const check = createTestCheckContext({
    projects: names.map((name) => ({ name, root: `modules/${name}`, tags: [`scope:${name}`] })),
    files: { 'modules/shared/src/index.ts': 'export const s = 1;\n', 'modules/auth/src/index.ts': 'export const a = 1;\n', ...setup.files },
    edges,
    config: { dependencyOptions: { ...DEFAULT_DEPENDENCY_OPTIONS, ...setup.options } },
  });
  return checkCircular(createTestRuleContext(check, project));
}

const places = (findings: RuleFinding[]) => findings.map((f) => `${f.file}:${f.line} ${f.title}`);

describe('dependencies.allowCircularSelfDependency', () => {
  const files = { [PAY]: "import { s } from '@test/billing';\nimport { t } from './tax';\n", 'modules/billing/src/lib/tax.ts': 'export const t = 1;\n', 'modules/billing/src/index.ts': "export * from './lib/pay';\n" };

  it('reports a project importing itself through its own alias, as ESLint does by default', () => {
    expect(run({ files })).toEqual([
      {
        kind: 'circular/self-import',
        title: 'Project imports itself through its own alias',
        file: PAY,
        line: 1,
        column: 19,
        found: '@test/billing',
        expected: "files of billing import each other by relative paths, never through billing's own entry point",
        fix: 'Import the file you need by a relative path ("./path/to/file") instead of "@test/billing", or set allowCircularSelfDependency: true under dependencies in harness.yaml',
        reference: 'ARCHITECTURE.md#dependency-rules',
      },
    ]);
  });

  it('accepts an import of an Angular secondary entry point through its alias, even from inside it, as ESLint does', () => {
    const secondary = {
      ...files,
      'modules/billing/testing/ng-package.json': JSON.stringify({ lib: { entryFile: 'index.ts' } }),
      'modules/billing/testing/index.ts': 'export const t = 1;\n',
      'modules/billing/testing/spec/t.spec.ts': "import { t } from '@test/billing/testing';\n",
    };
    expect(places(run({ files: secondary }))).toEqual([`${PAY}:1 Project imports itself through its own alias`]);
  });

  it('accepts an import of another entry point that package.json exports names', () => {
    const subpath = {
      ...files,
      [PAY]: "import { s } from '@test/billing/testing';\n",
      'modules/billing/package.json': JSON.stringify({ name: '@test/billing', exports: { '.': './src/index.ts', './testing': './src/testing.ts' } }),
      'modules/billing/src/testing.ts': 'export const s = 1;\n',
    };
    expect(run({ files: subpath })).toEqual([]);
  });

  it('accepts it with the option, or with the project paired with itself in ignoredCircularDependencies', () => {
    expect(run({ files, options: { allowCircularSelfDependency: true } })).toEqual([]);
    expect(run({ files, options: { ignoredCircularDependencies: [['billing', 'billing']] } })).toEqual([]);
  });
});

describe('dependencies.ignoredCircularDependencies', () => {
  const files = {
    [PAY]: "import { a } from '@test/auth';\n",
    'modules/auth/src/index.ts': "import { s } from '@test/shared';\n",
    'modules/shared/src/index.ts': "import { p } from '@test/billing';\n",
  };

  it('skips a cycle whose path back holds an ignored pair, in either order', () => {
    // billing -> auth is closed by auth -> shared -> billing; the pair must sit on that path.
    expect(run({ files, options: { ignoredCircularDependencies: [['billing', 'shared']] } })).toEqual([]);
    expect(run({ files, options: { ignoredCircularDependencies: [['tag:scope:shared', 'auth']] } })).toEqual([]);
  });

  it('looks for the pair on the path ESLint finds back (depth first, last dependency first), not the shortest one', () => {
    // billing -> auth; back from auth: auth -> shared -> billing (shortest) and auth -> x -> y -> billing.
    const projects = ['billing', 'auth', 'shared', 'x', 'y'];
    const edges: Array<[string, string]> = [['billing', 'auth'], ['auth', 'shared'], ['auth', 'x'], ['shared', 'billing'], ['x', 'y'], ['y', 'billing']];
    const check = (pair: [string, string]) =>
      run({ files: { [PAY]: "import { a } from '@test/auth';\n" }, options: { ignoredCircularDependencies: [pair] } }, 'billing', edges, projects);
    expect(check(['x', 'y'])).toEqual([]);
    expect(places(check(['shared', 'billing']))).toEqual([`${PAY}:1 Circular dependency between projects`]);
  });

  it('still reports the import whose own edge is the ignored pair, as ESLint does', () => {
    const findings = run({ files, options: { ignoredCircularDependencies: [['billing', 'auth']] } });
    expect(places(findings)).toEqual([`${PAY}:1 Circular dependency between projects`]);
    expect(run({ files, options: { ignoredCircularDependencies: [['billing', 'auth']] } }, 'shared')).toEqual([]);
  });
});
