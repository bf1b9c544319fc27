import type { WorkspaceDraft } from './workspace-draft';

/** Replace `[start, end)` of a workspace file's text with `text`. */
export interface TextEdit {
  file: string;
  start: number;
  end: number;
  text: string;
}

/** True when two edits of the same file touch overlapping text. */
export function overlapsEdit(a: TextEdit, b: TextEdit): boolean {
  return a.file === b.file && a.start < b.end && b.start < a.end;
}

/** Applies edits to the draft, each file's from the end backwards so earlier offsets stay valid. */
export function applyTextEdits(draft: WorkspaceDraft, edits: TextEdit[]): void {
  const byFile = new Map<string, TextEdit[]>();
  for (const edit of edits) byFile.set(edit.file, [...(byFile.get(edit.file) ?? []), edit]);
  for (const [file, fileEdits] of byFile) {
    let text = draft.readText(file)!;
    for (const edit of [...fileEdits].sort((a, b) => b.start - a.start)) {
      text = text.slice(0, edit.start) + edit.text + text.slice(edit.end);
    }
    draft.writeText(file, text);
  }
}

/** Counts edits per file, in first-seen order. */
export function countEditsByFile(edits: TextEdit[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const edit of edits) counts.set(edit.file, (counts.get(edit.file) ?? 0) + 1);
  return counts;
}
