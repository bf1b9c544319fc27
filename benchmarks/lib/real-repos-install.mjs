// Gets a real repository ready to measure: extracted from its mirror at the pinned commit,
// installed once with its own package manager into a cache folder keyed by the commit (outside
// this repo), then per run a hard-linked working copy with the harness tarball installed.
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { benchEnv } from './workspace.mjs';

export const MIRROR_ROOT = process.env.HARNESS_REAL_REPOS_MIRROR ?? '/work/.mirror';
export const CACHE_ROOT = process.env.HARNESS_REAL_REPOS_CACHE ?? path.join(os.tmpdir(), 'harness-real-repos');

/** Environment for every install and tool run: no daemon, no cloud, no binary downloads. */
export function repoEnv(extra = {}) {
  return benchEnv({
    CI: 'true',
    CYPRESS_INSTALL_BINARY: '0',
    ELECTRON_SKIP_BINARY_DOWNLOAD: '1',
    PUPPETEER_SKIP_DOWNLOAD: 'true',
    HUSKY: '0',
    YARN_ENABLE_TELEMETRY: '0',
    YARN_ENABLE_GLOBAL_CACHE: 'false',
    // CI=true makes yarn refuse to touch the lockfile, and adding harness must
    YARN_ENABLE_IMMUTABLE_INSTALLS: 'false',
    // yarn berry defaults to registry.yarnpkg.com; only the npm registry is reachable here
    YARN_NPM_REGISTRY_SERVER: 'https://registry.npmjs.org',
    ...extra,
  });
}

export function runIn(cwd, cmd, args, log, extraEnv = {}) {
  log(`$ ${[cmd, ...args].join(' ')}   (in ${cwd})`);
  execFileSync(cmd, args, { cwd, env: repoEnv(extraEnv), stdio: ['ignore', 'inherit', 'inherit'], maxBuffer: 1 << 28 });
}

/** The mirror's git dir, or undefined when this machine has no snapshot of the repo. */
export function findMirror(repo) {
  const dir = path.join(MIRROR_ROOT, repo.slug.replace('/', '+'), 'repo');
  if (!fs.existsSync(dir)) return undefined;
  try {
    execFileSync('git', ['--git-dir', dir, 'cat-file', '-e', `${repo.commit}^{commit}`], { stdio: 'ignore' });
  } catch {
    return undefined;
  }
  return dir;
}

/** Which package manager command runs the repo's install, as the repo asks for it. */
export function packageManagerCommand(repo, dir) {
  if (repo.packageManager.startsWith('npm')) return ['npm', []];
  if (repo.packageManager.startsWith('pnpm')) return ['npx', ['-y', repo.packageManager]];
  // yarn berry: the release the repo vendors, or the registry's CLI build of the version it names
  const vendored = path.join(dir, '.yarn/releases');
  const release = fs.existsSync(vendored) ? fs.readdirSync(vendored).find((f) => f.endsWith('.cjs')) : undefined;
  if (release) return [process.execPath, [path.join(vendored, release)]];
  const version = repo.packageManager.split('@')[1];
  return ['npx', ['-y', '-p', `@yarnpkg/cli-dist@${version}`, 'yarn']];
}

// 2: the working copy gives package-manager state files their own inodes (yarn and pnpm write
// them in place, which had leaked a working copy's harness install into the cached one)
const CACHE_LAYOUT = 2;

function cacheKey(repo) {
  const text = JSON.stringify({ layout: CACHE_LAYOUT, commit: repo.commit, pm: repo.packageManager, convert: repo.convert?.toString() ?? '', node: process.version.split('.')[0] });
  return crypto.createHash('sha256').update(text).digest('hex').slice(0, 10);
}

/**
 * The installed copy of the repo at its commit, made once. Later runs reuse it as long as the
 * commit, the package manager and the conversion are the same.
 */
