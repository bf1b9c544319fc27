// Builds the benchmark workspaces: one pinned install (the "template"), then per size a synthetic
// Nx workspace that gets a hard-linked copy of the template's node_modules, harness registered,
// harness.yaml and a dependency-cruiser config with the same constraints.
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** Every tool at one version, so a rerun measures the same code. */
export const PINNED = {
  nx: '23.2.1',
  '@nx/js': '23.2.1',
  '@nx/eslint-plugin': '23.2.1',
  typescript: '5.9.3',
  eslint: '9.39.5',
  '@typescript-eslint/parser': '8.73.0',
  'dependency-cruiser': '17.3.9',
};

export const SYNTH_SCRIPT = process.env.HARNESS_SYNTH_SCRIPT ?? '/work/shared/bench/synth-workspace.mjs';

export function benchEnv(extra = {}) {
  return {
    ...process.env,
    NX_DAEMON: 'false',
    NX_NO_CLOUD: 'true',
    NX_TUI: 'false',
    NX_SKIP_NX_CACHE: undefined,
    NX_VERBOSE_LOGGING: 'false',
    FORCE_COLOR: '0',
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_update_notifier: 'false',
    ...extra,
  };
}

function run(cmd, args, cwd, log) {
  log?.(`$ ${[cmd, ...args].join(' ')}   (in ${cwd})`);
  execFileSync(cmd, args, { cwd, env: benchEnv(), stdio: ['ignore', 'inherit', 'inherit'] });
}

function sha(file) {
  return crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex').slice(0, 12);
}

/** Packs the plugin with the repo's own script unless told to use the tarball already there. */
export function packHarness(repo, { pack, log }) {
  let warning;
  if (pack) {
    try {
      run(process.execPath, [path.join(repo, 'scripts/package.mjs')], repo, log);
    } catch (error) {
      // work in progress elsewhere in the tree may not compile; the last good tarball still measures
      warning = `packing the plugin failed (${error.message.split('\n')[0]}); measured the tarball already in dist/tarballs`;
    }
  }
  const dir = path.join(repo, 'dist/tarballs');
  const tgz = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => /^nx-harness-.*\.tgz$/.test(f)) : [];
  if (tgz.length === 0) throw new Error(`no nx-harness tarball in "${dir}"; run \`node scripts/package.mjs\` first`);
  const file = path.join(dir, tgz.sort().pop());
  if (warning) log(`!!! ${warning} (${path.basename(file)}, built ${fs.statSync(file).mtime.toISOString()})`);
  return { file, warning, builtAt: fs.statSync(file).mtime.toISOString(), sha: sha(file) };
}

/**
 * The shared install. It is keyed by the pinned versions and by the plugin tarball's hash, so a
 * second bench run reuses it. A warm-up `harness:module` here installs the jest packages that
 * module generation adds, so generator timings in the workspaces never include an npm install.
 */
export function ensureTemplate(workDir, tarball, log) {
  const dir = path.join(workDir, 'template');
  const keyFile = path.join(dir, '.bench-key.json');
  // a private copy: other work may repack dist/tarballs while a bench runs
  const tgzDir = path.join(workDir, 'tarballs');
  fs.mkdirSync(tgzDir, { recursive: true });
  const tgzSha = sha(tarball);
  const tgz = path.join(tgzDir, `nx-harness-${tgzSha}.tgz`);
  if (!fs.existsSync(tgz)) fs.copyFileSync(tarball, tgz);
  const key = { pinned: PINNED, harness: tgzSha, node: process.version.split('.')[0] };
  const current = fs.existsSync(keyFile) ? fs.readFileSync(keyFile, 'utf8') : '';
  if (current === JSON.stringify(key)) {
    log(`template install is current (harness ${tgzSha})`);
    return dir;
  }
  const previous = current ? JSON.parse(current) : undefined;
  if (previous && JSON.stringify(previous.pinned) === JSON.stringify(PINNED) && previous.node === key.node) {
    log(`plugin tarball changed: reinstalling harness only (${previous.harness} -> ${tgzSha})`);
    run('npm', ['install', '--no-audit', '--no-fund', '-D', `harness@file:${tgz}`], dir, log);
  } else {
    log('installing pinned tools into the template (once; later runs reuse it)');
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(dir, { recursive: true });
    const pkg = { name: 'synth', private: true, version: '0.0.0', devDependencies: { ...PINNED, harness: `file:${tgz}` } };
    fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify(pkg, null, 2) + '\n');
    fs.writeFileSync(path.join(dir, 'nx.json'), JSON.stringify({ plugins: ['harness'] }, null, 2) + '\n');
    fs.writeFileSync(path.join(dir, 'tsconfig.base.json'), JSON.stringify({ compilerOptions: { baseUrl: '.', paths: {} } }, null, 2) + '\n');
    fs.writeFileSync(path.join(dir, 'harness.yaml'), 'dependencies:\n  constraints: []\n');
    run('npm', ['install', '--no-audit', '--no-fund'], dir, log);
    log('warm-up harness:module in the template, to install the packages module generation adds');
    run('npx', ['nx', 'g', 'harness:module', 'warmup', '--no-interactive'], dir, log);
    for (const extra of ['modules', 'libs', '.nx', 'BRIEF.md']) fs.rmSync(path.join(dir, extra), { recursive: true, force: true });
  }
  fs.writeFileSync(keyFile, JSON.stringify(key));
  return dir;
}

