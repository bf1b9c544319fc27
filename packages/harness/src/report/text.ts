import { sortFindings, type Finding } from '../core/finding';
import { quoteCode } from './quote-code';
import { computeExitCode, formatSummaryLine } from './summary';
import type { Reporter } from './types';

/**
 * The remediation format: one block per finding, a blank line between blocks, then the summary
 * line. Every block names the file, what was found, the expected pattern, the fix and where the
 * convention is written, so an agent can act on it without reading anything else.
 */
export const formatText: Reporter = (findings, summary) => {
  const blocks = sortFindings(findings).map(formatTextBlock);
  const output = [...blocks, formatSummaryLine(findings, summary)].join('\n\n');
  return { output, exitCode: computeExitCode(findings) };
};

/** One finding as its block of labelled lines; a label with nothing to say is left out. */
export function formatTextBlock(finding: Finding): string {
  const lines = [`${finding.severity === 'error' ? 'ERROR' : 'WARN'}: ${finding.title}`];
  lines.push(`File: ${finding.file}`);
  // Every block carries a Line so readers can parse blocks uniformly; a finding about a whole
  // file (line 0 in the data) points at its first line.
  lines.push(`Line: ${finding.line > 0 ? finding.line : 1}`);
  if (finding.found) lines.push(`Found: ${quoteCode(finding.found)}`);
  if (finding.expected) lines.push(`Expected pattern: ${finding.expected}`);
  if (finding.fix) lines.push(`Fix: ${finding.fix}`);
  if (finding.reference) lines.push(`Reference: See ${finding.reference}`);
  return lines.join('\n');
}
