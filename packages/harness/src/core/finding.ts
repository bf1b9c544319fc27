import type { FindingDataOf, FindingKind } from './finding-kinds';

export type { FindingData, FindingDataByKind, FindingKind, Rename } from './finding-kinds';

/** How much a finding matters; `off` silences a rule entirely. */
export type Severity = 'error' | 'warn' | 'off';

/**
 * One thing the check found. Every rule returns these and every reporter reads only these,
 * so the fields are the whole contract between the two stages. The prose fields are for people;
 * `kind` and `data` are for programs (`--fix`, agents), which never parse the prose.
 */
export type Finding = { [K in FindingKind]: FindingFields & KindAndData<K> }[FindingKind];

/** A kind with the data it may carry, so `finding.kind === 'naming/file-style'` types `data`. */
type KindAndData<K extends FindingKind> = [FindingDataOf<K>] extends [never]
  ? { kind: K; data?: undefined }
  : { kind: K; data?: FindingDataOf<K> };

/** The fields every finding has, whatever its kind. */
export interface FindingFields {
  /** Stable rule id, e.g. `naming`. */
  rule: string;
  /** Stable kind of finding, e.g. `naming/identifier-style` (see FINDING_KINDS). */
  kind: FindingKind;
  severity: Exclude<Severity, 'off'>;
  /** Short headline printed after `ERROR:`, e.g. `Naming convention violation`. */
  title: string;
  /** Nx project name the finding belongs to. */
  project: string;
  /** Workspace-relative path with forward slashes. */
  file: string;
  /** 1-based line; 0 when the finding concerns a whole file. */
  line: number;
  /** 1-based column; 0 when unknown. */
  column: number;
  /** What was found, as written in the source (printed in backticks). */
  found: string;
  /** The rule in words. */
  expected: string;
  /** A concrete step that removes the finding. */
  fix: string;
  /** Workspace-relative doc path with an anchor, e.g. `modules/billing/CONVENTIONS.md#naming`. */
  reference: string;
}

/** Orders findings by file, then line, then rule, so every report is deterministic. */
export function sortFindings(findings: Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) =>
      a.file.localeCompare(b.file) ||
      a.line - b.line ||
      a.column - b.column ||
      a.rule.localeCompare(b.rule) ||
      a.found.localeCompare(b.found),
  );
}
