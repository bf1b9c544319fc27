import * as fs from 'node:fs';
import * as path from 'node:path';
import { HarnessUsageError } from '../config/config-error';

/** The nearest folder at or above `from` that holds nx.json, or undefined outside any workspace. */
export function locateWorkspaceRoot(from: string): string | undefined {
  let dir = path.resolve(from);
  for (;;) {
    if (fs.existsSync(path.join(dir, 'nx.json'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** The Nx workspace being checked; outside one, a one-line usage error. */
export function findWorkspaceRoot(from: string): string {
  const root = locateWorkspaceRoot(from);
  if (!root) throw new HarnessUsageError(from, 'is not inside an Nx workspace (no nx.json here or above)', 'run harness from the workspace folder');
  return root;
}
