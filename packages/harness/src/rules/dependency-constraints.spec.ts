import { createTestCheckContext, createTestRuleContext } from '../testing/create-test-context';
import { BASE_FILES, BILLING_ONLY_SHARED, INVOICE, createCheck, createProjects, importing, runRule } from '../testing/dependency-constraints-fixture';
import { checkDependencyConstraints, dependencyConstraintsRule } from './dependency-constraints';

describe('dependency-constraints rule', () => {
  it('is registered under its stable id as an error', () => {
    expect(dependencyConstraintsRule.id).toBe('dependency-constraints');
    expect(dependencyConstraintsRule.defaultSeverity).toBe('error');
    expect(dependencyConstraintsRule.check).toBe(checkDependencyConstraints);
  });

  it('reports nothing when no constraint is configured', () => {
    expect(runRule({ files: importing('@test/auth'), constraints: [] })).toEqual([]);
  });

  it('reports an onlyDependOnLibsWithTags breach with the exact message', () => {
    expect(runRule({ files: importing('@test/auth'), constraints: [BILLING_ONLY_SHARED] })).toEqual([
      {
        kind: 'dependency-constraints/only-depend-on',
        title: 'Dependency constraint violation',
        file: INVOICE,
        line: 1,
        column: 19,
        found: '@test/auth',
        expected: 'scope:billing may depend only on scope:billing, scope:shared',
        fix: 'Import from a project tagged scope:billing or scope:shared instead, or move the shared code into a scope:shared module',
        reference: 'ARCHITECTURE.md#dependency-rules',
      },
    ]);
  });

  it('accepts a dependency whose tags satisfy the constraint', () => {
    expect(runRule({ files: importing('@test/shared'), constraints: [BILLING_ONLY_SHARED] })).toEqual([]);
  });

  it('appends the explanation to the fix', () => {
    const constraints = [{ ...BILLING_ONLY_SHARED, explanation: 'Billing talks to other domains through events only' }];
    const [finding] = runRule({ files: importing('@test/auth'), constraints });
    expect(finding.fix).toBe(
      'Import from a project tagged scope:billing or scope:shared instead, or move the shared code into a scope:shared module. Why: Billing talks to other domains through events only',
    );
  });

  it.each([
    ['exact', 'scope:shared'],
    ['glob', 'scope:sh*'],
    ['regex', '/^scope:sh/'],
  ])('matches an allowed %s tag against the target tags', (_form, pattern) => {
    const constraints = [{ sourceTag: 'scope:billing', onlyDependOnLibsWithTags: [pattern] }];
    expect(runRule({ files: importing('@test/shared'), constraints })).toEqual([]);
    expect(runRule({ files: importing('@test/auth'), constraints })).toHaveLength(1);
  });

  it('lets * allow every dependency', () => {
    const constraints = [{ sourceTag: 'scope:billing', onlyDependOnLibsWithTags: ['*'] }];
    expect(runRule({ files: importing('@test/auth'), constraints })).toEqual([]);
  });

  it.each([
    ['glob', 'scope:bill*'],
    ['regex', '/^scope:b/'],
    ['any', '*'],
  ])('selects the source project by a %s sourceTag', (_form, sourceTag) => {
    const constraints = [{ sourceTag, onlyDependOnLibsWithTags: ['scope:shared'] }];
    expect(runRule({ files: importing('@test/auth'), constraints })).toHaveLength(1);
  });

  it('names every project for a * sourceTag', () => {
    const constraints = [{ sourceTag: '*', onlyDependOnLibsWithTags: ['scope:shared'] }];
    expect(runRule({ files: importing('@test/auth'), constraints })[0].expected).toBe(
      'every project may depend only on scope:shared',
    );
  });

  it('applies an allSourceTags constraint only when the project has all its tags', () => {
    const constraints = [
      { sourceTag: '*', onlyDependOnLibsWithTags: ['*'] },
      { allSourceTags: ['scope:billing', 'type:ui'], onlyDependOnLibsWithTags: ['scope:shared'] },
    ];
    expect(runRule({ files: importing('@test/auth'), constraints })).toEqual([]);
    const findings = runRule({ files: importing('@test/auth'), constraints, billingTags: ['scope:billing', 'type:ui'] });
    expect(findings.map((f) => f.expected)).toEqual(['scope:billing and type:ui may depend only on scope:shared']);
  });

  it('forbids every dependency of a tagged project that matches no constraint', () => {
    const constraints = [{ sourceTag: 'scope:auth', onlyDependOnLibsWithTags: ['scope:auth'] }];
    expect(runRule({ files: importing('@test/shared'), constraints })).toEqual([
      {
        kind: 'dependency-constraints/unconstrained',
        title: 'Dependency constraint violation',
        file: INVOICE,
        line: 1,
        column: 19,
        found: '@test/shared',
        expected:
          'billing is tagged scope:billing, which matches no dependency constraint, so it may depend on no other project',
        fix: "Add a tag that a constraint in harness.yaml matches to the tags in modules/billing/package.json, or add a constraint for this project's tags to harness.yaml",
        reference: 'ARCHITECTURE.md#dependency-rules',
      },
    ]);
  });

  it('points an untagged project with a project.json at that file', () => {
    const constraints = [{ sourceTag: 'scope:auth', onlyDependOnLibsWithTags: ['scope:auth'] }];
    const files = { ...importing('@test/shared'), 'modules/billing/project.json': '{}' };
    const [finding] = runRule({ files, constraints, billingTags: [] });
    expect(finding.expected).toBe(
      'billing has no tags, so it matches no dependency constraint and may depend on no other project',
    );
    expect(finding.fix).toBe(
      "Add a tag that a constraint in harness.yaml matches to the tags in modules/billing/project.json, or add a constraint for this project's tags to harness.yaml",
    );
  });

  it('does not count an external package as a dependency of an unconstrained project', () => {
    const constraints = [{ sourceTag: 'scope:auth', onlyDependOnLibsWithTags: ['scope:auth'] }];
    expect(runRule({ files: importing('lodash'), constraints })).toEqual([]);
  });

  it('lets an empty onlyDependOnLibsWithTags allow only untagged projects', () => {
    const constraints = [{ sourceTag: 'scope:billing', onlyDependOnLibsWithTags: [] }];
    const [finding, ...rest] = runRule({ files: importing('@test/auth'), constraints });
    expect(rest).toEqual([]);
    expect(finding.kind).toBe('dependency-constraints/only-untagged');
    expect(finding.expected).toBe('scope:billing may depend only on projects without tags');
    expect(finding.fix).toBe(
      'Remove this import of auth (tagged scope:auth), or move the code you need into this project',
    );
    const untagged = createTestCheckContext({
      projects: [...createProjects().slice(0, 2), { name: 'auth', root: 'modules/auth' }],
      files: { ...BASE_FILES, ...importing('@test/auth') },
      config: { constraints },
    });
    expect(checkDependencyConstraints(createTestRuleContext(untagged, 'billing'))).toEqual([]);
  });

  it('reports a notDependOnLibsWithTags breach on the direct dependency', () => {
    const constraints = [{ sourceTag: 'scope:billing', notDependOnLibsWithTags: ['scope:auth'] }];
    const [finding] = runRule({ files: importing('@test/auth'), constraints });
    expect(finding.expected).toBe('scope:billing must not depend on scope:auth (transitively)');
    expect(finding.fix).toBe(
      'Remove the dependency billing -> auth: import from a project that does not lead to scope:auth, or move the code you need out of that chain',
    );
  });

  it('reports a notDependOnLibsWithTags breach through a transitive dependency, with the path', () => {
    const constraints = [
      {
        sourceTag: 'scope:billing',
        notDependOnLibsWithTags: ['scope:auth'],
        explanation: 'Billing must not see credentials',
      },
    ];
    const files = { ...importing('@test/shared'), 'modules/shared/src/index.ts': "export * from '@test/auth';\n" };
    expect(runRule({ files, constraints })).toEqual([
      {
        kind: 'dependency-constraints/not-depend-on',
        title: 'Dependency constraint violation',
        file: INVOICE,
        line: 1,
        column: 19,
        found: '@test/shared',
        expected: 'scope:billing must not depend on scope:auth (transitively)',
        fix: 'Remove the dependency billing -> shared -> auth: import from a project that does not lead to scope:auth, or move the code you need out of that chain. Why: Billing must not see credentials',
        reference: 'ARCHITECTURE.md#dependency-rules',
      },
    ]);
  });

  it('follows graph edges that no import explains (implicit dependencies)', () => {
    const constraints = [{ sourceTag: 'scope:billing', notDependOnLibsWithTags: ['scope:auth'] }];
    const edges: Array<[string, string]> = [
      ['billing', 'shared'],
      ['shared', 'auth'],
    ];
    expect(runRule({ files: importing('@test/shared'), constraints, edges })).toHaveLength(1);
    expect(runRule({ files: importing('@test/shared'), constraints, edges: [['billing', 'shared']] })).toEqual([]);
  });

  it('reports the first failing constraint only, once per import statement', () => {
    const constraints = [
      BILLING_ONLY_SHARED,
      { sourceTag: 'scope:billing', notDependOnLibsWithTags: ['scope:auth'] },
    ];
    const files = {
      [INVOICE]: "import { token } from '@test/auth';\nexport { token as t } from '@test/auth';\n",
    };
    const findings = runRule({ files, constraints });
    expect(findings.map((f) => [f.line, f.expected])).toEqual([
      [1, 'scope:billing may depend only on scope:billing, scope:shared'],
      [2, 'scope:billing may depend only on scope:billing, scope:shared'],
    ]);
  });

  it('reports a relative import that lands in a forbidden project', () => {
    const findings = runRule({ files: importing('../../../auth/src/index'), constraints: [BILLING_ONLY_SHARED] });
    expect(findings.map((f) => f.found)).toEqual(['../../../auth/src/index']);
  });

  it('reports at line 0 when the file map has the edge but no import resolves to it', () => {
    const findings = runRule({
      files: { [INVOICE]: 'export const y = 1;\n' },
      constraints: [BILLING_ONLY_SHARED],
      adjust: (check) => {
        check.fileDeps[INVOICE] = ['auth'];
      },
    });
    expect(findings.map((f) => [f.file, f.line, f.column, f.found])).toEqual([[INVOICE, 0, 0, 'auth']]);
  });

  it('parses only the files that hold a failing edge', () => {
    const check = createCheck({
      files: { ...importing('@test/auth'), 'modules/billing/src/lib/ok.ts': "import { money } from '@test/shared';\n" },
      constraints: [BILLING_ONLY_SHARED],
    });
    const readSource = jest.fn(check.readSource);
    const findings = checkDependencyConstraints({ ...createTestRuleContext(check, 'billing'), readSource });
    expect(findings).toHaveLength(1);
    expect(readSource.mock.calls.map(([file]) => file)).toEqual([INVOICE]);
  });

  it('ignores file-map edges of files ESLint does not lint, such as package.json', () => {
    const findings = runRule({
      files: { 'modules/billing/package.json': '{"dependencies":{"@test/auth":"*"}}' },
      constraints: [BILLING_ONLY_SHARED],
      adjust: (check) => {
        check.fileDeps['modules/billing/package.json'] = ['auth'];
      },
    });
    expect(findings).toEqual([]);
  });
});
