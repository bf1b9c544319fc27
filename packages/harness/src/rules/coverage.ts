import type { CoverageThresholds, OptionsSchema } from '../config/types';
import type { Rule, RuleContext, RuleFinding } from './types';
import type { ProjectInfo } from '../collect/types';
import { joinRoot, listCodeFiles, TEST_FILE } from './project-files';

const METRICS = ['lines', 'branches', 'functions', 'statements'] as const;
type Metric = (typeof METRICS)[number];

/** How many of the least-covered files a fix names. */
const FILES_NAMED = 3;

/** What a fix asks the tests to reach, per metric. */
const UNCOVERED: Record<Metric, string> = {
  lines: 'lines',
  statements: 'statements',
  functions: 'functions (call each exported function at least once)',
  branches: 'branches (both sides of each if, ?:, ?? and ||)',
};

export interface CoverageOptions {
  /**
   * Where to look first for `coverage-summary.json`, workspace-relative; `{projectRoot}` and
   * `{projectName}` are replaced. The usual jest locations are tried after these.
   */
  reportPaths: string[];
  /**
   * When false (the default), a missing or stale report is a warning: a module that was just
   * generated, or checked before its tests ran, is not failed for it. Set true in CI jobs that
   * run the tests first, so a missing report fails.
   */
  requireReport: boolean;
}

const DEFAULT_OPTIONS: CoverageOptions = { reportPaths: [], requireReport: false };
const OPTIONS_SCHEMA: OptionsSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    reportPaths: {
      type: 'array',
      items: { type: 'string', minLength: 1 },
      description: 'Where to look first for coverage-summary.json, workspace-relative; {projectRoot} and {projectName} are replaced.',
    },
    requireReport: { type: 'boolean', description: 'A missing or stale report is an error rather than a warning (for CI jobs that run the tests first).' },
  },
};

/** One metric of a jest json-summary entry; jest writes `"Unknown"` when there is nothing to count. */
interface SummaryMetric {
  pct?: number | string;
}
type SummaryEntry = Partial<Record<Metric, SummaryMetric>>;

/**
 * The jest `json-summary` report of the module against its coverage thresholds. A missing or
 * stale report is a finding whose fix is the command that writes a fresh one.
 */
export const coverageRule: Rule = {
  id: 'coverage',
  description: "The module's coverage-summary.json meets its coverage thresholds.",
  defaultSeverity: 'error',
  defaultOptions: { ...DEFAULT_OPTIONS },
  optionsSchema: OPTIONS_SCHEMA,
  check: checkCoverage,
};

export function checkCoverage(ctx: RuleContext): RuleFinding[] {
  const options = { ...DEFAULT_OPTIONS, ...ctx.setting.options } as CoverageOptions;
  const thresholds = ctx.conventions.coverage;
  if (METRICS.every((m) => !(thresholds[m] > 0))) return [];
  const codeFiles = listCodeFiles(ctx.project);
  // An empty module has nothing to cover, and jest writes no report for it.
  if (!codeFiles.some((f) => isModuleSource(ctx.project, f))) return [];
  const candidates = listReportCandidates(ctx.project, options);
  const report = candidates.find((f) => ctx.exists(f));
  const reportSeverity = options.requireReport ? undefined : 'warn';
  if (!report) return [{ ...createMissingFinding(ctx, candidates), severity: reportSeverity }];
  const newest = findNewestFile(ctx, codeFiles);
  const reportTime = ctx.mtimeOf(report);
  if (newest && reportTime !== undefined && newest.time > reportTime) return [{ ...createStaleFinding(ctx, report, newest.file), severity: reportSeverity }];
  const parsed = parseSummary(ctx.readText(report) ?? '');
  if ('error' in parsed) return [createMalformedFinding(ctx, report, parsed.error, parsed.line)];
  const total = parsed.summary.total;
  if (!isObject(total)) return [createNoTotalsFinding(ctx, report)];
  return METRICS.flatMap((metric) => checkMetric(ctx, report, parsed.summary, metric, thresholds));
}

function isModuleSource(project: ProjectInfo, file: string): boolean {
  const sourceRoot = project.sourceRoot ?? joinRoot(project.root, 'src');
  return (sourceRoot === '' || file.startsWith(`${sourceRoot}/`)) && !TEST_FILE.test(file);
}

/** The configured paths, then where Nx's jest setups write the summary, newest layout first. */
function listReportCandidates(project: ProjectInfo, options: CoverageOptions): string[] {
  const configured = options.reportPaths.map((p) =>
    p.replace(/\{projectRoot\}/g, project.root || '.').replace(/\{projectName\}/g, project.name),
  );
  const defaults = [
    joinRoot(project.root, 'test-output/jest/coverage/coverage-summary.json'),
    joinRoot(project.root, 'coverage/coverage-summary.json'),
    `coverage/${joinRoot(project.root, 'coverage-summary.json')}`,
  ];
  return [...new Set([...configured, ...defaults])];
}

/** Source and test files both change what coverage measures, so both make a report stale. */
function findNewestFile(ctx: RuleContext, files: string[]): { file: string; time: number } | undefined {
  let newest: { file: string; time: number } | undefined;
  for (const file of files) {
    const time = ctx.mtimeOf(file);
    if (time !== undefined && (!newest || time > newest.time)) newest = { file, time };
  }
  return newest;
}

function parseSummary(text: string): { summary: Record<string, unknown> } | { error: string; line: number } {
  try {
    const value: unknown = JSON.parse(text);
    if (isObject(value)) return { summary: value };
    return { error: 'the top level is not an object', line: 1 };
  } catch (error) {
    const message = (error as Error).message;
    return { error: message, line: findJsonErrorLine(text, message) };
  }
}

