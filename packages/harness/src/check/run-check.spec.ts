import { DEFAULT_CONVENTIONS } from '../config/defaults';
import { createTestCheckContext } from '../testing/create-test-context';
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
});
