/**
 * Every kind of finding the check emits, as `<rule id>/<what is wrong>` (`internal/` for the
 * check's own failures, whatever rule they name). A kind is stable, like ESLint's messageId:
 * `--fix`, the json and sarif reports and agents key on it, never on the English of a title or a
 * Fix line, so rewording a message changes no behaviour. Add a kind here when a rule gains a new
 * finding; the specs check that each one is emitted.
 */
export const FINDING_KINDS = [
  'dependency-constraints/unconstrained',
  'dependency-constraints/only-depend-on',
  'dependency-constraints/only-untagged',
  'dependency-constraints/not-depend-on',
  'dependency-constraints/banned-external-import',
  'dependency-constraints/banned-nested-import',
  'dependency-constraints/non-buildable-import',
  'dependency-constraints/static-lazy-import',
  'dependency-constraints/uninstalled-package',
  'dependency-constraints/transitive-package',
  'dependency-constraints/no-import-analysis',
  'dependency-constraints/unknown-graph-node',
  'public-api/deep-import',
  'public-api/relative-import',
  'public-api/missing-graph-edge',
  'circular/project-cycle',
  'circular/self-import',
  'layers/upward-import',
  'layers/peer-import',
  'naming/invalid-style',
  'naming/identifier-style',
  'naming/file-style',
  'docs/missing-document',
  'docs/missing-section',
  'docs/empty-section',
  'docs/missing-workspace-document',
  'docs/module-not-in-map',
  'docs/broken-link',
  'docs/missing-path',
  'agents-md/over-line-budget',
  'agents-md/over-chain-budget',
  'agents-md/repeated-line',
  'agents-md/missing-path',
  'agents-md/broken-link',
  'agents-md/broken-anchor',
  'agents-md/unknown-script',
  'agents-md/unknown-project',
  'agents-md/unknown-target',
  'tests/no-tests',
  'tests/changed-file-untested',
  'tests/unreadable-base',
  'coverage/missing-report',
  'coverage/stale-report',
  'coverage/invalid-report',
  'coverage/no-totals',
  'coverage/below-threshold',
  'file-size/too-long',
  'no-console/console-call',
  'api-contract/duplicate-operation-id',
  'api-contract/missing-handler',
  'api-contract/stray-handler',
  'api-contract/invalid-spec',
  'syntax/parse-error',
  // Any rule that throws leaves this one (its `rule` is the rule that failed).
  'internal/rule-failed',
] as const;

export type FindingKind = (typeof FINDING_KINDS)[number];

/** An old and a new name: an identifier, or a file's base name (the folder stays). */
export interface Rename {
  from: string;
  to: string;
}

/**
 * The data a finding carries beside its prose, by kind; a kind not named here carries none.
 * Naming findings carry a rename only when the style can suggest a name (not for a /regex/).
 */
export interface FindingDataByKind {
  'naming/identifier-style': { rename: Rename };
  'naming/file-style': { rename: Rename };
  /** `document` is the file's base name (`README.md`); the finding's `file` is its path. */
  'docs/missing-document': { document: string; sections: string[] };
  'docs/missing-section': { document: string; section: string };
  'docs/empty-section': { document: string; section: string };
  /** The workspace-relative test file to create. */
  'tests/no-tests': { testFile: string };
  'tests/changed-file-untested': { testFile: string };
}

export type FindingData = FindingDataByKind[keyof FindingDataByKind];

/** The data type of one kind: `never` for a kind that carries none. */
export type FindingDataOf<K extends FindingKind> = K extends keyof FindingDataByKind ? FindingDataByKind[K] : never;

/** The mechanical fixes `--fix` knows; every other finding needs a person or an agent. */
export type FindingFix = 'rename-identifier' | 'rename-file' | 'scaffold-section' | 'create-document' | 'create-test';

/** Which fix each fixable kind gets, when its data is there. */
const FIX_OF_KIND: Partial<Record<FindingKind, FindingFix>> = {
  'naming/identifier-style': 'rename-identifier',
  'naming/file-style': 'rename-file',
  'docs/missing-section': 'scaffold-section',
  'docs/missing-document': 'create-document',
  'tests/no-tests': 'create-test',
  'tests/changed-file-untested': 'create-test',
};

/** The kinds `--fix` may fix, for docs and tests. */
export const FIXABLE_KINDS = Object.keys(FIX_OF_KIND) as FindingKind[];

/**
 * Which fix `--fix` applies to a finding, from its kind and data alone; undefined when none does.
 * This is the one place that decides it: `--fix`, `fixable` in the reports and the MCP server
 * all ask here.
 */
export function classifyFinding(finding: { kind: FindingKind; data?: unknown }): FindingFix | undefined {
  const fix = FIX_OF_KIND[finding.kind];
  return fix && finding.data !== undefined ? fix : undefined;
}

/** True when `--fix` has a mechanical fix for the finding. */
export function isFixable(finding: { kind: FindingKind; data?: unknown }): boolean {
  return classifyFinding(finding) !== undefined;
}