/** V8 names the offset (`at position 42`) and, in newer versions, the line too. */
function findJsonErrorLine(text: string, message: string): number {
  const line = /\(line (\d+) column \d+\)/.exec(message);
  if (line) return Number(line[1]);
  const position = /at position (\d+)/.exec(message);
  if (!position) return 0;
  return text.slice(0, Number(position[1])).split('\n').length;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describeCommand(ctx: RuleContext): string {
  return `nx test ${ctx.project.name} --coverage`;
}

function createMissingFinding(ctx: RuleContext, candidates: string[]): RuleFinding {
  return {
    kind: 'coverage/missing-report',
    title: 'Coverage report missing',
    file: candidates[0],
    line: 0,
    column: 0,
    found: `no coverage-summary.json for ${ctx.project.name}`,
    expected: `a jest json-summary report at ${candidates.join(', ')}`,
    fix: `Run \`${describeCommand(ctx)}\` (its jest config needs "json-summary" in coverageReporters), then run the check again`,
    reference: `${ctx.conventionsFile}#coverage`,
  };
}

function createStaleFinding(ctx: RuleContext, report: string, newerFile: string): RuleFinding {
  return {
    kind: 'coverage/stale-report',
    title: 'Stale coverage report',
    file: report,
    line: 0,
    column: 0,
    found: `report older than ${newerFile}`,
    expected: 'a coverage report written after the last change to any source or test file',
    fix: `Run \`${describeCommand(ctx)}\` to write a fresh report, then run the check again`,
    reference: `${ctx.conventionsFile}#coverage`,
  };
}

function createMalformedFinding(ctx: RuleContext, report: string, error: string, line: number): RuleFinding {
  return {
    kind: 'coverage/invalid-report',
    title: 'Coverage report is not valid JSON',
    file: report,
    line,
    column: 0,
    found: error,
    expected: "the JSON that jest's json-summary reporter writes",
    fix: `Delete ${report} and run \`${describeCommand(ctx)}\` to write it again`,
    reference: `${ctx.conventionsFile}#coverage`,
  };
}

function createNoTotalsFinding(ctx: RuleContext, report: string): RuleFinding {
  return {
    kind: 'coverage/no-totals',
    title: 'Coverage report has no totals',
    file: report,
    line: 0,
    column: 0,
    found: 'no "total" object',
    expected: 'a jest json-summary report with total.lines.pct, total.branches.pct, total.functions.pct and total.statements.pct',
    fix: `Make the jest config of ${ctx.project.name} write "json-summary" in coverageReporters, then run \`${describeCommand(ctx)}\``,
    reference: `${ctx.conventionsFile}#coverage`,
  };
}

function checkMetric(
  ctx: RuleContext,
  report: string,
  summary: Record<string, unknown>,
  metric: Metric,
  thresholds: CoverageThresholds,
): RuleFinding[] {
  const pct = readPct(summary.total, metric);
  const threshold = thresholds[metric];
  // "Unknown" (nothing to count) or an absent metric is not a shortfall.
  if (pct === undefined || !(threshold > 0) || pct >= threshold) return [];
  return [
    {
      kind: 'coverage/below-threshold',
      title: 'Coverage below threshold',
      file: report,
      line: 0,
      column: 0,
      found: `${metric} ${pct}%`,
      expected: `${metric} >= ${threshold}%`,
      fix: describeTestsToAdd(ctx, summary, metric, threshold),
      reference: `${ctx.conventionsFile}#coverage`,
    },
  ];
}

function readPct(entry: unknown, metric: Metric): number | undefined {
  const pct = isObject(entry) ? (entry as SummaryEntry)[metric]?.pct : undefined;
  return typeof pct === 'number' ? pct : undefined;
}

/** Names the least-covered files below the threshold, so the agent knows where to start. */
function describeTestsToAdd(ctx: RuleContext, summary: Record<string, unknown>, metric: Metric, threshold: number): string {
  const command = describeCommand(ctx);
  const weakest = Object.entries(summary)
    .filter(([key]) => key !== 'total')
    .map(([key, entry]) => ({ file: convertToWorkspacePath(ctx, key), pct: readPct(entry, metric) }))
    .filter((e): e is { file: string; pct: number } => e.pct !== undefined && e.pct < threshold)
    .sort((a, b) => a.pct - b.pct || a.file.localeCompare(b.file))
    .slice(0, FILES_NAMED);
  if (weakest.length === 0) {
    const tests = joinRoot(ctx.project.root, 'tests');
    const source = ctx.project.sourceRoot ?? joinRoot(ctx.project.root, 'src');
    return `Add tests in ${tests} that reach the uncovered ${UNCOVERED[metric]} of ${source}, then run \`${command}\``;
  }
  const list = weakest.map((e) => `${e.file} (${e.pct}%)`).join(', ');
  return `Add tests that reach the uncovered ${UNCOVERED[metric]} of ${list}, then run \`${command}\``;
}

/** jest keys per-file entries by absolute path. */
function convertToWorkspacePath(ctx: RuleContext, key: string): string {
  const normalized = key.replace(/\\/g, '/');
  const root = ctx.workspaceRoot.replace(/\\/g, '/').replace(/\/$/, '');
  if (normalized.startsWith(`${root}/`)) return normalized.slice(root.length + 1);
  return ctx.project.files.find((f) => normalized.endsWith(`/${f}`)) ?? normalized;
}
