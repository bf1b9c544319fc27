import * as fs from 'node:fs';
import * as path from 'node:path';
import { listFiles } from './list-files';
import { runCommand } from './run-command';

/**
 * Path → content of every file under `dir/sub`, tool folders aside. Two snapshots compare with
 * `toEqual`, and jest's diff then names the file a command created, deleted or changed.
 */
export function snapshotFiles(dir: string, sub = '.'): Record<string, string> {
  const root = path.join(dir, sub);
  const snapshot: Record<string, string> = {};
  for (const file of listFiles(root)) snapshot[file] = fs.readFileSync(path.join(root, file), 'utf8');
  return snapshot;
}

/** `git status --porcelain`, untracked files listed one by one so a new file inside a new folder shows. */
export async function readGitStatus(dir: string): Promise<string> {
  const result = await runCommand('git', ['status', '--porcelain', '--untracked-files=all'], { cwd: dir });
  if (result.code !== 0) throw new Error(`git status failed in "${dir}":\n${result.output}`);
  return result.stdout;
}
