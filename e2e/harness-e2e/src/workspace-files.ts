import * as fs from 'node:fs';
import * as path from 'node:path';

/** Reads and writes files of an e2e workspace by workspace-relative path; `root` gives its folder once it exists. */
export function createWorkspaceFiles(root: () => string): { read(name: string): string; write(name: string, text: string): void } {
  return {
    read: (name) => fs.readFileSync(path.join(root(), name), 'utf8'),
    write: (name, text) => {
      fs.mkdirSync(path.dirname(path.join(root(), name)), { recursive: true });
      fs.writeFileSync(path.join(root(), name), text);
    },
  };
}
