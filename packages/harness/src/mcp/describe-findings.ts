import type { Finding } from '../core/finding';
import { classifyFinding } from '../fix/classify-finding';

/** Findings as an agent consumes them: every field, plus whether `fix_files` can apply the fix. */
export function describeFindings(findings: Finding[]): Array<Finding & { fixable: boolean }> {
  return findings.map((finding) => ({ ...finding, fixable: classifyFinding(finding) !== undefined }));
}
