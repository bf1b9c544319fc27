import { createTestCheckContext, createTestRuleContext } from '../testing/create-test-context';
import { checkCircular, circularRule } from './circular';
import type { CheckContext } from '../collect/types';

const project = (name: string) => ({ name, root: `modules/${name}` });

function createCheck(files: Record<string, string>, names = ['billing', 'auth', 'shared']): CheckContext {
  return createTestCheckContext({ projects: names.map(project), files });
}

const BREAK =
  'move the code both sides need into a module both can depend on, or invert one dependency ' +
  '(for example through an interface or an event in the lower module)';

describe('circular rule', () => {
  it('is registered under its stable id as an error', () => {
    expect(circularRule.id).toBe('circular');
    expect(circularRule.defaultSeverity).toBe('error');
    expect(circularRule.check).toBe(checkCircular);
  });

  it('reports nothing for an acyclic graph', () => {
    const check = createCheck({
      'modules/billing/src/index.ts': "import { t } from '@test/auth';\n",
      'modules/auth/src/index.ts': "import { s } from '@test/shared';\n",
    });
    expect(checkCircular(createTestRuleContext(check, 'billing'))).toEqual([]);
  });

  it('reports a two-project cycle with its file chain and the exact message', () => {
    const check = createCheck({
      'modules/billing/src/index.ts': "export * from './lib/pay';\n",
      'modules/billing/src/lib/pay.ts': "\nimport { token } from '@test/auth';\n",
      'modules/auth/src/index.ts': "import { pay } from '@test/billing';\n",
    });
    expect(checkCircular(createTestRuleContext(check, 'billing'))).toEqual([
      {
        kind: 'circular/project-cycle',
        title: 'Circular dependency between projects',
        file: 'modules/billing/src/lib/pay.ts',
        line: 2,
        column: 23,
        found: 'billing -> auth -> billing',
        expected: 'projects depend on each other in one direction only, with no cycle',
        fix:
          'Break the cycle closed by modules/billing/src/lib/pay.ts:2 imports auth, ' +
          `modules/auth/src/index.ts:1 imports billing: ${BREAK}`,
        reference: 'ARCHITECTURE.md#dependency-rules',
      },
    ]);
  });

  it('reports the same cycle from the other side', () => {
    const check = createCheck({
      'modules/billing/src/index.ts': "import { token } from '@test/auth';\n",
      'modules/auth/src/index.ts': "import { pay } from '@test/billing';\n",
    });
    expect(checkCircular(createTestRuleContext(check, 'auth')).map((f) => [f.file, f.found])).toEqual([
      ['modules/auth/src/index.ts', 'auth -> billing -> auth'],
    ]);
  });

  it('gives the shortest way back through a longer cycle, naming the first file by path for each hop', () => {
    const check = createCheck({
      'modules/billing/src/index.ts': "import { token } from '@test/auth';\n",
      'modules/auth/src/index.ts': "import { s } from '@test/shared';\n",
      'modules/shared/src/z.ts': "import { pay } from '@test/billing';\n",
      'modules/shared/src/a.ts': "export const unrelated = 1;\nimport { pay } from '@test/billing';\n",
      'modules/shared/src/m.ts': 'export const other = 1;\n',
    });
    const [finding, ...rest] = checkCircular(createTestRuleContext(check, 'billing'));
    expect(rest).toEqual([]);
    expect(finding.found).toBe('billing -> auth -> shared -> billing');
    expect(finding.fix).toBe(
      'Break the cycle closed by modules/billing/src/index.ts:1 imports auth, modules/auth/src/index.ts:1 imports shared, ' +
        `modules/shared/src/a.ts:2 imports billing: ${BREAK}`,
    );
  });

  it('reports every import that closes a cycle, as ESLint does', () => {
    const check = createCheck({
      'modules/billing/src/a.ts': "import { token } from '@test/auth';\n",
      'modules/billing/src/b.ts': "import { token } from '@test/auth';\nexport { token as t } from '@test/auth';\n",
      'modules/billing/src/c.ts': "import { s } from '@test/shared';\n",
      'modules/auth/src/index.ts': "import { pay } from '@test/billing';\n",
    });
    const findings = checkCircular(createTestRuleContext(check, 'billing'));
    expect(findings.map((f) => `${f.file}:${f.line}`)).toEqual([
      'modules/billing/src/a.ts:1',
      'modules/billing/src/b.ts:1',
      'modules/billing/src/b.ts:2',
    ]);
  });

  it('reports the same findings on every run, whatever the file order', () => {
    const files = {
      'modules/billing/src/b.ts': "import { token } from '@test/auth';\n",
      'modules/billing/src/a.ts': "import { s } from '@test/shared';\n",
      'modules/auth/src/index.ts': "import { pay } from '@test/billing';\n",
      'modules/shared/src/index.ts': "import { pay } from '@test/billing';\n",
    };
    const reversed = Object.fromEntries(Object.entries(files).reverse());
    const first = checkCircular(createTestRuleContext(createCheck(files), 'billing'));
    const second = checkCircular(createTestRuleContext(createCheck(reversed), 'billing'));
    expect(first).toHaveLength(2);
    expect(second).toEqual(first);
  });

  it('names an edge that no file explains as project configuration', () => {
    const check = createTestCheckContext({
      projects: [project('billing'), project('auth')],
      files: { 'modules/billing/src/index.ts': "import { token } from '@test/auth';\n" },
      edges: [
        ['billing', 'auth'],
        ['auth', 'billing'],
      ],
    });
    const [finding] = checkCircular(createTestRuleContext(check, 'billing'));
    expect(finding.fix).toBe(
      'Break the cycle closed by modules/billing/src/index.ts:1 imports auth, ' +
        `auth depends on billing in its project configuration: ${BREAK}`,
    );
  });

  it('reports nothing for a project beside a cycle that it only depends on', () => {
    const check = createCheck({
      'modules/shared/src/index.ts': "import { t } from '@test/auth';\n",
      'modules/billing/src/index.ts': "import { token } from '@test/auth';\n",
      'modules/auth/src/index.ts': "import { pay } from '@test/billing';\n",
    });
    expect(checkCircular(createTestRuleContext(check, 'shared'))).toEqual([]);
  });

  it('scales to a 1,000-project ring', () => {
    const names = Array.from({ length: 1000 }, (_, i) => `p${String(i).padStart(4, '0')}`);
    const files: Record<string, string> = {};
    names.forEach((name, i) => {
      files[`modules/${name}/src/index.ts`] = `import { x } from '@test/${names[(i + 1) % names.length]}';\n`;
    });
    const check = createCheck(files, names);
    const started = Date.now();
    const findings = names.slice(0, 50).flatMap((name) => checkCircular(createTestRuleContext(check, name)));
    expect(findings).toHaveLength(50);
    expect(findings[0].found.split(' -> ')).toHaveLength(1001);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it("reports a cycle closed by an import that Nx's graph lacks (harness's own parse finds it)", () => {
    const check = createTestCheckContext({
      projects: ['billing', 'auth'].map(project),
      files: {
        'modules/billing/src/index.ts': "\nimport { token } from '@test/auth';\n",
        'modules/auth/src/index.ts': "import { pay } from '@test/billing';\n",
      },
      edges: [['auth', 'billing']],
    });
    check.fileDeps['modules/billing/src/index.ts'] = [];
    expect(checkCircular(createTestRuleContext(check, 'billing'))).toEqual([
      expect.objectContaining({ file: 'modules/billing/src/index.ts', line: 2, found: 'billing -> auth -> billing' }),
    ]);
  });
});
