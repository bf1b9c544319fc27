import type { Location, Log, ReportingDescriptor, Result } from 'sarif';
import { sortFindings, type Finding } from '../core/finding';
import { isFixable } from '../core/finding-kinds';
import { computeExitCode } from './summary';
import type { Reporter } from './types';

const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const INFORMATION_URI = 'https://www.npmjs.com/package/nx-harness';

/**
 * A SARIF 2.1.0 log with one run, for code-scanning services such as GitHub's. Paths stay
 * relative to `%SRCROOT%` so the log means the same on every machine and in the Nx cache.
 */
export const formatSarif: Reporter = (findings) => {
  const sorted = sortFindings(findings);
  const rules = describeRules(sorted);
  const ruleIds = rules.map((rule) => rule.id);
  const log: Log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: { name: 'harness', version: readDriverVersion(), informationUri: INFORMATION_URI, rules },
        },
        results: sorted.map((finding) => toSarifResult(finding, ruleIds.indexOf(finding.rule))),
      },
    ],
  };
  return { output: JSON.stringify(log, null, 2), exitCode: computeExitCode(findings) };
};

/** One descriptor per rule id that has a finding, in id order, so ruleIndex is stable. */
function describeRules(findings: Finding[]): ReportingDescriptor[] {
  const titles = new Map<string, string>();
  for (const finding of findings) if (!titles.has(finding.rule)) titles.set(finding.rule, finding.title);
  return [...titles.keys()].sort().map((id) => ({ id, shortDescription: { text: titles.get(id) || id } }));
}

function toSarifResult(finding: Finding, ruleIndex: number): Result {
  return {
    ruleId: finding.rule,
    ruleIndex,
    level: finding.severity === 'error' ? 'error' : 'warning',
    message: { text: formatSarifMessage(finding) },
    locations: [toSarifLocation(finding)],
    // ruleId stays the rule id that viewers group by; the finer kind and its data ride along.
    properties: {
      project: finding.project,
      found: finding.found,
      reference: finding.reference,
      kind: finding.kind,
      fixable: isFixable(finding),
      ...(finding.data === undefined ? {} : { data: finding.data }),
    },
  };
}

/** Viewers show only the message, so it carries the headline, the expectation and the fix. */
function formatSarifMessage(finding: Finding): string {
  const parts = [finding.title];
  if (finding.expected) parts.push(`Expected pattern: ${finding.expected}`);
  if (finding.fix) parts.push(`Fix: ${finding.fix}`);
  return parts.join('\n');
}

function toSarifLocation(finding: Finding): Location {
  const artifactLocation = { uri: encodePathAsUri(finding.file), uriBaseId: '%SRCROOT%' };
  // SARIF positions are 1-based; 0 means the finding has none, so no region is written.
  if (finding.line <= 0) return { physicalLocation: { artifactLocation } };
  const region = finding.column > 0 ? { startLine: finding.line, startColumn: finding.column } : { startLine: finding.line };
  return { physicalLocation: { artifactLocation, region } };
}

/** A path segment may hold spaces, `#` or `%`, which a URI reference must escape. */
function encodePathAsUri(file: string): string {
  return file.split('/').map(encodeURIComponent).join('/');
}

/**
 * The plugin's own version. The compiled file (dist/report) and the source (src/report) both sit
 * two levels under the package root; a bundler that moves it should not break the report.
 */
function readDriverVersion(): string {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const version = (require('../../package.json') as { version?: unknown }).version;
    return typeof version === 'string' ? version : '0.0.0';
  } catch {
    return '0.0.0';
  }
}
