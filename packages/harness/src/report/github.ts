import { sortFindings, type Finding } from '../core/finding';
import { quoteCode } from './quote-code';
import { computeExitCode, formatSummaryLine } from './summary';
import type { Reporter } from './types';

/**
 * GitHub Actions workflow commands: each finding becomes an annotation on the pull request's
 * diff, and the summary line stays in the log.
 */
export const formatGithub: Reporter = (findings, summary) => {
  const commands = sortFindings(findings).map(formatGithubCommand);
  const output = [...commands, formatSummaryLine(findings, summary)].join('\n');
  return { output, exitCode: computeExitCode(findings) };
};

export function formatGithubCommand(finding: Finding): string {
  const properties = [`file=${escapeGithubProperty(finding.file)}`];
  // GitHub treats a missing line as "annotate the file", which is what a 0 position means.
  if (finding.line > 0) properties.push(`line=${finding.line}`);
  if (finding.column > 0) properties.push(`col=${finding.column}`);
  properties.push(`title=${escapeGithubProperty(finding.title)}`);
  const command = finding.severity === 'error' ? 'error' : 'warning';
  return `::${command} ${properties.join(',')}::${escapeGithubData(formatGithubMessage(finding))}`;
}

function formatGithubMessage(finding: Finding): string {
  const lines: string[] = [];
  if (finding.found) lines.push(`Found: ${quoteCode(finding.found)}`);
  if (finding.expected) lines.push(`Expected pattern: ${finding.expected}`);
  if (finding.fix) lines.push(`Fix: ${finding.fix}`);
  return lines.join('\n');
}

/** The message runs to the end of the line, so only `%` and line breaks need escaping. */
export function escapeGithubData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A property value also ends at `,` (next property) or `:` (start of `::`), so those are escaped too. */
export function escapeGithubProperty(text: string): string {
  return escapeGithubData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
