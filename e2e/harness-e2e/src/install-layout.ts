import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCommand, type CommandResult } from './run-command';

/**
 * Where a workspace's packages land, as the package managers users run leave them:
 * - `npm`: `<workspace>/node_modules`, real folders;
 * - `hoisted`: the Nx workspace is a sub-folder of an npm workspaces root, whose `node_modules`
 *   (one level up) holds everything, the plugin too;
 * - `pnpm`: `<workspace>/node_modules/<name>` symlinks into `node_modules/.pnpm`;
 * - `yarn`: yarn 4 with the node-modules linker.
 */
export type InstallLayout = 'npm' | 'hoisted' | 'pnpm' | 'yarn';

/** Pinned, from the npm registry: corepack cannot download here. */
const PACKAGE_MANAGERS = {
  pnpm: { spec: 'pnpm@9.15.9', bin: 'pnpm' },
  yarn: { spec: '@yarnpkg/cli-dist@4.18.1', bin: 'yarn' },
};
const TOOLS_DIR = path.join(os.tmpdir(), 'harness-e2e-tools');
const NPM_INSTALL = ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'];
const INSTALL_TIMEOUT_MS = 5 * 60 * 1000;

/** Bin folders of the package managers installed by this process; every Nx and ESLint run gets them on PATH. */
const toolBins = new Set<string>();

/** The folder that holds the repository: the workspace itself, or its parent when the packages are hoisted there. */
export function findRepoRoot(dir: string, layout: InstallLayout): string {
  return layout === 'hoisted' ? path.dirname(dir) : dir;
}

/**
 * Installs the workspace's package.json with the layout's package manager, writing what that
 * manager needs first (the parent's npm workspaces package.json and .gitignore, pnpm-workspace.yaml,
 * .yarnrc.yml).
 * Resolves to the install command's result; a failure is the caller's to report.
 */
export async function installDependencies(dir: string, layout: InstallLayout): Promise<CommandResult> {
  if (layout === 'npm') return runCommand('npm', NPM_INSTALL, { cwd: dir, timeoutMs: INSTALL_TIMEOUT_MS });
  if (layout === 'hoisted') {
    const root = findRepoRoot(dir, layout);
    const manifest = { name: 'repo', version: '0.0.0', private: true, workspaces: [path.basename(dir)] };
    fs.writeFileSync(path.join(root, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    fs.writeFileSync(path.join(root, '.gitignore'), 'node_modules\n');
    return runCommand('npm', NPM_INSTALL, { cwd: root, timeoutMs: INSTALL_TIMEOUT_MS });
  }
  const bin = await ensurePackageManager(layout);
  if (layout === 'pnpm') {
    fs.writeFileSync(path.join(dir, 'pnpm-workspace.yaml'), "packages:\n  - 'libs/*'\n");
    // CI=true makes pnpm refuse to write a lockfile; a user's first install writes one.
    const args = ['install', '--prefer-offline', '--no-frozen-lockfile', '--reporter=silent'];
    return runCommand(bin, args, { cwd: dir, env: addToolPaths(process.env), timeoutMs: INSTALL_TIMEOUT_MS });
  }
  fs.writeFileSync(path.join(dir, '.yarnrc.yml'), 'nodeLinker: node-modules\nenableTelemetry: false\n');
  const env = addToolPaths({ ...process.env, YARN_ENABLE_IMMUTABLE_INSTALLS: 'false', YARN_ENABLE_PROGRESS_BARS: 'false' });
  return runCommand(bin, ['install'], { cwd: dir, env, timeoutMs: INSTALL_TIMEOUT_MS });
}

/** `env` with the package managers this process installed in front of PATH: Nx asks a pnpm workspace's `pnpm --version`. */
export function addToolPaths(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  if (toolBins.size === 0) return env;
  return { ...env, PATH: [...toolBins, env.PATH ?? ''].join(path.delimiter) };
}

/** Installs the pinned package manager once per machine, under the OS temp dir, and returns its binary. */
async function ensurePackageManager(manager: 'pnpm' | 'yarn'): Promise<string> {
  const { spec, bin } = PACKAGE_MANAGERS[manager];
  const prefix = path.join(TOOLS_DIR, spec.replace(/[@/]/g, '_'));
  const binDir = path.join(prefix, 'node_modules', '.bin');
  if (!fs.existsSync(path.join(binDir, bin))) {
    fs.mkdirSync(prefix, { recursive: true });
    const result = await runCommand('npm', [...NPM_INSTALL, '--prefix', prefix, spec], { cwd: prefix, timeoutMs: INSTALL_TIMEOUT_MS });
    if (result.code !== 0) throw new Error(`npm install ${spec} failed (exit ${result.code}):\n${result.output}`);
  }
  toolBins.add(binDir);
  return path.join(binDir, bin);
}
