import { DEFAULT_DEPENDENCY_OPTIONS } from '../config/dependency-options';
import type { DependencyOptions } from '../config/types';
import type { DepConstraint } from '../core/dep-constraint';
import { createTestCheckContext, createTestRuleContext, type TestProject } from '../testing/create-test-context';
import { checkCircular } from './circular';
import { checkDependencyConstraints } from './dependency-constraints';
import { checkLayers } from './layers';
import { checkPublicApi } from './public-api';
import type { RuleFinding } from './types';
import type { CheckContext } from '../collect/types';

/** The options of ESLint's module-boundaries rule beyond depConstraints, rule by rule. */

const PROJECTS: TestProject[] = [
  { name: 'billing', root: 'modules/billing', tags: ['scope:billing'] },
  { name: 'shared', root: 'modules/shared', tags: ['scope:shared'] },
  { name: 'auth', root: 'modules/auth', tags: ['scope:auth'] },
];
const BILLING_ONLY_SHARED: DepConstraint = { sourceTag: 'scope:billing', onlyDependOnLibsWithTags: ['scope:billing', 'scope:shared'] };
const PAY = 'modules/billing/src/lib/pay.ts';

interface Setup {
  files: Record<string, string>;
  options?: Partial<DependencyOptions>;
  constraints?: DepConstraint[];
  externalPackages?: string[];
  adjust?: (check: CheckContext) => void;
}

function createCheck(setup: Setup): CheckContext {
  const check = createTestCheckContext({
    projects: PROJECTS,
    files: { 'modules/shared/src/index.ts': 'export const s = 1;\n', 'modules/auth/src/index.ts': 'export const a = 1;\n', ...setup.files },
    externalPackages: setup.externalPackages,
    config: { constraints: setup.constraints ?? [], dependencyOptions: { ...DEFAULT_DEPENDENCY_OPTIONS, ...setup.options } },
  });
  setup.adjust?.(check);
  return check;
}

type Check = (ctx: ReturnType<typeof createTestRuleContext>) => RuleFinding[];
const run = (check: Check, setup: Setup, project = 'billing') => check(createTestRuleContext(createCheck(setup), project));
const places = (findings: RuleFinding[]) => findings.map((f) => `${f.file}:${f.line} ${f.title}`);

describe('dependencies.allow', () => {
  const files = { [PAY]: "import { a } from '@test/auth';\nimport { b } from '../../../auth/src/index';\n" };

  it('exempts matching imports from the tag constraints, the public API and the cycle checks', () => {
    const cyclic = { ...files, 'modules/auth/src/index.ts': "import { p } from '@test/billing';\n" };
    const setup = { files: cyclic, constraints: [BILLING_ONLY_SHARED], options: { allow: ['^@test/auth$', '../../../auth/**'] } };
    expect(run(checkDependencyConstraints, setup)).toEqual([]);
    expect(run(checkPublicApi, setup)).toEqual([]);
    expect(run(checkCircular, setup)).toEqual([]);
  });

  it('exempts only the imports it matches', () => {
    const findings = run(checkDependencyConstraints, { files, constraints: [BILLING_ONLY_SHARED], options: { allow: ['^@test/auth$'] } });
    expect(places(findings)).toEqual([`${PAY}:2 Dependency constraint violation`]);
  });
});

describe('dependencies.ignore', () => {
  const FIXTURE = 'modules/billing/src/fixtures/workspace/app.ts';
  const files = {
    [FIXTURE]: "import { a } from '@test/auth';\nimport { b } from '../../../../auth/src/index';\nimport { c } from '../../ui/view';\n",
    'modules/billing/src/ui/view.ts': 'export const c = 1;\n',
    'modules/auth/src/index.ts': "import { p } from '@test/billing';\n",
  };
  const options = { ignore: ['**/fixtures/**'] };

  it('leaves the files out of every dependency rule', () => {
    const setup = { files, constraints: [BILLING_ONLY_SHARED], options };
    expect(run(checkDependencyConstraints, setup)).toEqual([]);
    expect(run(checkPublicApi, setup)).toEqual([]);
    expect(run(checkCircular, setup)).toEqual([]);
    const ctx = createTestRuleContext(createCheck(setup), 'billing', { conventions: { layers: ['fixtures', 'ui'] } });
    expect(checkLayers(ctx)).toEqual([]);
  });

  it('judges the same files without the option', () => {
    const setup = { files, constraints: [BILLING_ONLY_SHARED] };
    expect(places(run(checkDependencyConstraints, setup))).toEqual([`${FIXTURE}:1 Dependency constraint violation`, `${FIXTURE}:2 Dependency constraint violation`]);
    expect(run(checkCircular, setup)).toHaveLength(2);
  });

  it('still names an ignored file in a cycle chain when no other file carries the edge', () => {
    const setup = { files: { 'modules/auth/src/index.ts': "import { p } from '@test/billing';\n", [FIXTURE]: "import { a } from '@test/auth';\n" }, options };
    const [finding] = run(checkCircular, setup, 'auth');
    expect(finding.fix).toContain(`${FIXTURE}:1 imports auth`);
  });
});

