import { DIMENSION_IDS, RUBRIC, type DimensionId } from './rubric';

/** The letter for a 0–100 score. */
export function gradeScore(score: number): string {
  return RUBRIC.grades.find((g) => score >= g.min)?.grade ?? 'F';
}

/** The weighted mean of the dimension scores, rounded to a whole number. */
export function combineScores(scores: Record<DimensionId, number>): number {
  const weight = DIMENSION_IDS.reduce((sum, d) => sum + RUBRIC.weights[d], 0);
  const total = DIMENSION_IDS.reduce((sum, d) => sum + RUBRIC.weights[d] * scores[d], 0);
  return Math.round(total / weight);
}

/** A module whose check fails cannot look healthy, whatever its other dimensions say. */
export function capGrade(grade: string, hasErrors: boolean): string {
  // Grade letters sort best first, so a letter before the cap is a better grade.
  return hasErrors && grade < RUBRIC.gradeCapOnError ? RUBRIC.gradeCapOnError : grade;
}
