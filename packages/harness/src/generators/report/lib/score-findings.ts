import type { Finding } from '../../../core/finding';
import { RULE_IDS } from '../../../rules';
import { RUBRIC } from './rubric';
import type { DimensionScore, FindingCount } from './types';

/** How many finding gaps a module lists before pointing at the check for the rest. */
const GAPS_SHOWN = 5;

/** Errors and warnings per rule, in the check's rule order; rules without findings are left out. */
export function countFindings(findings: Finding[]): Record<string, FindingCount> {
  const counts: Record<string, FindingCount> = {};
  for (const rule of RULE_IDS) {
    const own = findings.filter((f) => f.rule === rule);
    if (own.length === 0) continue;
    counts[rule] = { errors: own.filter((f) => f.severity === 'error').length, warnings: own.filter((f) => f.severity === 'warn').length };
  }
  return counts;
}

/**
 * Findings score: 100 less a penalty per error and per warning of the rules that have no
 * dimension of their own; docs, tests and coverage findings are scored in theirs, so one gap is
 * not counted twice. Each scored finding becomes a gap: its Fix line and where it is.
 */
export function scoreFindings(projectName: string, findings: Finding[]): DimensionScore {
  const counts = countFindings(findings);
  const ownDimension: readonly string[] = RUBRIC.rulesWithOwnDimension;
  const scored = findings.filter((f) => !ownDimension.includes(f.rule));
  const errors = scored.filter((f) => f.severity === 'error').length;
  const warnings = scored.length - errors;
  const score = Math.max(0, 100 - RUBRIC.findingPenalty.error * errors - RUBRIC.findingPenalty.warn * warnings);
  const evidence = Object.entries(counts).map(
    ([rule, c]) => `${rule}: ${c.errors} error${c.errors === 1 ? '' : 's'}, ${c.warnings} warning${c.warnings === 1 ? '' : 's'}${ownDimension.includes(rule) ? ` (scored under ${rule})` : ''}`,
  );
  const gaps = scored.slice(0, GAPS_SHOWN).map((f) => `${f.fix} (${f.rule}, ${f.file}${f.line ? `:${f.line}` : ''})`);
  if (scored.length > GAPS_SHOWN) gaps.push(`Fix the other ${scored.length - GAPS_SHOWN} findings: run \`nx run ${projectName}:harness-check\` for their Fix lines`);
  return { score, evidence: evidence.length ? evidence : ['harness-check: no errors or warnings'], gaps };
}
