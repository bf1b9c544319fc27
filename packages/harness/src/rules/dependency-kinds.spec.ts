import { DEFAULT_DEPENDENCY_OPTIONS } from '../config/dependency-options';
import type { DependencyOptions } from '../config/types';
import type { DepConstraint } from '../core/dep-constraint';
import { createTestCheckContext, createTestRuleContext, type TestProject } from '../testing/create-test-context';
import { checkCircular } from './circular';
import { checkDependencyConstraints } from './dependency-constraints';
import type { RuleFinding } from './types';

/** The keys beyond ESLint's depConstraints: importKinds, files/excludeFiles, edges, ignoreTypeImports. */

const PROJECTS: TestProject[] = [
  { name: 'billing', root: 'modules/billing', tags: ['scope:billing'] },
  { name: 'shared', root: 'modules/shared', tags: ['scope:shared'] },
  { name: 'auth', root: 'modules/auth', tags: ['scope:auth'] },
  { name: 'fakes', root: 'modules/fakes', tags: ['type:testing'] },
];
const PAY = 'modules/billing/src/lib/pay.ts';
const SPEC = 'modules/billing/src/lib/pay.spec.ts';
const BASE_FILES = {
  'modules/shared/src/index.ts': 'export const s = 1;\n',
  'modules/auth/src/index.ts': 'export type User = { id: string };\nexport const a = 1;\n',
  'modules/fakes/src/index.ts': 'export const fake = 1;\n',
};
const strict = (extra: Partial<DepConstraint> = {}): DepConstraint => ({ sourceTag: 'scope:billing', onlyDependOnLibsWithTags: ['scope:billing', 'scope:shared'], ...extra });

interface Setup {
  files: Record<string, string>;
  constraints: DepConstraint[];
  options?: Partial<DependencyOptions>;
  edges?: Array<[string, string]>;
}

function run(setup: Setup, project = 'billing'): RuleFinding[] {
  const check = createTestCheckContext({
    projects: PROJECTS,
    files: { ...BASE_FILES, ...setup.files },
    edges: setup.edges,
    config: { constraints: setup.constraints, dependencyOptions: { ...DEFAULT_DEPENDENCY_OPTIONS, ...setup.options } },
  });
  return checkDependencyConstraints(createTestRuleContext(check, project));
}
const places = (findings: RuleFinding[]) => findings.map((f) => `${f.file}:${f.line}`);

describe('importKinds', () => {
  const files = {
    [PAY]: [
      "import type { User } from '@test/auth';",
      "import { type User as U2 } from '@test/auth';",
      "export const load = () => import('@test/auth');",
      'export type Q = import("@test/auth").User;',
    ].join('\n') + '\n',
  };

  it('judges every kind by default, as ESLint does, and names the kind in the Fix', () => {
    const findings = run({ files, constraints: [strict()] });
    expect(places(findings)).toEqual([`${PAY}:1`, `${PAY}:2`, `${PAY}:3`, `${PAY}:4`]);
    expect(findings[0].found).toBe('@test/auth');
    expect(findings[0].fix).toContain('This is a type-only import (erased at run time): add importKinds: [static, dynamic] to this constraint in harness.yaml');
    expect(findings[2].fix).toContain('This is a lazy import(): add importKinds: [static, type]');
  });

  it('lets type-only imports through with [static, dynamic]', () => {
    const findings = run({ files, constraints: [strict({ importKinds: ['static', 'dynamic'] })] });
    expect(places(findings)).toEqual([`${PAY}:3`]);
    // The constraint already names its kinds: no option to suggest.
    expect(findings[0].fix).not.toContain('importKinds');
  });

  it('lets lazy imports through too with [static]', () => {
    expect(run({ files, constraints: [strict({ importKinds: ['static'] })] })).toEqual([]);
  });

  it('still judges a static import, and a type import by another constraint that judges types', () => {
    const both = { [PAY]: "import { a } from '@test/auth';\nimport type { User } from '@test/auth';\n" };
    const typesOnly: DepConstraint = { sourceTag: 'scope:billing', notDependOnLibsWithTags: ['scope:auth'], importKinds: ['type'] };
    const findings = run({ files: both, constraints: [strict({ importKinds: ['static'] }), typesOnly] });
    expect(findings.map((f) => [f.line, f.expected])).toEqual([
      [1, 'scope:billing may depend only on scope:billing, scope:shared'],
      [2, 'scope:billing must not depend on scope:auth (transitively)'],
    ]);
  });

  it('applies to bannedExternalImports too', () => {
    const check = createTestCheckContext({
      projects: PROJECTS,
      files: { ...BASE_FILES, [PAY]: "import type { Moment } from 'moment';\nimport moment from 'moment';\n" },
      externalPackages: ['moment'],
      config: { constraints: [{ sourceTag: 'scope:billing', bannedExternalImports: ['moment'], importKinds: ['static', 'dynamic'] }] },
    });
    expect(places(checkDependencyConstraints(createTestRuleContext(check, 'billing')))).toEqual([`${PAY}:2`]);
  });

  it('reports nothing when a project has only constraints that let the kind through', () => {
    const typeOnly = { [PAY]: "import type { User } from '@test/auth';\n" };
    expect(run({ files: typeOnly, constraints: [strict({ importKinds: ['static', 'dynamic'] })] })).toEqual([]);
  });
});

