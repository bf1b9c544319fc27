import { makeFinding, SUMMARY } from './__fixtures__/make-finding';
import { quoteCode } from './quote-code';
import { formatSummaryLine } from './summary';
import { formatText, formatTextBlock } from './text';

const SEED_BLOCK = [
  'ERROR: Naming convention violation',
  'File: modules/billing/src/lib/invoice-handler.ts',
  'Line: 5',
  'Found: `processInvoice`',
  'Expected pattern: snake_case function names',
  'Fix: Rename to `process_invoice`',
  'Reference: See modules/billing/CONVENTIONS.md#naming',
].join('\n');

describe('formatText', () => {
  it('writes the seed finding as the exact remediation block, then the summary', () => {
    const { output, exitCode } = formatText([makeFinding()], SUMMARY);
    expect(output).toBe(
      `${SEED_BLOCK}\n\nharness-check: 1 error, 0 warnings in 1 file (40 files checked in 3 projects)`,
    );
    expect(exitCode).toBe(1);
  });

  it('starts a warning finding with WARN: and exits 0', () => {
    const { output, exitCode } = formatText([makeFinding({ severity: 'warn', title: 'File too long' })], SUMMARY);
    expect(output.split('\n')[0]).toBe('WARN: File too long');
    expect(exitCode).toBe(0);
  });

  it('points a whole-file finding (line 0) at line 1, so every block has a Line: label', () => {
    const block = formatTextBlock(makeFinding({ line: 0, column: 0 }));
    expect(block.split('\n').slice(0, 4)).toEqual([
      'ERROR: Naming convention violation',
      'File: modules/billing/src/lib/invoice-handler.ts',
      'Line: 1',
      'Found: `processInvoice`',
    ]);
  });

  it('leaves out a label whose finding field is empty', () => {
    const block = formatTextBlock(makeFinding({ found: '', reference: '' }));
    expect(block).not.toContain('Found:');
    expect(block).not.toContain('Reference:');
    expect(block).toContain('Fix: Rename to `process_invoice`');
  });

  it('sorts finding blocks by file and line with a blank line between them', () => {
    const later = makeFinding({ file: 'modules/b.ts', line: 9, found: 'late' });
    const earlier = makeFinding({ file: 'modules/a.ts', line: 2, found: 'early', severity: 'warn' });
    const blocks = formatText([later, earlier], SUMMARY).output.split('\n\n');
    expect(blocks).toHaveLength(3);
    expect(blocks[0]).toContain('File: modules/a.ts');
    expect(blocks[1]).toContain('File: modules/b.ts');
    expect(blocks[2]).toBe('harness-check: 1 error, 1 warning in 2 files (40 files checked in 3 projects)');
  });

  it('writes only the summary when there is no finding', () => {
    expect(formatText([], SUMMARY)).toEqual({
      output: 'harness-check: no findings (40 files checked in 3 projects)',
      exitCode: 0,
    });
  });

  it('contains no terminal colour codes', () => {
    expect(formatText([makeFinding()], SUMMARY).output).not.toMatch(/\u001b\[/);
  });
});

describe('formatSummaryLine', () => {
  const errorIn = (file: string) => makeFinding({ file });
  const warnIn = (file: string) => makeFinding({ file, severity: 'warn' });

  it.each([
    [[errorIn('a'), errorIn('b'), warnIn('b')], { filesChecked: 40, projectsChecked: 3 },
      'harness-check: 2 errors, 1 warning in 2 files (40 files checked in 3 projects)'],
    [[warnIn('a'), warnIn('a')], { filesChecked: 1, projectsChecked: 1 },
      'harness-check: 0 errors, 2 warnings in 1 file (1 file checked in 1 project)'],
    [[], { filesChecked: 1, projectsChecked: 1 }, 'harness-check: no findings (1 file checked in 1 project)'],
    [[], { filesChecked: 0, projectsChecked: 0 }, 'harness-check: no findings (0 files checked in 0 projects)'],
  ])('counts findings with the right singular and plural (%#)', (findings, summary, expected) => {
    expect(formatSummaryLine(findings, summary)).toBe(expected);
  });
});

describe('quoteCode', () => {
  it.each([
    ['processInvoice', '`processInvoice`'],
    ['a`b', '``a`b``'],
    ['`x`', '`` `x` ``'],
  ])('wraps %j so markdown shows it verbatim', (text, expected) => {
    expect(quoteCode(text)).toBe(expected);
  });
});
