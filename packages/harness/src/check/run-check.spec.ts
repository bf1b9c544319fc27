import { DEFAULT_CONVENTIONS } from '../config/defaults';
import { createTestCheckContext } from '../testing/create-test-context';
import { RULES } from '../rules';
import { runCheck } from './run-check';

describe('runCheck', () => {
  it('runs every rule on an empty module with no sourceRoot without throwing', async () => {
    const ctx = createTestCheckContext({ projects: [{ name: 'empty', root: 'modules/empty' }], files: {} });
    delete ctx.projects.empty.sourceRoot;
    const result = await runCheck(ctx, ['empty']);
    expect(result.projectsChecked).toBe(1);
    expect(result.findings.map((f) => f.rule).sort()).toEqual(['docs', 'docs']);
  });

  it('applies CONVENTIONS.md rule overrides over harness.yaml and the defaults', async () => {
    const files = {
      'modules/a/src/index.ts': 'export function bad_name() {}\n',
      'modules/a/CONVENTIONS.md': '---\nrules:\n  naming: warn\n---\n',
    };
    const ctx = createTestCheckContext({
      projects: [{ name: 'a', root: 'modules/a' }],
      files,
      config: { rules: { naming: { severity: 'error', options: {} } }, conventions: DEFAULT_CONVENTIONS },
    });
    const result = await runCheck(ctx, ['a'], ['naming']);
    expect(result.findings.map((f) => [f.rule, f.severity, f.found])).toEqual([['naming', 'warn', 'bad_name']]);
  });

  it('skips rules set to off and reports parse errors of files a rule parsed', async () => {
    const ctx = createTestCheckContext({
      projects: [{ name: 'a', root: 'modules/a' }],
      files: { 'modules/a/src/index.ts': 'export function (\n' },
      config: { rules: { docs: { severity: 'off', options: {} } } },
    });
    const result = await runCheck(ctx, ['a'], ['naming', 'docs']);
    expect(result.findings.map((f) => [f.rule, f.title, f.line])).toEqual([['syntax', 'File could not be parsed', 1]]);
  });

  it('runs only the workspace rules on the workspace project, over the workspace docs, never its code', async () => {
    const files = {
      'BRIEF.md': '# Brief\n\n| `a` | [modules/a](modules/a/README.md) |\n',
      'AGENTS.md': '# Map\n\nSee `gone/`.\n',
      'scripts/build.ts': 'export function bad_name() { console.log(1); }\n',
      'modules/a/src/index.ts': 'export {};\n',
    };
    const ctx = createTestCheckContext({ projects: [{ name: 'a', root: 'modules/a' }, { name: 'ws', root: '' }], files });
    ctx.projects.ws.files = ['AGENTS.md', 'BRIEF.md', 'scripts/build.ts'];
    const result = await runCheck(ctx, ['ws']);
    expect(result.findings.map((f) => [f.rule, f.project, f.file, f.found])).toEqual([
      ['docs', 'ws', 'BRIEF.md', 'modules/a/README.md'],
      ['agents-md', 'ws', 'AGENTS.md', 'gone/'],
    ]);
    expect(result.filesChecked).toBe(2);
    // The module reports its own missing README and nothing of the workspace's.
    const module = await runCheck(ctx, ['a'], ['docs', 'agents-md']);
    expect(module.findings.map((f) => [f.project, f.file, f.title])).toEqual([
      ['a', 'modules/a/README.md', 'Missing module document'],
      ['a', 'modules/a/CONVENTIONS.md', 'Missing module document'],
    ]);
  });

  describe('when a rule throws', () => {
    const files = {
      'modules/a/src/index.ts': 'export function bad_name() { console.log(1); }\n',
      'modules/b/src/index.ts': 'export function other_bad() {}\n',
    };
    const rule = (id: string) => RULES.find((r) => r.id === id)!;
    afterEach(() => jest.restoreAllMocks());

    it('costs one error finding for that rule and project; every other rule and project still reports', async () => {
      const naming = rule('naming');
      const real = naming.check;
      jest.spyOn(naming, 'check').mockImplementation((ctx) => {
        if (ctx.project.name !== 'a') return real(ctx);
        ctx.readSource('modules/a/src/index.ts');
        throw new TypeError('x is undefined');
      });
      const ctx = createTestCheckContext({ projects: [{ name: 'a', root: 'modules/a' }, { name: 'b', root: 'modules/b' }], files });
      const result = await runCheck(ctx, ['a', 'b'], ['naming', 'no-console']);
      expect(result.findings.map((f) => [f.project, f.rule, f.severity, f.title, f.file, f.found])).toEqual([
        ['a', 'naming', 'error', 'Rule failed', 'modules/a/src/index.ts', 'TypeError: x is undefined'],
        ['a', 'no-console', 'error', 'Console call in module source', 'modules/a/src/index.ts', 'console.log'],
        ['b', 'naming', 'error', 'Naming convention violation', 'modules/b/src/index.ts', 'other_bad'],
      ]);
    });

    it('does the same for a rule whose promise rejects', async () => {
      jest.spyOn(rule('no-console'), 'check').mockRejectedValue(new Error('async failure'));
      const ctx = createTestCheckContext({ projects: [{ name: 'a', root: 'modules/a' }], files });
      const result = await runCheck(ctx, ['a'], ['naming', 'no-console']);
      expect(result.findings.map((f) => [f.rule, f.title, f.found])).toEqual([
        ['naming', 'Naming convention violation', 'bad_name'],
        ['no-console', 'Rule failed', 'Error: async failure'],
      ]);
    });
  });
});
