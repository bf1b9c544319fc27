import type * as ts from 'typescript';
import type { Finding } from '../core/finding';
import { readFindingData } from './classify-finding';
import type { WorkspaceLanguageService } from './create-language-service';
import { applyTextEdits, countEditsByFile, overlapsEdit, type TextEdit } from './text-edits';
import type { FixChange, PlanOutcome, SkippedFinding } from './types';
import type { WorkspaceDraft } from './workspace-draft';

/**
 * Renames each flagged identifier and every reference to it across the workspace: declarations,
 * imports, re-exports and tests, as the language service finds them. All renames are planned on
 * the same program, where the findings' positions are still true, and applied together; a rename
 * that would clash with a name already in a file it edits, or overlap another rename, is skipped.
 */
export function planIdentifierRenames(ls: WorkspaceLanguageService, draft: WorkspaceDraft, findings: Finding[]): PlanOutcome {
  const accepted: TextEdit[] = [];
  /** New names per file, so two renames in one fix cannot introduce the same name twice. */
  const introduced = new Map<string, Set<string>>();
  const changes: FixChange[] = [];
  const skipped: SkippedFinding[] = [];
  for (const finding of findings) {
    const planned = findRenameEdits(ls, finding);
    if (typeof planned === 'string') {
      skipped.push({ finding, reason: planned });
      continue;
    }
    const { edits, oldName, newName } = planned;
    const counts = countEditsByFile(edits);
    const clash = [...counts.keys()].find((file) => introduced.get(file)?.has(newName) || usesName(ls, file, newName));
    if (clash) {
      skipped.push({ finding, reason: `\`${newName}\` is already used in ${clash}; rename \`${oldName}\` by hand to a name that is free` });
      continue;
    }
    if (edits.some((edit) => accepted.some((other) => overlapsEdit(edit, other)))) {
      skipped.push({ finding, reason: `its references overlap another rename in this fix; run --fix again to rename \`${oldName}\`` });
      continue;
    }
    accepted.push(...edits);
    for (const [file, count] of counts) {
      introduced.set(file, (introduced.get(file) ?? new Set()).add(newName));
      changes.push({
        file,
        kind: 'rename-identifier',
        description: `${file}: renamed \`${oldName}\` to \`${newName}\` (${count} ${count === 1 ? 'occurrence' : 'occurrences'})`,
      });
    }
  }
  applyTextEdits(draft, accepted);
  return { changes, skipped };
}

/** The edits that rename the identifier a finding points at, or why it cannot be renamed. */
function findRenameEdits(ls: WorkspaceLanguageService, finding: Finding): { edits: TextEdit[]; oldName: string; newName: string } | string {
  const { from: oldName, to: newName } = readFindingData(finding, 'naming/identifier-style')!.rename;
  if (!isValidIdentifier(ls.ts, newName)) return `\`${newName}\` is not a valid identifier; rename \`${oldName}\` by hand`;
  const sourceFile = ls.getSourceFile(finding.file);
  if (!sourceFile) return `${finding.file} is not a TypeScript or JavaScript file of the workspace`;
  const position = findPosition(sourceFile, finding.line, finding.column);
  if (position === undefined || sourceFile.text.slice(position, position + oldName.length) !== oldName) {
    return `\`${oldName}\` is no longer at ${finding.file}:${finding.line}:${finding.column}; run the check again`;
  }
  const fileName = ls.toFileName(finding.file);
  const info = ls.service.getRenameInfo(fileName, position, {});
  if (!info.canRename) return `TypeScript cannot rename \`${oldName}\`: ${info.localizedErrorMessage}`;
  // Without prefix and suffix text the public name changes too, so importers and re-exports follow.
  const locations = ls.service.findRenameLocations(fileName, position, false, false, { providePrefixAndSuffixTextForRename: false }) ?? [];
  const edits: TextEdit[] = [];
  for (const location of locations) {
    const file = ls.toWorkspacePath(location.fileName);
    if (file === undefined) return `a reference to \`${oldName}\` is outside the workspace (${location.fileName}); rename it by hand`;
    const start = location.textSpan.start;
    const end = start + location.textSpan.length;
    if (edits.some((e) => e.file === file && e.start === start)) continue;
    const located = ls.getSourceFile(file)!;
    if (located.text.slice(start, end) !== oldName) return `TypeScript found a reference to \`${oldName}\` in ${file} that is spelled differently; rename it by hand`;
    edits.push({ file, start, end, text: isShorthandProperty(ls.ts, located, start) ? `${oldName}: ${newName}` : newName });
  }
  return { edits, oldName, newName };
}

/** The offset of a 1-based line and column, or undefined when the file is shorter. */
function findPosition(sourceFile: ts.SourceFile, line: number, column: number): number | undefined {
  const starts = sourceFile.getLineStarts();
  if (line < 1 || line > starts.length || column < 1) return undefined;
  const position = starts[line - 1] + column - 1;
  return position < sourceFile.text.length ? position : undefined;
}

/**
 * True for the name in `{ processInvoice }`: renaming only the variable would rename the object's
 * key too, so the key is kept (`{ processInvoice: process_invoice }`) for whoever reads it.
 */
function isShorthandProperty(t: typeof ts, sourceFile: ts.SourceFile, position: number): boolean {
  const node = findNodeAt(sourceFile, position);
  return !!node && t.isShorthandPropertyAssignment(node.parent) && node.parent.name === node;
}

/** The innermost node, token included, that covers the position. */
function findNodeAt(node: ts.Node, position: number): ts.Node | undefined {
  const sourceFile = node.getSourceFile();
  const child = node.getChildren(sourceFile).find((c) => c.getStart(sourceFile) <= position && position < c.getEnd());
  return child ? (findNodeAt(child, position) ?? child) : undefined;
}

/** True when the file already has an identifier spelled `name`, whatever it names. */
function usesName(ls: WorkspaceLanguageService, file: string, name: string): boolean {
  const sourceFile = ls.getSourceFile(file);
  if (!sourceFile) return false;
  const visit = (node: ts.Node): boolean => (ls.ts.isIdentifier(node) && node.text === name) || !!ls.ts.forEachChild(node, (child) => visit(child) || undefined);
  return visit(sourceFile);
}

/** An identifier the language accepts as a binding name in a module (strict mode). */
function isValidIdentifier(t: typeof ts, name: string): boolean {
  const chars = [...name];
  const isIdentifierText =
    chars.length > 0 &&
    chars.every((ch, i) => (i === 0 ? t.isIdentifierStart : t.isIdentifierPart)(ch.codePointAt(0)!, t.ScriptTarget.Latest));
  if (!isIdentifierText) return false;
  const keyword = t.identifierToKeywordKind(t.factory.createIdentifier(name));
  if (keyword === undefined) return true;
  const reserved = keyword >= t.SyntaxKind.FirstReservedWord && keyword <= t.SyntaxKind.LastReservedWord;
  const futureReserved = keyword >= t.SyntaxKind.FirstFutureReservedWord && keyword <= t.SyntaxKind.LastFutureReservedWord;
  return !reserved && !futureReserved;
}
