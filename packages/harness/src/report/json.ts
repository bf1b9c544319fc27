import { sortFindings, type Finding } from '../core/finding';
import { computeExitCode } from './summary';
import type { Reporter } from './types';

/** The keys of one JSON finding, in the order they are written; tools may rely on exactly these. */
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
] as const satisfies ReadonlyArray<keyof Finding>;

/** An array of plain finding objects, for scripts and agents that parse the report. */
export const formatJson: Reporter = (findings) => {
  const rows = sortFindings(findings).map(pickJsonFields);
  return { output: JSON.stringify(rows, null, 2), exitCode: computeExitCode(findings) };
};

/** Copies only the contract keys, so a rule that attaches extra data cannot widen the format. */
function pickJsonFields(finding: Finding): Record<string, string | number> {
  return Object.fromEntries(JSON_FINDING_KEYS.map((key) => [key, finding[key]]));
}
