import * as fs from 'node:fs';
import * as path from 'node:path';
import { execSync } from 'node:child_process';
import { detectPackageManager, getPackageManagerCommand, logger, updateJson, type Tree } from '@nx/devkit';
import { findInstalledPackage } from '../../../plugin/resolve-plugin-name';

/** The Nx packages harness's generators load, which must match the workspace's `nx`. */
const NX_PACKAGES = ['@nx/js', '@nx/devkit'];
const EXACT_VERSION = /^\d+\.\d+\.\d+(-[\w.]+)?$/;

/** What the preset does outside the tree: read node_modules and run the package manager. */
export interface PresetEffects {
  readInstalledVersion(root: string, pkg: string): string | undefined;
  runCommand(command: string, cwd: string): void;
}

export const DEFAULT_EFFECTS: PresetEffects = { readInstalledVersion, runCommand };

/**
 * npm satisfies nx-harness's peer range (`@nx/js >=21 <24`) with the newest minor, not with the
 * workspace's `nx`; @nx/js would then scaffold with, and ask to install, a second Nx version.
 * Installs the matching versions before @nx/js is first loaded, and pins them in package.json.
 */
export function alignNxPackages(tree: Tree, nxVersion: string, effects: PresetEffects): void {
  if (!EXACT_VERSION.test(nxVersion)) return;
  const stale = NX_PACKAGES.filter((pkg) => effects.readInstalledVersion(tree.root, pkg) !== nxVersion);
  const isDryRun = !!process.env.NX_DRY_RUN && process.env.NX_DRY_RUN !== 'false';
  if (stale.length && !isDryRun) {
    const specs = stale.map((pkg) => `${pkg}@${nxVersion}`).join(' ');
    logger.info(`harness: installing ${specs} to match nx ${nxVersion}`);
    effects.runCommand(`${getPackageManagerCommand(detectPackageManager(tree.root)).addDev} ${specs}`, tree.root);
  }
  if (!tree.exists('package.json')) return;
  updateJson(tree, 'package.json', (json) => {
    json.devDependencies = { ...json.devDependencies };
    for (const pkg of NX_PACKAGES) json.devDependencies[pkg] = nxVersion;
    return json;
  });
}

/** The version Node's resolution from the workspace root reaches: its own, a parent's (hoisted) or pnpm's node_modules. */
function readInstalledVersion(root: string, pkg: string): string | undefined {
  try {
    const dir = findInstalledPackage(root, pkg);
    return dir === undefined ? undefined : JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')).version;
  } catch {
    return undefined;
  }
}

function runCommand(command: string, cwd: string): void {
  execSync(command, { cwd, stdio: 'inherit', windowsHide: true });
}