/** Writes the synthetic workspace for one size and makes it ready for every tool. */
export function createWorkspace({ workDir, template, projects, files, violations, seed, log }) {
  const dir = path.join(workDir, `ws-${projects}`);
  fs.rmSync(dir, { recursive: true, force: true });
  log(`generating ${projects} projects x ${files} files (seed ${seed}, ${violations} violations) in ${path.relative(process.cwd(), dir)}`);
  execFileSync(process.execPath, [SYNTH_SCRIPT, dir, '--projects', String(projects), '--files', String(files), '--violations', String(violations), '--seed', String(seed)], { stdio: ['ignore', 'inherit', 'inherit'] });
  // package.json and lock from the template, so `nx g` sees every package already installed
  const pkg = JSON.parse(fs.readFileSync(path.join(template, 'package.json'), 'utf8'));
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify(pkg, null, 2) + '\n');
  fs.copyFileSync(path.join(template, 'package-lock.json'), path.join(dir, 'package-lock.json'));
  // hard links: a 300 MB install appears in a second, and the template stays untouched
  execFileSync('cp', ['-al', path.join(template, 'node_modules'), path.join(dir, 'node_modules')]);
  fs.rmSync(path.join(dir, 'node_modules/.package-lock.json'), { force: true });
  const nxJson = JSON.parse(fs.readFileSync(path.join(dir, 'nx.json'), 'utf8'));
  nxJson.plugins = [...(nxJson.plugins ?? []), 'harness'];
  fs.writeFileSync(path.join(dir, 'nx.json'), JSON.stringify(nxJson, null, 2) + '\n');
  const constraints = JSON.parse(fs.readFileSync(path.join(dir, 'depConstraints.json'), 'utf8'));
  fs.writeFileSync(path.join(dir, 'harness.yaml'), writeHarnessYaml(constraints));
  fs.writeFileSync(path.join(dir, '.dependency-cruiser.cjs'), writeCruiserConfig(constraints));
  const expected = JSON.parse(fs.readFileSync(path.join(dir, 'violations.json'), 'utf8'));
  return { dir, expected };
}

/** harness.yaml with the ESLint depConstraints as they are (JSON is YAML's flow style). */
export function writeHarnessYaml(constraints) {
  const lines = ['# written by benchmarks/run.mjs: the same constraints as eslint.config.mjs', 'dependencies:', '  constraints:'];
  for (const c of constraints) lines.push(`    - ${JSON.stringify(c)}`);
  return lines.join('\n') + '\n';
}

/**
 * A tag as a regex over the synthetic project folder names, `libs/<scope>-<type>-<i>`. Scopes
 * are single words; types may hold a hyphen (`data-access`).
 */
export function tagToFolderPattern(tag) {
  const [kind, value] = tag.split(':');
  const v = value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  if (kind === 'scope') return `${v}-[a-z-]+-[0-9]+`;
  if (kind === 'type') return `[a-z]+-${v}-[0-9]+`;
  throw new Error(`cannot express tag "${tag}" as a folder pattern; the synthetic workspace only has scope: and type: tags`);
}

/** dependency-cruiser rules equal to `onlyDependOnLibsWithTags`: forbid every other libs/ folder. */
export function writeCruiserConfig(constraints) {
  const forbidden = constraints.map((c, i) => {
    if (!c.onlyDependOnLibsWithTags) throw new Error(`constraint ${i} has no onlyDependOnLibsWithTags; extend writeCruiserConfig`);
    const allowed = c.onlyDependOnLibsWithTags.includes('*') ? '.*' : c.onlyDependOnLibsWithTags.map(tagToFolderPattern).join('|');
    return {
      name: `constraint-${i}-${c.sourceTag.replace(/[^a-z0-9]+/gi, '-')}`,
      comment: `${c.sourceTag} may depend only on ${c.onlyDependOnLibsWithTags.join(', ')}`,
      severity: 'error',
      from: { path: `^libs/(?:${tagToFolderPattern(c.sourceTag)})/` },
      to: { path: '^libs/', pathNot: `^libs/(?:${allowed})/` },
    };
  });
  const config = {
    forbidden,
    options: {
      doNotFollow: { path: 'node_modules' },
      tsConfig: { fileName: 'tsconfig.base.json' },
      enhancedResolveOptions: { extensions: ['.ts', '.js'] },
    },
  };
  return `// written by benchmarks/run.mjs: depConstraints.json as path rules\nmodule.exports = ${JSON.stringify(config, null, 2)};\n`;
}

const NOOP_BATCH = `"use strict";
// Written by benchmarks/run.mjs for the "Nx floor" rows: every task passes at once, so the run
// measures only what Nx itself spends on a run-many of the inferred harness-check targets.
Object.defineProperty(exports, "__esModule", { value: true });
exports.default = async function* noopBatch(taskGraph) {
  for (const task of Object.keys(taskGraph.tasks)) yield { task, result: { success: true, terminalOutput: "" } };
};
`;

/**
 * Points the installed plugin's batch implementation at a no-op for one measured run and back.
 * Same workspace, same graph, same inferred targets and inputs: the difference to harness cold is
 * harness's own work. The files are replaced, never edited, because node_modules is hard-linked
 * to the template.
 */
export function swapBatchImplementation(ws, noop) {
  const dir = path.join(ws, 'node_modules/harness');
  const file = path.join(dir, 'executors.json');
  const original = path.join(dir, 'executors.bench-original.json');
  if (!fs.existsSync(original)) fs.copyFileSync(file, original);
  const executors = JSON.parse(fs.readFileSync(original, 'utf8'));
  if (noop) {
    fs.writeFileSync(path.join(dir, 'bench-noop-batch.js'), NOOP_BATCH);
    executors.executors.check.batchImplementation = './bench-noop-batch';
  }
  fs.rmSync(file);
  fs.writeFileSync(file, JSON.stringify(executors, null, 2) + '\n');
}
