import type { Finding } from '../core/finding';
import { toJsonFinding, type JsonFinding } from '../report/json';

/** Findings as an agent consumes them: the json report's shape, with kind, data and fixable. */
export function describeFindings(findings: Finding[]): JsonFinding[] {
  return findings.map(toJsonFinding);
}
