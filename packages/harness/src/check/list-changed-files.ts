import * as fs from 'node:fs';
import * as path from 'node:path';
import type { GitRunner } from '../collect/types';

/**
 * Files changed against git's HEAD, tracked or new (not ignored), relative to the workspace root
 * (which may sit below the repository's top). Deleted files are left out: nothing is left to judge.
 */
export function listChangedFiles(workspaceRoot: string, git: GitRunner): string[] {
  let changed: string[];
  try {
    changed = git(['diff', '--name-only', '--relative', 'HEAD', '--']).split('\n');
  } catch {
    // No commit yet: every file git does not ignore is new.
    changed = git(['ls-files', '--cached']).split('\n');
  }
  const added = git(['ls-files', '--others', '--exclude-standard']).split('\n');
  const files = [...new Set([...changed, ...added].map((f) => f.trim()).filter(Boolean))];
  return files.filter((f) => fs.existsSync(path.join(workspaceRoot, f))).sort();
}
