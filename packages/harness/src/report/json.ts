import { sortFindings, type Finding, type FindingData } from '../core/finding';
import { isFixable } from '../core/finding-kinds';
import { computeExitCode } from './summary';
import type { Reporter } from './types';

/**
 * The keys every JSON finding has, in the order they are written; tools may rely on these. After
 * them come `data` (only when the finding carries some) and `fixable`.
 */
export const JSON_FINDING_KEYS = [
  'rule',
  'severity',
  'project',
  'file',
  'line',
  'column',
  'found',
  'expected',
  'fix',
  'reference',
  'title',
  'kind',
] as const satisfies ReadonlyArray<keyof Finding>;

/** One finding as the json report and the MCP server give it to programs. */
export type JsonFinding = Pick<Finding, (typeof JSON_FINDING_KEYS)[number]> & {
  /** What a fix needs, by kind (e.g. `{ rename: { from, to } }`); absent when the kind carries none. */
  data?: FindingData;
  /** True when `--fix` (and the MCP tool `fix_files`) has a mechanical fix for this finding. */
  fixable: boolean;
};

/** An array of plain finding objects, for scripts and agents that parse the report. */
export const formatJson: Reporter = (findings) => {
  const rows = sortFindings(findings).map(toJsonFinding);
  return { output: JSON.stringify(rows, null, 2), exitCode: computeExitCode(findings) };
};

/** Copies only the contract keys, so a rule that attaches extra fields cannot widen the format. */
export function toJsonFinding(finding: Finding): JsonFinding {
  const row: Record<string, unknown> = Object.fromEntries(JSON_FINDING_KEYS.map((key) => [key, finding[key]]));
  if (finding.data !== undefined) row.data = finding.data;
  row.fixable = isFixable(finding);
  return row as JsonFinding;
}