export function ensureInstalled(repo, mirror, log) {
  const dir = path.join(CACHE_ROOT, `${repo.id}-${repo.commit.slice(0, 12)}`);
  const marker = path.join(dir, '.harness-real-repos.json');
  const key = cacheKey(repo);
  if (fs.existsSync(marker) && JSON.parse(fs.readFileSync(marker, 'utf8')).key === key) {
    log(`${repo.id}: installed copy is current (${dir})`);
    return { dir, reused: true };
  }
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  log(`${repo.id}: extracting ${repo.slug}@${repo.commit.slice(0, 12)} into ${dir}`);
  execFileSync('sh', ['-c', `git --git-dir="${mirror}" archive ${repo.commit} | tar -x -C "${dir}"`]);
  const notes = repo.convert ? repo.convert(dir) : [];
  for (const note of notes) log(`${repo.id}: converted: ${note}`);
  const [cmd, pre] = packageManagerCommand(repo, dir);
  const started = Date.now();
  runIn(dir, cmd, [...pre, ...repo.installArgs], log);
  const installMs = Date.now() - started;
  fs.writeFileSync(marker, JSON.stringify({ key, repo: repo.slug, commit: repo.commit, installMs, conversions: notes }, null, 2));
  return { dir, reused: false, installMs };
}

export function readInstallInfo(dir) {
  return JSON.parse(fs.readFileSync(path.join(dir, '.harness-real-repos.json'), 'utf8'));
}

/**
 * A working copy for one run: files copied, node_modules hard-linked (a package manager replaces
 * files rather than writing into them, so the cached install stays as it was), then a git
 * baseline so each injected change can be reverted.
 */
export function makeWorkingCopy(repo, installedDir, log) {
  const dir = path.join(CACHE_ROOT, 'work', repo.id);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(path.dirname(dir), { recursive: true });
  log(`${repo.id}: working copy ${dir} (node_modules hard-linked)`);
  execFileSync('cp', ['-al', installedDir, dir]);
  unlinkOutsideNodeModules(dir);
  unlinkStateFiles(dir);
  fs.rmSync(path.join(dir, '.harness-real-repos.json'));
  return dir;
}

function ownInode(file) {
  fs.copyFileSync(file, `${file}.rr-tmp`);
  fs.renameSync(`${file}.rr-tmp`, file);
}

/**
 * Files outside node_modules are edited by a run: give each its own inode. yarn's zip cache is
 * only ever added to, and copying it would cost a gigabyte a run.
 */
function unlinkOutsideNodeModules(dir) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory() && entry.name !== 'node_modules' && !file.endsWith(`.yarn${path.sep}cache`)) unlinkOutsideNodeModules(file);
    else if (entry.isFile()) ownInode(file);
  }
}

/** The package managers' own records in node_modules (.yarn-state.yml, .modules.yaml, ...). */
function unlinkStateFiles(dir) {
  for (const folder of ['node_modules', 'node_modules/.pnpm']) {
    const abs = path.join(dir, folder);
    if (!fs.existsSync(abs)) continue;
    for (const entry of fs.readdirSync(abs, { withFileTypes: true })) {
      if (entry.isFile() && (entry.name.startsWith('.') || folder.endsWith('.pnpm'))) ownInode(path.join(abs, entry.name));
    }
  }
}

/** Installs the plugin tarball as `harness`, the way a user would, with the repo's manager. */
export function installHarness(repo, dir, tarball, log) {
  const [cmd, pre] = packageManagerCommand(repo, dir);
  const spec = `harness@file:${tarball}`;
  const args = repo.packageManager.startsWith('npm')
    ? ['install', '--no-audit', '--no-fund', '-D', spec, ...repo.addArgs]
    : ['add', '-D', spec, ...repo.addArgs];
  runIn(dir, cmd, [...pre, ...args], log);
}

/** Commits the working copy as it stands, so an injected change can be undone exactly. */
export function commitBaseline(dir, message) {
  const git = (...args) => execFileSync('git', args, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  if (!fs.existsSync(path.join(dir, '.git'))) {
    git('init', '-q', '-b', 'main');
    fs.appendFileSync(path.join(dir, '.git/info/exclude'), 'node_modules/\n.nx/\ndist/\ntmp/\n.yarn/cache/\n.yarn/install-state.gz\n');
  }
  git('add', '-A');
  git('-c', 'user.name=real-repos', '-c', 'user.email=real-repos@localhost', 'commit', '-q', '--allow-empty', '--no-verify', '-m', message);
}

/** Back to the last baseline: tracked files restored, new files removed, ignored ones kept. */
export function revertToBaseline(dir) {
  execFileSync('git', ['checkout', '-q', '--', '.'], { cwd: dir });
  execFileSync('git', ['clean', '-q', '-fd'], { cwd: dir });
}
