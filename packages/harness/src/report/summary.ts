import type { Finding } from '../core/finding';
import type { ReportSummary } from './types';

/** Warnings are allowed to pass; only an error finding fails the task. */
export function computeExitCode(findings: Finding[]): number {
  return findings.some((finding) => finding.severity === 'error') ? 1 : 0;
}

/** `1 error`, `2 errors`, `0 warnings`: counts read as English so agents and people parse them alike. */
export function pluralize(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/**
 * The last line of the text and github reports, e.g.
 * `harness-check: 2 errors, 1 warning in 2 files (40 files checked in 3 projects)`.
 */
export function formatSummaryLine(findings: Finding[], summary: ReportSummary): string {
  const scope = `(${pluralize(summary.filesChecked, 'file')} checked in ${pluralize(summary.projectsChecked, 'project')})`;
  if (findings.length === 0) return `harness-check: no findings ${scope}`;
  const errors = findings.filter((finding) => finding.severity === 'error').length;
  const warnings = findings.length - errors;
  const files = new Set(findings.map((finding) => finding.file)).size;
  return `harness-check: ${pluralize(errors, 'error')}, ${pluralize(warnings, 'warning')} in ${pluralize(files, 'file')} ${scope}`;
}
