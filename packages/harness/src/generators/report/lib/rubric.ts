/**
 * The scoring rubric of `nx g harness:report`, as data. The numbers here are the whole policy:
 * the scorers read them and the paragraph at the top of QUALITY_SCORE.md is rendered from them,
 * so changing one changes the grades and their explanation together.
 */
export const RUBRIC = {
  /** Weight of each module dimension in the module's score. */
  weights: { docs: 25, tests: 25, coverage: 25, findings: 25 },
  /** Lowest score of each grade, best first; anything lower is F. */
  grades: [
    { grade: 'A', min: 90 },
    { grade: 'B', min: 80 },
    { grade: 'C', min: 70 },
    { grade: 'D', min: 60 },
  ],
  /** A module whose harness-check fails (any error finding) gets at best this grade. */
  gradeCapOnError: 'C',
  /** Points the findings dimension loses per finding of a rule not scored elsewhere. */
  findingPenalty: { error: 20, warn: 5 },
  /** Rules with their own dimension: their findings are listed but not scored again under findings. */
  rulesWithOwnDimension: ['docs', 'tests', 'coverage'],
  /**
   * Findings on these files concern the whole workspace: legibility judges them (from its own run
   * of the agents-md rule), and no module's findings score counts them.
   */
  workspaceFiles: ['AGENTS.md'],
  /** Points the coverage dimension loses per coverage finding (below threshold, stale report). */
  coverageFindingPenalty: 25,
  /** The `docs/` system of record that `harness:init` lays out. */
  docsSkeleton: ['docs/design-docs/index.md', 'docs/exec-plans/active', 'docs/exec-plans/completed', 'docs/tech-debt-tracker.md'],
} as const;

export type DimensionId = keyof typeof RUBRIC.weights;
export const DIMENSION_IDS = Object.keys(RUBRIC.weights) as DimensionId[];
