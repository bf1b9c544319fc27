import * as path from 'node:path';
import { resolveInsideWorkspace } from '../collect/read-workspace-file';
import type { FixFileSystem } from './types';
import type { FileOperation } from './workspace-draft';

/** Raised for the one operation that failed; `file` is workspace-relative. */
class OperationError extends Error {
  constructor(
    readonly file: string,
    cause: string,
  ) {
    super(cause);
  }
}

/**
 * Writes the planned operations as one unit: if any fails, every operation already done is undone
 * in reverse order (files restored byte for byte, created files and folders removed). Returns
 * undefined on success, or one sentence saying what failed and what was restored.
 */
export function writeOperations(workspaceRoot: string, operations: FileOperation[], fileSystem: FixFileSystem): string | undefined {
  const undo: Array<{ file: string; run: () => void }> = [];
  try {
    // Every path is checked before the first write, so a refused path changes nothing.
    const resolve = createPathResolver(workspaceRoot, fileSystem);
    const resolved = operations.map((op) => (op.kind === 'move' ? { op, from: resolve(op.from), to: resolve(op.to) } : { op, to: resolve(op.file) }));
    for (const { op, from, to } of resolved) {
      if (op.kind === 'move') moveFile(op, from!, to, fileSystem, undo, workspaceRoot);
      else writeFile(op, to, fileSystem, undo, workspaceRoot);
    }
    return undefined;
  } catch (error) {
    const file = error instanceof OperationError ? error.file : '?';
    const cause = error instanceof Error ? error.message : String(error);
    const unrestored = restoreAll(undo);
    const outcome = unrestored.length
      ? `could not restore ${unrestored.map((f) => `"${f}"`).join(', ')}: restore them from version control`
      : 'every file was left as it was';
    return `harness-check --fix: could not write "${file}" (${cause}); ${outcome}`;
  }
}

/** Maps a workspace-relative path to an absolute one, refusing any that leaves the workspace, also through a symlink. */
function createPathResolver(workspaceRoot: string, fileSystem: FixFileSystem): (file: string) => string {
  const realRoot = fileSystem.resolveRealPath(workspaceRoot);
  return (file) => {
    const full = resolveInsideWorkspace(workspaceRoot, file);
    let existing = full;
    while (existing && !fileSystem.exists(existing) && path.dirname(existing) !== existing) existing = path.dirname(existing);
    const real = existing && resolveInsideWorkspace(realRoot, path.relative(realRoot, fileSystem.resolveRealPath(existing)));
    if (!full || !real) throw new OperationError(file, 'the path leads outside the workspace');
    return full;
  };
}

function moveFile(
  op: { from: string; to: string },
  from: string,
  to: string,
  fileSystem: FixFileSystem,
  undo: Array<{ file: string; run: () => void }>,
  workspaceRoot: string,
): void {
  const caseOnly = from.toLowerCase() === to.toLowerCase();
  if (!caseOnly && fileSystem.exists(to)) throw new OperationError(op.to, 'a file of that name already exists');
  ensureDirectory(path.dirname(to), fileSystem, undo, workspaceRoot);
  perform(op.to, () => fileSystem.renameFile(from, to));
  undo.push({ file: op.from, run: () => fileSystem.renameFile(to, from) });
}

function writeFile(
  op: { file: string; text: string; before: string | undefined },
  full: string,
  fileSystem: FixFileSystem,
  undo: Array<{ file: string; run: () => void }>,
  workspaceRoot: string,
): void {
  const bytes = perform(op.file, () => fileSystem.readFile(full));
  if (bytes?.toString('utf8') !== op.before) throw new OperationError(op.file, 'it changed on disk while the fix was planned');
  ensureDirectory(path.dirname(full), fileSystem, undo, workspaceRoot);
  perform(op.file, () => fileSystem.writeFile(full, op.text));
  undo.push({ file: op.file, run: () => (bytes ? fileSystem.writeFile(full, bytes) : fileSystem.removeFile(full)) });
}

/** Creates the missing folders from the top down, each undone by removing it. */
function ensureDirectory(dir: string, fileSystem: FixFileSystem, undo: Array<{ file: string; run: () => void }>, workspaceRoot: string): void {
  const missing: string[] = [];
  for (let d = dir; !fileSystem.exists(d) && path.dirname(d) !== d; d = path.dirname(d)) missing.unshift(d);
  for (const d of missing) {
    const file = path.relative(workspaceRoot, d).split(path.sep).join('/');
    perform(file, () => fileSystem.makeDirectory(d));
    undo.push({ file, run: () => fileSystem.removeDirectory(d) });
  }
}

function perform<T>(file: string, run: () => T): T {
  try {
    return run();
  } catch (error) {
    throw new OperationError(file, error instanceof Error ? error.message : String(error));
  }
}

/** Undoes in reverse order and names what could not be undone; one failure does not stop the rest. */
function restoreAll(undo: Array<{ file: string; run: () => void }>): string[] {
  const unrestored: string[] = [];
  for (const step of [...undo].reverse()) {
    try {
      step.run();
    } catch {
      unrestored.push(step.file);
    }
  }
  return unrestored;
}
