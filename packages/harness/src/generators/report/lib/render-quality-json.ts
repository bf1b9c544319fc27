import { DIMENSION_IDS, RUBRIC } from './rubric';
import type { QualityReport } from './types';

/**
 * quality.json: the same report for machines. Keys are sorted at every level and nothing in it
 * depends on the clock, so a re-run on an unchanged repository writes the same bytes.
 */
export function renderQualityJson(report: QualityReport): string {
  const data = {
    rubric: RUBRIC,
    legibility: report.legibility,
    modules: report.modules.map((m) => ({
      name: m.name,
      root: m.root,
      grade: m.grade,
      score: m.score,
      dimensions: Object.fromEntries(DIMENSION_IDS.map((d) => [d, { score: m.dimensions[d].score, evidence: m.dimensions[d].evidence }])),
      findings: m.findings,
      gaps: DIMENSION_IDS.flatMap((d) => m.dimensions[d].gaps),
    })),
  };
  return `${JSON.stringify(sortKeys(data), null, 2)}\n`;
}

/** A copy of `value` with object keys in code-point order; arrays keep their order. */
function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(entries.map(([k, v]) => [k, sortKeys(v)]));
}
