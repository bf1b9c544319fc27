import { findSummaryLine, parseFindingBlocks, stripAnsi } from '../src';

// The user-path suite judges real output with these readers, so they must not see blocks that
// are not there, nor miss ones that are.
const OUTPUT = [
  '> nx run billing:harness-check',
  '',
  '\u001b[1m\u001b[31mERROR: Missing module document',
  'File: modules/billing/README.md',
  'Fix: Create modules/billing/README.md',
  'Reference: See ARCHITECTURE.md#documentation',
  '',
  'WARN: File too long',
  'File: modules/billing/src/lib/billing.ts',
  'Line: 401',
  'harness-check: 1 error, 1 warning in 2 files (12 files checked in 1 project)\u001b[39m\u001b[22m',
].join('\n');

describe('parseFindingBlocks', () => {
  it('reads each block with its severity, title and fields', () => {
    expect(parseFindingBlocks(stripAnsi(OUTPUT))).toEqual([
      {
        severity: 'ERROR',
        title: 'Missing module document',
        fields: {
          File: 'modules/billing/README.md',
          Fix: 'Create modules/billing/README.md',
          Reference: 'See ARCHITECTURE.md#documentation',
        },
      },
      { severity: 'WARN', title: 'File too long', fields: { File: 'modules/billing/src/lib/billing.ts', Line: '401' } },
    ]);
  });

  it('finds no block in output without findings', () => {
    expect(parseFindingBlocks('harness-check: no findings (12 files checked in 1 project)\nFix: stray line')).toEqual([]);
  });
});

describe('findSummaryLine', () => {
  it('returns the harness-check summary line', () => {
    expect(findSummaryLine(stripAnsi(OUTPUT))).toBe('harness-check: 1 error, 1 warning in 2 files (12 files checked in 1 project)');
  });
});
