import type { CoverageThresholds } from '../config/types';
import { formatTextBlock } from '../report/text';
import { createTestCheckContext, createTestRuleContext } from '../testing/create-test-context';
import { checkCoverage, coverageRule } from './coverage';

const REPORT = 'modules/billing/test-output/jest/coverage/coverage-summary.json';
const INVOICE = 'modules/billing/src/lib/invoice.ts';
const SOURCE = { [INVOICE]: 'export function total() { return 1; }\n' };

interface Setup {
  files: Record<string, string>;
  mtimes?: Record<string, number>;
  thresholds?: Partial<CoverageThresholds>;
  options?: Record<string, unknown>;
}

function runCoverage({ files, mtimes, thresholds, options = {} }: Setup) {
  const check = createTestCheckContext({ projects: [{ name: 'billing', root: 'modules/billing' }], files, mtimes });
  const coverage = { lines: 80, branches: 70, functions: 80, statements: 80, ...thresholds };
  return checkCoverage(createTestRuleContext(check, 'billing', { conventions: { coverage }, setting: { options } }));
}

type Pcts = Partial<Record<'lines' | 'branches' | 'functions' | 'statements', number | 'Unknown'>>;

/** A json-summary as jest writes it: totals plus one entry per file, keyed by absolute path. */
function createSummary(total: Pcts, perFile: Record<string, Pcts> = {}): string {
  const entry = (pcts: Pcts) =>
    Object.fromEntries(Object.entries(pcts).map(([metric, pct]) => [metric, { total: 10, covered: 5, skipped: 0, pct }]));
  const files = Object.fromEntries(Object.entries(perFile).map(([file, pcts]) => [`/virtual/${file}`, entry(pcts)]));
  return JSON.stringify({ total: entry(total), ...files }, null, 2);
}

const PASSING: Pcts = { lines: 90, branches: 90, functions: 90, statements: 90 };

