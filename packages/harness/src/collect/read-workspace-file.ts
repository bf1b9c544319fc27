import * as fs from 'node:fs';
import * as path from 'node:path';

/** Resolves a workspace-relative path, refusing any that would leave the workspace. */
export function resolveInsideWorkspace(workspaceRoot: string, file: string): string | undefined {
  const full = path.resolve(workspaceRoot, file);
  const rel = path.relative(workspaceRoot, full);
  return rel.startsWith('..') || path.isAbsolute(rel) ? undefined : full;
}

/** Reads a workspace text file; undefined when missing, unreadable or outside the workspace. */
export function readWorkspaceText(workspaceRoot: string, file: string): string | undefined {
  const full = resolveInsideWorkspace(workspaceRoot, file);
  if (!full) return undefined;
  try {
    return fs.readFileSync(full, 'utf8');
  } catch {
    return undefined;
  }
}

export function readWorkspaceMtime(workspaceRoot: string, file: string): number | undefined {
  const full = resolveInsideWorkspace(workspaceRoot, file);
  if (!full) return undefined;
  try {
    return fs.statSync(full).mtimeMs;
  } catch {
    return undefined;
  }
}

export function existsInWorkspace(workspaceRoot: string, file: string): boolean {
  const full = resolveInsideWorkspace(workspaceRoot, file);
  return !!full && fs.existsSync(full);
}
