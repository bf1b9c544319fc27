import * as path from 'node:path';
import { readJson, updateJson, type Tree } from '@nx/devkit';

/** npm workspaces must cover the module's folder, or Nx and npm will not see it as a package. */
export function addWorkspaceGlob(tree: Tree, directory: string): void {
  if (!tree.exists('package.json')) return;
  const pkg = readJson(tree, 'package.json');
  const globs: string[] | undefined = Array.isArray(pkg.workspaces) ? pkg.workspaces : pkg.workspaces?.packages;
  if (!globs) return;
  const glob = `${path.posix.dirname(directory)}/*`;
  const covered = globs.some((g) => g === glob || g === directory || new RegExp(`^${g.replace(/\*\*/g, '.*').replace(/(?<!\.)\*/g, '[^/]*')}$`).test(directory));
  if (covered) return;
  updateJson(tree, 'package.json', (json) => {
    if (Array.isArray(json.workspaces)) json.workspaces.push(glob);
    else json.workspaces.packages.push(glob);
    return json;
  });
}
