import { resolveRuleSetting } from '../../../config/resolve-rule-setting';
import type { ModuleConventions } from '../../../config/read-conventions';
import type { CoverageThresholds } from '../../../config/types';
import type { Finding } from '../../../core/finding';
import { checkCoverage, coverageRule } from '../../../rules/coverage';
import type { CheckContext, ProjectInfo } from '../../../collect/types';
import { RUBRIC } from './rubric';
import type { DimensionScore } from './types';

const METRICS: Array<keyof CoverageThresholds> = ['lines', 'branches', 'functions', 'statements'];
/** Thresholds no report can meet, so the coverage rule always names the report it read. */
const UNREACHABLE: CoverageThresholds = { lines: 101, branches: 101, functions: 101, statements: 101 };

/**
 * Coverage score: 0 without a readable coverage-summary.json; otherwise 100 less a penalty per
 * coverage finding of the real check (a metric below its threshold, a stale report). The totals
 * are the evidence; the check's Fix lines are the gaps.
 */
export function scoreCoverage(context: CheckContext, project: ProjectInfo, module: ModuleConventions, findings: Finding[]): DimensionScore {
  const report = locateReport(context, project, module);
  if (!report) return { score: 100, evidence: ['no module source, so nothing to cover'], gaps: [] };
  const fromCheck = findings.filter((f) => f.rule === 'coverage');
  const gaps = fromCheck.map((f) => f.fix);
  if (!context.exists(report.file)) {
    return { score: 0, evidence: [`${report.found} (expected ${report.expected})`], gaps: gaps.length ? gaps : [report.fix] };
  }
  const totals = readTotals(context.readText(report.file));
  if (!totals) {
    return { score: 0, evidence: [`${report.file} has no readable totals`], gaps: gaps.length ? gaps : [report.fix] };
  }
  const thresholds = module.conventions.coverage;
  const measured = METRICS.map((m) => `${m} ${totals[m] ?? 'unknown'}%${thresholds[m] > 0 ? ` (threshold ${thresholds[m]}%)` : ''}`);
  const verdict = fromCheck.length === 0 ? 'the check has no coverage findings' : `the check has ${fromCheck.length} coverage finding${fromCheck.length === 1 ? '' : 's'}`;
  return {
    score: Math.max(0, 100 - RUBRIC.coverageFindingPenalty * fromCheck.length),
    evidence: [`${report.file}: ${measured.join(', ')}; ${verdict}`],
    gaps,
  };
}

/**
 * Asks the coverage rule itself where the module's report is, so the report honours the same
 * `reportPaths` option and jest fallbacks as the check with no second copy of that lookup. With
 * unreachable thresholds every outcome is a finding naming the report (or, when there is none,
 * the first place looked and the command that writes it). No finding: the module has no source.
 */
function locateReport(context: CheckContext, project: ProjectInfo, module: ModuleConventions): Finding | undefined {
  const conventionsFile = `${project.root}/CONVENTIONS.md`;
  const options = resolveRuleSetting(coverageRule, context.config, module).options;
  const [first] = checkCoverage({
    ...context,
    project,
    conventions: { ...module.conventions, coverage: UNREACHABLE },
    conventionsFile,
    setting: { severity: 'error', options },
  });
  return first && { ...first, rule: coverageRule.id, severity: 'error', project: project.name };
}

/** jest's json-summary totals as percentages; undefined when the file is not such a report. */
function readTotals(text: string | undefined): Partial<Record<keyof CoverageThresholds, number>> | undefined {
  try {
    const total = (JSON.parse(text ?? '') as { total?: Record<string, { pct?: unknown }> }).total;
    if (!total || typeof total !== 'object') return undefined;
    const totals: Partial<Record<keyof CoverageThresholds, number>> = {};
    for (const m of METRICS) {
      const pct = total[m]?.pct;
      if (typeof pct === 'number') totals[m] = pct;
    }
    return totals;
  } catch {
    return undefined;
  }
}