describe('dependencies.banTransitiveDependencies', () => {
  const files = {
    [PAY]: "import _ from 'lodash';\nimport { x } from 'left-pad';\nimport * as fs from 'node:fs';\nimport { y } from 'react';\nimport * as path from 'path';\n",
    'package.json': JSON.stringify({ devDependencies: { react: '*' } }),
    'modules/billing/package.json': JSON.stringify({ name: '@test/billing', peerDependencies: { typescript: '*' } }),
  };

  it('reports undeclared and unresolvable packages, never built-ins or declared ones', () => {
    const findings = run(checkDependencyConstraints, { files, options: { banTransitiveDependencies: true }, externalPackages: ['lodash', 'react'] });
    expect(findings).toEqual([
      {
        kind: 'dependency-constraints/transitive-package',
        title: 'Import of a transitive dependency',
        file: PAY,
        line: 1,
        column: 15,
        found: 'lodash',
        expected: 'every package billing imports is declared in modules/billing/package.json or the root package.json (banTransitiveDependencies)',
        fix: 'Declare lodash in modules/billing/package.json or the root package.json (dependencies, devDependencies or peerDependencies) instead of relying on a package that depends on it',
        reference: 'ARCHITECTURE.md#dependency-rules',
      },
      expect.objectContaining({ kind: 'dependency-constraints/uninstalled-package', line: 2, found: 'left-pad', title: 'Import of a package that is not installed' }),
    ]);
  });

  it('accepts a package the project declares', () => {
    const declared = { ...files, 'modules/billing/package.json': JSON.stringify({ dependencies: { lodash: '*', 'left-pad': '*' } }) };
    const findings = run(checkDependencyConstraints, { files: declared, options: { banTransitiveDependencies: true }, externalPackages: ['lodash', 'react', 'left-pad'] });
    expect(findings).toEqual([]);
  });

  it('is off by default', () => {
    expect(run(checkDependencyConstraints, { files, externalPackages: ['lodash', 'react'] })).toEqual([]);
  });
});

describe('dependencies.checkNestedExternalImports', () => {
  const constraints: DepConstraint[] = [
    { sourceTag: 'scope:billing', onlyDependOnLibsWithTags: ['scope:shared'], bannedExternalImports: ['lodash*'] },
    { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['*'] },
  ];
  const files = {
    [PAY]: "import { s } from '@test/shared';\n",
    'modules/shared/src/index.ts': "import { a } from '@test/auth';\n",
    'modules/auth/src/index.ts': "import _ from 'lodash';\n",
  };
  const setup = { files, constraints, externalPackages: ['lodash'], adjust: (check: CheckContext) => check.projects.auth.tags.push('scope:shared') };

  it('reports a banned package that a dependency uses, naming the project that uses it', () => {
    const findings = run(checkDependencyConstraints, { ...setup, options: { checkNestedExternalImports: true } });
    expect(findings).toEqual([
      {
        kind: 'dependency-constraints/banned-nested-import',
        title: 'Banned external import through a dependency',
        file: PAY,
        line: 1,
        column: 19,
        found: '@test/shared',
        expected: 'scope:billing must not use lodash, not even through the projects it depends on',
        fix: 'Stop importing shared (it leads to auth), which uses lodash, or move the code billing needs into a project that does not use it',
        reference: 'ARCHITECTURE.md#dependency-rules',
      },
    ]);
  });

  it('is off by default', () => {
    expect(run(checkDependencyConstraints, setup)).toEqual([]);
  });
});

