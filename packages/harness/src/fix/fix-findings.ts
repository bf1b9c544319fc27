import type { Finding } from '../core/finding';
import { classifyFinding, describeNoFix, type FindingFix } from './classify-finding';
import { createLanguageService, type WorkspaceLanguageService } from './create-language-service';
import { NODE_FILE_SYSTEM } from './node-file-system';
import { planDocuments } from './plan-documents';
import { planFileRenames } from './plan-file-renames';
import { planIdentifierRenames } from './plan-identifier-renames';
import { planTestStubs } from './plan-test-stubs';
import type { FixChange, FixInput, FixResult, PlanOutcome, SkippedFinding } from './types';
import { createWorkspaceDraft } from './workspace-draft';
import { writeOperations } from './write-operations';

/**
 * `harness-check --fix` for one project: plans every safe mechanical fix in memory, then writes
 * them all as one unit. Identifier renames come first (planned on the untouched program, where
 * the findings' positions hold), then file renames, documents and test stubs, each on the draft
 * the previous step left. If a write fails, every file is restored and `failure` says why.
 */
export async function fixFindings(input: FixInput): Promise<FixResult> {
  const { project } = input;
  const groups = groupFindings(input.findings, project.name);
  const draft = createWorkspaceDraft(
    Object.values(input.projects).flatMap((p) => p.files),
    input.readText,
  );
  let ls: WorkspaceLanguageService | undefined;
  const languageService = () => (ls ??= createLanguageService(input.workspaceRoot, draft, input.projects));
  const outcomes: PlanOutcome[] = [{ changes: [], skipped: groups.skipped }];
  const planned = (fix: FindingFix) => groups.byFix.get(fix) ?? [];
  if (planned('rename-identifier').length) outcomes.push(planIdentifierRenames(languageService(), draft, planned('rename-identifier')));
  if (planned('rename-file').length) outcomes.push(planFileRenames(languageService(), draft, input.projects, planned('rename-file')));
  outcomes.push(planDocuments(draft, project, [...planned('scaffold-section'), ...planned('create-document')]));
  if (planned('create-test').length) outcomes.push(planTestStubs(languageService(), draft, project, planned('create-test')));
  const changes = outcomes.flatMap((o) => o.changes);
  const skipped = outcomes.flatMap((o) => o.skipped);
  const operations = draft.listOperations();
  const unreported = findUnreportedFile(operations.map((op) => (op.kind === 'move' ? op.to : op.file)), changes);
  const failure =
    unreported !== undefined
      ? `harness-check --fix: planned a change to "${unreported}" that it would not report, so it changed nothing; report this as a bug`
      : writeOperations(input.workspaceRoot, operations, { ...NODE_FILE_SYSTEM, ...input.fileSystem });
  if (failure === undefined) return { changes, skipped };
  const left = new Set(skipped.map((s) => s.finding));
  return {
    changes: [],
    skipped: [...skipped, ...input.findings.filter((f) => !left.has(f)).map((finding) => ({ finding, reason: failure }))],
    failure,
  };
}

/** Sorts findings by the fix that applies; findings of other projects or with no fix are skipped. */
function groupFindings(findings: Finding[], project: string): { byFix: Map<FindingFix, Finding[]>; skipped: SkippedFinding[] } {
  const byFix = new Map<FindingFix, Finding[]>();
  const skipped: SkippedFinding[] = [];
  for (const finding of findings) {
    if (finding.project !== project) {
      skipped.push({ finding, reason: `the finding belongs to ${finding.project}; run --fix on that project` });
      continue;
    }
    const fix = classifyFinding(finding);
    if (fix) byFix.set(fix, [...(byFix.get(fix) ?? []), finding]);
    else skipped.push({ finding, reason: describeNoFix(finding) });
  }
  return { byFix, skipped };
}

/** The first written file no change names: the guard behind "changes only what it reports". */
function findUnreportedFile(files: string[], changes: FixChange[]): string | undefined {
  const reported = new Set(changes.map((c) => c.file));
  return files.find((file) => !reported.has(file));
}