describe('coverage rule', () => {
  it('is registered under its stable id as an error', () => {
    expect(coverageRule.id).toBe('coverage');
    expect(coverageRule.defaultSeverity).toBe('error');
    expect(coverageRule.defaultOptions).toEqual({ reportPaths: [], requireReport: false });
  });

  it('reports nothing when every metric meets its threshold', () => {
    expect(runCoverage({ files: { ...SOURCE, [REPORT]: createSummary(PASSING) } })).toEqual([]);
  });

  it('reports one finding per metric below threshold, naming the least-covered files', () => {
    const summary = createSummary(
      { lines: 62.5, branches: 90, functions: 50, statements: 90 },
      {
        [INVOICE]: { lines: 40, functions: 100 },
        'modules/billing/src/lib/tax.ts': { lines: 75, functions: 0 },
        'modules/billing/src/lib/money.ts': { lines: 100, functions: 100 },
      },
    );
    const findings = runCoverage({ files: { ...SOURCE, [REPORT]: summary } });
    expect(findings).toEqual([
      {
        kind: 'coverage/below-threshold',
        title: 'Coverage below threshold',
        file: REPORT,
        line: 0,
        column: 0,
        found: 'lines 62.5%',
        expected: 'lines >= 80%',
        fix:
          'Add tests that reach the uncovered lines of modules/billing/src/lib/invoice.ts (40%), modules/billing/src/lib/tax.ts (75%), ' +
          'then run `nx test billing --coverage`',
        reference: 'modules/billing/CONVENTIONS.md#coverage',
      },
      {
        kind: 'coverage/below-threshold',
        title: 'Coverage below threshold',
        file: REPORT,
        line: 0,
        column: 0,
        found: 'functions 50%',
        expected: 'functions >= 80%',
        fix:
          'Add tests that reach the uncovered functions (call each exported function at least once) of modules/billing/src/lib/tax.ts (0%), ' +
          'then run `nx test billing --coverage`',
        reference: 'modules/billing/CONVENTIONS.md#coverage',
      },
    ]);
    expect(formatTextBlock({ ...findings[0], rule: 'coverage', severity: 'error', project: 'billing' })).toBe(
      [
        'ERROR: Coverage below threshold',
        `File: ${REPORT}`,
        'Line: 1',
        'Found: `lines 62.5%`',
        'Expected pattern: lines >= 80%',
        'Fix: Add tests that reach the uncovered lines of modules/billing/src/lib/invoice.ts (40%), modules/billing/src/lib/tax.ts (75%), then run `nx test billing --coverage`',
        'Reference: See modules/billing/CONVENTIONS.md#coverage',
      ].join('\n'),
    );
  });

  it('points at the module folders when the report has no per-file entries', () => {
    const [finding] = runCoverage({ files: { ...SOURCE, [REPORT]: createSummary({ ...PASSING, branches: 50 }) } });
    expect(finding.found).toBe('branches 50%');
    expect(finding.fix).toBe(
      'Add tests in modules/billing/tests that reach the uncovered branches (both sides of each if, ?:, ?? and ||) of modules/billing/src, ' +
        'then run `nx test billing --coverage`',
    );
  });

  it('treats "Unknown" as nothing to cover, not as a shortfall', () => {
    const summary = createSummary({ lines: 'Unknown', branches: 'Unknown', functions: 'Unknown', statements: 'Unknown' });
    expect(runCoverage({ files: { ...SOURCE, [REPORT]: summary } })).toEqual([]);
  });

  it('skips a metric whose threshold is 0', () => {
    const summary = createSummary({ ...PASSING, branches: 10 });
    expect(runCoverage({ files: { ...SOURCE, [REPORT]: summary }, thresholds: { branches: 0 } })).toEqual([]);
  });

  it('reports nothing for an empty module, which has no report to read', () => {
    expect(runCoverage({ files: { 'modules/billing/README.md': '# Billing\n' } })).toEqual([]);
  });

  it('reports nothing when every threshold is 0', () => {
    const thresholds = { lines: 0, branches: 0, functions: 0, statements: 0 };
    expect(runCoverage({ files: SOURCE, thresholds })).toEqual([]);
  });

  it('names the command that writes a missing report, as a warning unless the report is required', () => {
    expect(runCoverage({ files: SOURCE, options: { requireReport: true } })[0].severity).toBeUndefined();
    expect(runCoverage({ files: SOURCE })).toEqual([
      {
        severity: 'warn',
        kind: 'coverage/missing-report',
        title: 'Coverage report missing',
        file: REPORT,
        line: 0,
        column: 0,
        found: 'no coverage-summary.json for billing',
        expected:
          `a jest json-summary report at ${REPORT}, modules/billing/coverage/coverage-summary.json, ` +
          'coverage/modules/billing/coverage-summary.json',
        fix: 'Run `nx test billing --coverage` (its jest config needs "json-summary" in coverageReporters), then run the check again',
        reference: 'modules/billing/CONVENTIONS.md#coverage',
      },
    ]);
  });

  it.each([
    ['modules/billing/coverage/coverage-summary.json'],
    ['coverage/modules/billing/coverage-summary.json'],
  ])('reads the report from %s', (path) => {
    const [finding] = runCoverage({ files: { ...SOURCE, [path]: createSummary({ ...PASSING, lines: 10 }) } });
    expect(finding.file).toBe(path);
  });

  it('prefers the first location that exists', () => {
    const files = {
      ...SOURCE,
      [REPORT]: createSummary(PASSING),
      'modules/billing/coverage/coverage-summary.json': createSummary({ ...PASSING, lines: 10 }),
    };
    expect(runCoverage({ files })).toEqual([]);
  });

  it('reads configured report paths first, with {projectRoot} and {projectName} replaced', () => {
    const files = {
      ...SOURCE,
      [REPORT]: createSummary(PASSING),
      'reports/billing/modules/billing/summary.json': createSummary({ ...PASSING, lines: 10 }),
    };
    const findings = runCoverage({ files, options: { reportPaths: ['reports/{projectName}/{projectRoot}/summary.json'] } });
    expect(findings.map((f) => [f.file, f.found])).toEqual([['reports/billing/modules/billing/summary.json', 'lines 10%']]);
  });

  it('reports a report older than the newest source or test file as stale', () => {
    const files = { ...SOURCE, 'modules/billing/tests/billing.spec.ts': '', [REPORT]: createSummary({ lines: 1 }) };
    const findings = runCoverage({
      files,
      mtimes: { [INVOICE]: 1_000, 'modules/billing/tests/billing.spec.ts': 3_000, [REPORT]: 2_000 },
    });
    expect(findings).toEqual([
      {
        severity: 'warn',
        kind: 'coverage/stale-report',
        title: 'Stale coverage report',
        file: REPORT,
        line: 0,
        column: 0,
        found: 'report older than modules/billing/tests/billing.spec.ts',
        expected: 'a coverage report written after the last change to any source or test file',
        fix: 'Run `nx test billing --coverage` to write a fresh report, then run the check again',
        reference: 'modules/billing/CONVENTIONS.md#coverage',
      },
    ]);
  });

  it('reads a report newer than every file', () => {
    const files = { ...SOURCE, [REPORT]: createSummary(PASSING) };
    expect(runCoverage({ files, mtimes: { [INVOICE]: 1_000, [REPORT]: 2_000 } })).toEqual([]);
  });

  it('turns malformed JSON into one finding at the line of the error', () => {
    const findings = runCoverage({ files: { ...SOURCE, [REPORT]: '{\n  "total": {\n    "lines": 1' } });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      kind: 'coverage/invalid-report',
      title: 'Coverage report is not valid JSON',
      file: REPORT,
      line: 3,
      expected: "the JSON that jest's json-summary reporter writes",
      fix: `Delete ${REPORT} and run \`nx test billing --coverage\` to write it again`,
    });
    expect(findings[0].found).toMatch(/JSON/);
  });

  it('still gives one finding when the JSON error names no position', () => {
    const findings = runCoverage({ files: { ...SOURCE, [REPORT]: '{"total": x}' } });
    expect(findings.map((f) => [f.title, f.file, f.line])).toEqual([['Coverage report is not valid JSON', REPORT, 0]]);
  });

  it('reports a report without totals once', () => {
    const findings = runCoverage({ files: { ...SOURCE, [REPORT]: '{"files": []}' } });
    expect(findings.map((f) => [f.kind, f.title, f.found])).toEqual([['coverage/no-totals', 'Coverage report has no totals', 'no "total" object']]);
  });
});
