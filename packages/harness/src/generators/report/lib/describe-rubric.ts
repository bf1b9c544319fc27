import { DIMENSION_IDS, RUBRIC } from './rubric';

/** The rubric in one paragraph, rendered from the rubric data so the two cannot disagree. */
export function describeRubric(): string {
  const weights = DIMENSION_IDS.map((d) => `${d} ${RUBRIC.weights[d]}`).join(', ');
  const grades = RUBRIC.grades.map((g) => `${g.grade} ≥ ${g.min}`).join(', ');
  const own = RUBRIC.rulesWithOwnDimension.join(', ');
  return [
    `Each module scores 0–100 in four dimensions, weighted ${weights}.`,
    'Docs: the share of README.md and CONVENTIONS.md checks passed (file present, each required section with real text, relative links resolve).',
    'Tests: 100 with at least one test file, 0 without.',
    `Coverage: 0 without a readable coverage-summary.json, else 100 less ${RUBRIC.coverageFindingPenalty} per coverage finding of the check.`,
    `Findings: 100 less ${RUBRIC.findingPenalty.error} per error and ${RUBRIC.findingPenalty.warn} per warning of \`harness-check\` (${own} findings count in their own dimension).`,
    `Grades: ${grades}, else F; a module with any error finding gets ${RUBRIC.gradeCapOnError} at best.`,
    'Workspace legibility is the share of its criteria met, on the same scale.',
    'Regenerate with `nx g harness:report`; write your own notes outside the harness markers.',
  ].join(' ');
}