describe('dependencies.enforceBuildableLibDependency', () => {
  const files = { [PAY]: "import { s } from '@test/shared';\n" };
  const buildable = (check: CheckContext) => {
    check.graph.nodes.billing.data.targets = { build: { executor: 'nx:run-commands' } };
  };

  it('reports a buildable library importing a non-buildable one, before any tag constraint', () => {
    const findings = run(checkDependencyConstraints, { files, constraints: [{ sourceTag: 'scope:billing', onlyDependOnLibsWithTags: ['scope:auth'] }], options: { enforceBuildableLibDependency: true }, adjust: buildable });
    expect(findings).toEqual([
      {
        kind: 'dependency-constraints/non-buildable-import',
        title: 'Buildable library imports a non-buildable library',
        file: PAY,
        line: 1,
        column: 19,
        found: '@test/shared',
        expected: 'billing has a build target, so every library it imports has one too (enforceBuildableLibDependency)',
        fix: 'Add a build target to shared, or move the code billing needs into a buildable library',
        reference: 'ARCHITECTURE.md#dependency-rules',
      },
    ]);
  });

  it('reads the target names from buildTargets and accepts a buildable dependency', () => {
    const both = (check: CheckContext) => {
      check.graph.nodes.billing.data.targets = { compile: { executor: 'x' } };
      check.graph.nodes.shared.data.targets = { compile: { executor: 'x' } };
    };
    expect(run(checkDependencyConstraints, { files, options: { enforceBuildableLibDependency: true, buildTargets: ['compile'] }, adjust: both })).toEqual([]);
    expect(run(checkDependencyConstraints, { files, options: { enforceBuildableLibDependency: true }, adjust: both })).toEqual([]);
  });

  it('leaves applications alone', () => {
    const app = (check: CheckContext) => {
      buildable(check);
      check.graph.nodes.billing.type = 'app';
    };
    expect(run(checkDependencyConstraints, { files, options: { enforceBuildableLibDependency: true }, adjust: app })).toEqual([]);
  });
});

describe('static imports of a lazy-loaded project (checkDynamicDependenciesExceptions)', () => {
  const files = {
    'modules/billing/src/routes.ts': "export const load = () => import('@test/auth');\n",
    [PAY]: "import { a } from '@test/auth';\nimport type { A } from '@test/auth';\nexport { b } from '@test/auth';\n",
  };
  const lazy = (check: CheckContext) => {
    check.graph.dependencies.billing = [{ source: 'billing', target: 'auth', type: 'dynamic' }];
  };

  it('reports the static value import, not the type import, the re-export or the import() itself', () => {
    expect(run(checkDependencyConstraints, { files, adjust: lazy })).toEqual([
      {
        kind: 'dependency-constraints/static-lazy-import',
        title: 'Static import of a lazy-loaded project',
        file: PAY,
        line: 1,
        column: 19,
        found: '@test/auth',
        expected: 'auth is loaded lazily (import()) by this project, so it is never imported statically',
        fix: 'Load @test/auth with import() here too, import only types from it (import type), or list it under checkDynamicDependenciesExceptions in harness.yaml if the static import is meant',
        reference: 'ARCHITECTURE.md#dependency-rules',
      },
    ]);
  });

  it('accepts the imports checkDynamicDependenciesExceptions names', () => {
    expect(run(checkDependencyConstraints, { files, adjust: lazy, options: { checkDynamicDependenciesExceptions: ['@test/auth'] } })).toEqual([]);
  });

  it('accepts an import into a secondary entry point of the lazy project', () => {
    const secondary = {
      ...files,
      [PAY]: "import { t } from '@test/auth/testing';\n",
      'modules/auth/testing/ng-package.json': '{}',
      'modules/auth/testing/src/public_api.ts': 'export const t = 1;\n',
    };
    const alias = (check: CheckContext) => {
      lazy(check);
      check.resolveImport = (_from, specifier) => ({ project: 'auth', file: specifier === '@test/auth/testing' ? 'modules/auth/testing/src/public_api.ts' : 'modules/auth/src/index.ts' });
    };
    expect(run(checkDependencyConstraints, { files: secondary, adjust: alias })).toEqual([]);
  });
});
