import { readHarnessConfig } from '../config/read-harness-config';
import { formatTextBlock } from '../report/text';
import { createTestCheckContext, createTestRuleContext } from '../testing/create-test-context';
import { checkFileSize, fileSizeRule } from './file-size';

const lines = (n: number) => Array.from({ length: n }, (_, i) => `export const L${i} = ${i};`).join('\n') + '\n';

function runFileSize(files: Record<string, string>, options: Record<string, unknown> = {}) {
  const check = createTestCheckContext({ projects: [{ name: 'billing', root: 'modules/billing' }], files });
  return checkFileSize(createTestRuleContext(check, 'billing', { setting: { severity: 'warn', options } }));
}

describe('file-size rule', () => {
  it('is registered under its stable id as a warning with maxLines 400', () => {
    expect(fileSizeRule.id).toBe('file-size');
    expect(fileSizeRule.defaultSeverity).toBe('warn');
    expect(fileSizeRule.defaultOptions).toEqual({ maxLines: 400 });
  });

  it('reports a file over 400 lines by default', () => {
    const findings = runFileSize({ 'modules/billing/src/lib/invoice.ts': lines(401) });
    expect(findings).toEqual([
      {
        kind: 'file-size/too-long',
        title: 'File too long',
        file: 'modules/billing/src/lib/invoice.ts',
        line: 0,
        column: 0,
        found: '401 lines',
        expected: 'at most 400 lines per file',
        fix:
          'Split `invoice.ts` into files of at most 400 lines, one responsibility each: ' +
          'move a cohesive group of declarations into a new file next to it and import it from there',
        reference: 'ARCHITECTURE.md#taste-invariants',
      },
    ]);
    expect(formatTextBlock({ ...findings[0], rule: 'file-size', severity: 'warn', project: 'billing' })).toBe(
      [
        'WARN: File too long',
        'File: modules/billing/src/lib/invoice.ts',
        'Line: 1',
        'Found: `401 lines`',
        'Expected pattern: at most 400 lines per file',
        'Fix: Split `invoice.ts` into files of at most 400 lines, one responsibility each: move a cohesive group of declarations into a new file next to it and import it from there',
        'Reference: See ARCHITECTURE.md#taste-invariants',
      ].join('\n'),
    );
  });

  it('accepts a file of exactly maxLines lines', () => {
    expect(runFileSize({ 'modules/billing/src/lib/invoice.ts': lines(400) })).toEqual([]);
  });

  it('checks test files and files outside src, but not declaration files or other text', () => {
    const findings = runFileSize(
      {
        'modules/billing/tests/billing.spec.ts': lines(11),
        'modules/billing/scripts/seed.js': lines(11),
        'modules/billing/src/types/globals.d.ts': lines(11),
        'modules/billing/README.md': lines(11),
        'modules/billing/src/lib/small.ts': lines(10),
      },
      { maxLines: 10 },
    );
    expect(findings.map((f) => [f.file, f.found])).toEqual([
      ['modules/billing/tests/billing.spec.ts', '11 lines'],
      ['modules/billing/scripts/seed.js', '11 lines'],
    ]);
  });

  it.each([
    [0, 'must be at least 1, got 0'],
    [-5, 'must be at least 1, got -5'],
    [12.5, 'must be a whole number, got 12.5'],
    ['many', 'must be a whole number, got "many"'],
  ])('refuses maxLines %p when harness.yaml loads, so the rule never checks with it', (maxLines, problem) => {
    const text = `rules:\n  file-size:\n    severity: warn\n    maxLines: ${JSON.stringify(maxLines)}\n`;
    expect(() => readHarnessConfig(text, [fileSizeRule])).toThrow(`harness: harness.yaml:4: "maxLines" ${problem}; write maxLines: 400 (the default), or remove it`);
  });
});
