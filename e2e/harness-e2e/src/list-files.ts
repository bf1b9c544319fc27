import * as fs from 'node:fs';
import * as path from 'node:path';

/** Folders that tools rewrite on their own; they say nothing about what a command wrote. */
export const TOOL_FOLDERS = ['node_modules', '.git', '.nx'];

/** Every file under `root`, as sorted `/`-separated paths relative to it, skipping `skip` folders. */
export function listFiles(root: string, skip: string[] = TOOL_FOLDERS): string[] {
  if (!fs.existsSync(root)) return [];
  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!skip.includes(entry.name)) walk(full);
      } else {
        files.push(path.relative(root, full).split(path.sep).join('/'));
      }
    }
  };
  walk(root);
  return files.sort();
}
