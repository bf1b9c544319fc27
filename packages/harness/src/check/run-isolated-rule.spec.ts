import { HarnessConfigError } from '../config/config-error';
import { createTestCheckContext, createTestRuleContext } from '../testing/create-test-context';
import type { Rule } from '../rules/types';
import { runIsolatedRule } from './run-isolated-rule';

const check = createTestCheckContext({
  projects: [{ name: 'billing', root: 'modules/billing' }],
  files: { 'modules/billing/src/a.ts': 'export const a = 1;\n', 'modules/billing/src/b.ts': 'export const b = 1;\n' },
});
const ctx = createTestRuleContext(check, 'billing', { setting: { severity: 'warn', options: {} } });
const makeRule = (check: Rule['check']): Rule => ({ id: 'naming', description: 'x', defaultSeverity: 'warn', check });

describe('runIsolatedRule', () => {
  it('passes a working rule\'s findings through untouched', async () => {
    const finding = { kind: 'naming/identifier-style' as const, title: 't', file: 'f', line: 1, column: 1, found: 'x', expected: 'y', fix: 'z', reference: 'r' };
    expect(await runIsolatedRule(makeRule(() => [finding]), ctx, ['naming'])).toEqual([finding]);
  });

  it('turns a thrown error into one error finding naming the rule, the project and the file read last', async () => {
    const rule = makeRule((c) => {
      c.readSource('modules/billing/src/a.ts');
      c.readSource('modules/billing/src/b.ts');
      throw new TypeError("Cannot read properties of undefined (reading 'name')\n    at somewhere");
    });
    expect(await runIsolatedRule(rule, ctx, ['naming', 'docs', 'layers'])).toEqual([
      {
        kind: 'internal/rule-failed',
        title: 'Rule failed',
        severity: 'error',
        file: 'modules/billing/src/b.ts',
        line: 0,
        column: 0,
        found: "TypeError: Cannot read properties of undefined (reading 'name')",
        expected:
          "the naming rule judges project billing without an internal error (it threw, last reading modules/billing/src/b.ts); the other rules' findings are complete",
        fix:
          'This is a bug in harness, not in your code: report it with this block. Until it is fixed, skip the rule: ' +
          'run with --rules=docs,layers, or set `naming: off` under `rules:` in harness.yaml',
        reference: 'ARCHITECTURE.md#rules',
      },
    ]);
  });

  it('catches a rejected promise, and names the project root when the rule read no file', async () => {
    const [finding] = await runIsolatedRule(makeRule(async () => Promise.reject(new RangeError('too deep'))), ctx, ['naming']);
    expect([finding.file, finding.found, finding.severity]).toEqual(['modules/billing', 'RangeError: too deep', 'error']);
    expect(finding.fix).toContain('skip the rule: set `naming: off` under `rules:` in harness.yaml');
  });

  it('records a file read as text, and a thrown value that is not an Error', async () => {
    const rule = makeRule((c) => {
      c.readText('modules/billing/README.md');
      throw 'boom';
    });
    const [finding] = await runIsolatedRule(rule, ctx, ['naming']);
    expect([finding.file, finding.found]).toEqual(['modules/billing/README.md', 'thrown value: boom']);
  });

  it('lets a configuration error end the run with its own line', async () => {
    const rule = makeRule(() => {
      throw new HarnessConfigError('harness.yaml', 3, 'bad', 'fix it');
    });
    await expect(runIsolatedRule(rule, ctx, ['naming'])).rejects.toThrow('harness: harness.yaml:3: bad; fix it');
  });
});
