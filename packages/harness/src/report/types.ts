import type { Finding } from '../core/finding';

/** What the check looked at, so an empty report still says how much ground it covered. */
export interface ReportSummary {
  filesChecked: number;
  projectsChecked: number;
}

/**
 * One output format. A reporter reads only finding data and returns the whole output (no trailing
 * newline; the writer adds it) together with the exit code the executor should use.
 */
export type Reporter = (
  findings: Finding[],
  summary: ReportSummary,
) => { output: string; exitCode: number };
