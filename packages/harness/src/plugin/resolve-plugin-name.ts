import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';

/** The names a workspace installs this plugin under: the alias first, then its own npm name. */
const INSTALL_NAMES = ['harness', 'nx-harness'];
const OWN_NAME = 'nx-harness';

/** Where the workspace finds this plugin: the name it is installed under and its folder as the workspace sees it. */
export interface PluginLocation {
  name: string;
  /** The folder under a `node_modules` that Node's lookup reached, before symlinks (pnpm, workspaces) are followed. */
  dir: string;
}

/**
 * Finds this plugin the way Node resolves it from the workspace root: in its own `node_modules`,
 * a parent folder's (hoisted), or through pnpm's symlinks into `node_modules/.pnpm`. A package
 * counts only when its real folder is this plugin's, so an unrelated package named `harness` does not.
 */
export function locatePlugin(workspaceRoot: string, ownDir: string = readOwnDir()): PluginLocation | undefined {
  const own = realpathOrSelf(ownDir);
  for (const name of INSTALL_NAMES) {
    const dir = findInstalledPackage(workspaceRoot, name);
    if (dir !== undefined && realpathOrSelf(dir) === own) return { name, dir };
  }
  return undefined;
}

/**
 * The name under which the workspace installed this plugin: `harness` when added as
 * `harness@file:…` or `harness@npm:nx-harness`, else its own name. The executor is addressed by it.
 */
export function resolvePluginName(workspaceRoot: string, ownDir?: string): string {
  return locatePlugin(workspaceRoot, ownDir)?.name ?? OWN_NAME;
}

/**
 * The folder of package `name` as `require('<name>/package.json')` from `fromDir` finds it: the first
 * `<folder>/<name>` on Node's own lookup chain (`require.resolve.paths`: each ancestor's
 * `node_modules`, then NODE_PATH and the global folders), before symlinks are followed, so pnpm's
 * `node_modules/<name>` stays the path the workspace sees. (`require.resolve` itself returns the
 * real path, and under jest it also finds this repository's own packages from any folder.)
 */
export function findInstalledPackage(fromDir: string, name: string): string | undefined {
  const folders = createRequire(path.join(fromDir, 'package.json')).resolve.paths(name) ?? [];
  return folders.map((folder) => path.join(folder, name)).find((dir) => fs.existsSync(path.join(dir, 'package.json')));
}

/** The package folder of this file: `dist/plugin` when installed, `src/plugin` when run from source. */
function readOwnDir(): string {
  return path.resolve(__dirname, '..', '..');
}

function realpathOrSelf(dir: string): string {
  try {
    return fs.realpathSync(dir);
  } catch {
    return dir;
  }
}
