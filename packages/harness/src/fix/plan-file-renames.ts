import * as path from 'node:path';
import type { Finding } from '../core/finding';
import type { ProjectInfo } from '../collect/types';
import { readFindingData } from './classify-finding';
import type { WorkspaceLanguageService } from './create-language-service';
import { applyTextEdits, countEditsByFile, type TextEdit } from './text-edits';
import type { FixChange, PlanOutcome, SkippedFinding } from './types';
import type { WorkspaceDraft } from './workspace-draft';
import { CODE_FILE } from '../core/source-files';

/**
 * Renames each flagged file in its folder and rewrites every import specifier that leads to it.
 * The language service says which specifiers lead to the file; the rewrite itself only swaps the
 * last path segment's name, so `./invoiceHandler.js` keeps its `.js` and an alias keeps its form.
 * Files are renamed one after another, each on the draft the previous one left.
 */
export function planFileRenames(
  ls: WorkspaceLanguageService,
  draft: WorkspaceDraft,
  projects: Record<string, ProjectInfo>,
  findings: Finding[],
): PlanOutcome {
  const changes: FixChange[] = [];
  const skipped: SkippedFinding[] = [];
  for (const finding of findings) {
    const planned = planFileRename(ls, draft, projects, finding);
    if (typeof planned === 'string') {
      skipped.push({ finding, reason: planned });
      continue;
    }
    applyTextEdits(draft, planned.edits);
    draft.moveFile(finding.file, planned.newFile);
    changes.push({ file: planned.newFile, kind: 'rename-file', description: `renamed ${finding.file} to ${planned.newFile}`, from: finding.file });
    for (const [file, count] of countEditsByFile(planned.edits)) {
      const where = file === finding.file ? planned.newFile : file;
      changes.push({ file: where, kind: 'edit', description: `${where}: updated ${count} ${count === 1 ? 'import' : 'imports'} of ${finding.file} to ${planned.newFile}` });
    }
  }
  return { changes, skipped };
}

function planFileRename(
  ls: WorkspaceLanguageService,
  draft: WorkspaceDraft,
  projects: Record<string, ProjectInfo>,
  finding: Finding,
): { newFile: string; edits: TextEdit[] } | string {
  const { from, to: newBase } = readFindingData(finding, 'naming/file-style')!.rename;
  if (from !== path.posix.basename(finding.file)) return `the finding names \`${from}\`, not ${finding.file}; run the check again`;
  const dir = path.posix.dirname(finding.file);
  const newFile = dir === '.' ? newBase : `${dir}/${newBase}`;
  if (/[/\\\0]/.test(newBase) || newBase === '.' || newBase === '..' || !CODE_FILE.test(newBase)) {
    return `\`${newBase}\` is not a file name in the same folder; rename ${finding.file} by hand`;
  }
  if (draft.readText(finding.file) === undefined) return `${finding.file} no longer exists; run the check again`;
  const caseOnly = newFile.toLowerCase() === finding.file.toLowerCase();
  if (!caseOnly && draft.readText(newFile) !== undefined) return `${newFile} already exists; merge or rename the files by hand`;
  const entry = Object.values(projects).find((p) => p.entryPoints.includes(finding.file));
  if (entry) return `${finding.file} is the entry point of ${entry.name}, named in tsconfig paths or package.json; rename it there and here by hand`;
  const oldStem = stripExtension(path.posix.basename(finding.file));
  const newStem = stripExtension(newBase);
  const edits: TextEdit[] = [];
  for (const change of ls.service.getEditsForFileRename(ls.toFileName(finding.file), ls.toFileName(newFile), {}, {})) {
    const file = ls.toWorkspacePath(change.fileName);
    if (file === undefined) return `an import of ${finding.file} is outside the workspace (${change.fileName}); rename it by hand`;
    const text = draft.readText(file) ?? '';
    for (const { span } of change.textChanges) {
      const specifier = text.slice(span.start, span.start + span.length);
      const renamed = renameLastSegment(specifier, oldStem, newStem);
      // The renamed file's own imports need no change: it stays in the same folder.
      if (renamed === undefined && file === finding.file) continue;
      if (renamed === undefined) return `the import "${specifier}" in ${file} does not name ${oldStem}; rename ${finding.file} by hand`;
      edits.push({ file, start: span.start, end: span.start + span.length, text: renamed });
    }
  }
  return { newFile, edits };
}

function stripExtension(base: string): string {
  return base.replace(CODE_FILE, '');
}

/** `./lib/invoiceHandler.js` → `./lib/invoice-handler.js`; undefined when the last segment is another name. */
function renameLastSegment(specifier: string, oldStem: string, newStem: string): string | undefined {
  const slash = specifier.lastIndexOf('/');
  const last = specifier.slice(slash + 1);
  if (last !== oldStem && !(last.startsWith(`${oldStem}.`) && CODE_FILE.test(last) && stripExtension(last) === oldStem)) return undefined;
  return specifier.slice(0, slash + 1) + newStem + last.slice(oldStem.length);
}