describe('files and excludeFiles', () => {
  const files = {
    [PAY]: "import { fake } from '@test/fakes';\n",
    [SPEC]: "import { fake } from '@test/fakes';\n",
  };
  const constraints = [
    strict({ excludeFiles: ['**/*.spec.ts', '**/*.stories.tsx'] }),
    { sourceTag: 'scope:billing', onlyDependOnLibsWithTags: ['scope:billing', 'scope:shared', 'type:testing'], files: ['**/*.spec.ts', '**/*.stories.tsx'] },
  ];

  it('judges each file by the constraints that name it', () => {
    expect(places(run({ files, constraints }))).toEqual([`${PAY}:1`]);
  });

  it('judges the spec file like any other without the keys, and offers them in its Fix', () => {
    const findings = run({ files, constraints: [strict()] });
    expect(places(findings)).toEqual([`${PAY}:1`, `${SPEC}:1`]);
    expect(findings[0].fix).not.toContain('excludeFiles');
    expect(findings[1].fix).toContain('If only test files need it, add excludeFiles: ["**/*.spec.ts"] to this constraint in harness.yaml');
  });

  it('treats a file no constraint judges as unconstrained, as ESLint treats a project', () => {
    const findings = run({ files, constraints: [strict({ files: ['src/lib/other.ts'] })] });
    expect(places(findings)).toEqual([`${PAY}:1`, `${SPEC}:1`]);
    expect(findings[0].expected).toContain('matches no dependency constraint');
  });
});

describe('edges: graph', () => {
  const files = {
    [PAY]: "import { s } from '@test/shared';\n",
    'modules/billing/package.json': '{\n  "name": "@test/billing",\n  "dependencies": {\n    "@test/auth": "*"\n  }\n}\n',
  };
  const edges: Array<[string, string]> = [['billing', 'shared'], ['billing', 'auth']];

  it('reports a package.json-only dependency at its line', () => {
    const findings = run({ files, edges, constraints: [strict()], options: { edges: 'graph' } });
    expect(findings.map((f) => [f.file, f.line, f.found])).toEqual([['modules/billing/package.json', 4, 'auth']]);
    expect(findings[0].fix).toContain('modules/billing/package.json declares this dependency, no import makes it');
  });

  it('judges only imports by default, as ESLint does', () => {
    expect(run({ files, edges, constraints: [strict()] })).toEqual([]);
  });

  it('points at the project root when no file declares the edge', () => {
    const findings = run({ files: { [PAY]: files[PAY] }, edges, constraints: [strict()], options: { edges: 'graph' } });
    expect(findings.map((f) => [f.file, f.line])).toEqual([['modules/billing', 0]]);
  });
});

describe('circular ignoreTypeImports', () => {
  const cycle = (billingImport: string) => ({
    [PAY]: `${billingImport}\n`,
    'modules/auth/src/index.ts': "import type { Invoice } from '@test/billing';\nexport const a = 1;\n",
  });
  const runCircular = (files: Record<string, string>, options: Record<string, unknown>) => {
    const check = createTestCheckContext({ projects: PROJECTS, files: { ...BASE_FILES, ...files } });
    return checkCircular(createTestRuleContext(check, 'billing', { setting: { options } }));
  };

  it('skips a cycle whose every edge is type-only', () => {
    const files = cycle("import type { User } from '@test/auth';");
    expect(places(runCircular(files, {}))).toEqual([`${PAY}:1`]);
    expect(runCircular(files, { ignoreTypeImports: true })).toEqual([]);
  });

  it('still reports a cycle with one runtime edge', () => {
    expect(places(runCircular(cycle("import { a } from '@test/auth';"), { ignoreTypeImports: true }))).toEqual([`${PAY}:1`]);
  });
});
