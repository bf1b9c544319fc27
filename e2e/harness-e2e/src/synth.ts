import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ensureTarball } from './ensure-tarball';
import { addToolPaths, findRepoRoot, installDependencies, type InstallLayout } from './install-layout';
import { listFiles } from './list-files';
import { createNxEnv, runCommand, stripAnsi, type CommandResult, type RunOptions } from './run-command';

/**
 * Synthetic workspaces for the parity and cache suites: the benchmark's generator (tagged
 * projects, tsconfig paths, cross-project imports, seeded boundary violations and the ESLint
 * anchor config), with the packed plugin installed as `harness`.
 */
// The shared folder sits beside the repository (in CI too); /work/shared is where it is on a dev machine.
const SYNTH_SCRIPT =
  process.env.HARNESS_SYNTH_SCRIPT ??
  [path.resolve(__dirname, '../../../../shared/bench/synth-workspace.mjs'), '/work/shared/bench/synth-workspace.mjs'].find((f) => fs.existsSync(f)) ??
  '../shared/bench/synth-workspace.mjs';

/** The ESLint side of the parity check, pinned. The parser's peer range stops at TypeScript 6.0. */
export const ESLINT_DEV_DEPENDENCIES: Record<string, string> = {
  eslint: '9.39.4',
  '@nx/eslint-plugin': '23.2.1',
  '@typescript-eslint/parser': '8.73.0',
};

/** The generator asks for `typescript: "*"`, which is 7.x today: outside the plugin's peer range. */
const TYPESCRIPT_VERSION = '5.9.3';

export interface DepConstraint {
  sourceTag?: string;
  allSourceTags?: string[];
  onlyDependOnLibsWithTags?: string[];
  notDependOnLibsWithTags?: string[];
}

export interface SynthOptions {
  projects: number;
  files: number;
  violations: number;
  seed: number;
  /** Pinned extra devDependencies, besides nx, @nx/js, typescript and the plugin. */
  devDependencies?: Record<string, string>;
  /** Appended to the generator's depConstraints.json in harness.yaml. */
  extraConstraints?: DepConstraint[];
  /** Edits made before the first commit, so they are part of the committed baseline. */
  prepare?: (dir: string) => void;
  /** Where the packages are installed (default `npm`: the workspace's own node_modules). */
  layout?: InstallLayout;
  /** The name the plugin is installed under: the alias `harness` (default) or its own `nx-harness`. */
  pluginName?: 'harness' | 'nx-harness';
}

/** One entry of the generator's violations.json. */
export interface SeededViolation {
  file: string;
  from: string;
  to: string;
}

/**
 * Generates the workspace in a fresh folder under the OS temp dir, pins its devDependencies,
 * writes harness.yaml from depConstraints.json, registers the plugin as `nx g harness:init`
 * would, installs once in the layout (from the package manager's cache where it can) and commits.
 * Returns the workspace folder.
 */
export async function createSynthWorkspace(name: string, options: SynthOptions): Promise<string> {
  const tarball = await ensureTarball();
  const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), `harness-e2e-${name}-`)), name);
  const args = ['--projects', options.projects, '--files', options.files, '--violations', options.violations, '--seed', options.seed];
  await expectSuccess('generating the synthetic workspace', runCommand(process.execPath, [SYNTH_SCRIPT, dir, ...args.map(String)], { cwd: os.tmpdir() }));

  const pkg = readJson(dir, 'package.json');
  const { layout = 'npm', pluginName = 'harness' } = options;
  pkg.devDependencies = { ...pkg.devDependencies, typescript: TYPESCRIPT_VERSION, ...options.devDependencies, [pluginName]: `file:${tarball}` };
  writeJson(dir, 'package.json', pkg);
  const nxJson = readJson(dir, 'nx.json');
  nxJson.plugins = [pluginName];
  writeJson(dir, 'nx.json', nxJson);
  writeHarnessYaml(dir, [...readJson(dir, 'depConstraints.json'), ...(options.extraConstraints ?? [])]);
  fs.writeFileSync(path.join(dir, '.gitignore'), 'node_modules\n.nx\ndist\n');
  options.prepare?.(dir);

  await expectSuccess(`installing (${layout} layout)`, installDependencies(dir, layout));
  // The repository holds the workspace: a hoisted workspace is a sub-folder of it.
  const repo = findRepoRoot(dir, layout);
  await expectSuccess('git init', runCommand('git', ['init', '-q'], { cwd: repo }));
  await expectSuccess('git add', runCommand('git', ['add', '-A'], { cwd: repo }));
  const identity = ['-c', 'user.email=e2e@harness.invalid', '-c', 'user.name=harness e2e'];
  await expectSuccess('git commit', runCommand('git', [...identity, 'commit', '-q', '-m', 'synthetic workspace'], { cwd: repo }));
  return dir;
}

/** Deletes a workspace made by createSynthWorkspace, with its unique parent folder. */
export function removeSynthWorkspace(dir: string): void {
  fs.rmSync(path.dirname(dir), { recursive: true, force: true });
}

async function expectSuccess(step: string, pending: Promise<CommandResult>): Promise<void> {
  const result = await pending;
  if (result.code !== 0) throw new Error(`${step} failed (exit ${result.code}):\n${result.output}`);
}

/** Parsed JSON of a workspace file; callers know its shape. */
export function readJson(dir: string, file: string): any {
  return JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
}

export function writeJson(dir: string, file: string, value: unknown): void {
  fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
  fs.writeFileSync(path.join(dir, file), `${JSON.stringify(value, null, 2)}\n`);
}

/** harness.yaml with these constraints, one block-style entry each; the values are JSON flow style. */
export function writeHarnessYaml(dir: string, constraints: DepConstraint[]): void {
  const entries = constraints.map((constraint) =>
    Object.entries(constraint)
      .map(([key, value], i) => `${i === 0 ? '    - ' : '      '}${key}: ${JSON.stringify(value)}`)
      .join('\n'),
  );
  fs.writeFileSync(path.join(dir, 'harness.yaml'), `dependencies:\n  constraints:\n${entries.join('\n')}\n`);
}

/** Replaces the tags of `libs/<project>/project.json`. */
export function setTags(dir: string, project: string, tags: string[]): void {
  const file = `libs/${project}/project.json`;
  writeJson(dir, file, { ...readJson(dir, file), tags });
}

export function readTags(dir: string, project: string): string[] {
  return readJson(dir, `libs/${project}/project.json`).tags;
}

/** Puts these lines above the first line of a workspace file. */
export function prependLines(dir: string, file: string, lines: string[]): void {
  const full = path.join(dir, file);
  fs.writeFileSync(full, `${lines.join('\n')}\n${fs.readFileSync(full, 'utf8')}`);
}

const VIOLATION_LINE = /^(import \{ fn_\d+_0 as v_\d+ \} from '@synth\/[\w-]+';|export const violation_\d+ = v_\d+;)$/;

/** Strips the two lines the generator prepended for each seeded violation. Returns the files changed. */
export function removeSeededViolations(dir: string, violations: SeededViolation[]): string[] {
  const files = [...new Set(violations.map((v) => v.file))];
  for (const file of files) {
    const full = path.join(dir, file);
    const lines = fs.readFileSync(full, 'utf8').split('\n');
    const kept = lines.filter((line) => !VIOLATION_LINE.test(line));
    if (kept.length !== lines.length - 2 * violations.filter((v) => v.file === file).length) {
      throw new Error(`"${file}" does not hold the seeded violation lines; was it generated by ${SYNTH_SCRIPT}?`);
    }
    fs.writeFileSync(full, kept.join('\n'));
  }
  return files;
}

/** The project whose folder holds a workspace file: `libs/<project>/...`. */
export function projectOf(file: string): string {
  return file.split('/')[1];
}

export function listProjects(dir: string): string[] {
  return fs.readdirSync(path.join(dir, 'libs')).filter((name) => fs.existsSync(path.join(dir, 'libs', name, 'project.json')));
}

/** Each source file under libs/, with the `@synth/<project>` names it imports. */
export function readSynthImports(dir: string): Map<string, string[]> {
  const imports = new Map<string, string[]>();
  for (const file of listFiles(path.join(dir, 'libs')).filter((f) => f.endsWith('.ts'))) {
    const text = fs.readFileSync(path.join(dir, 'libs', file), 'utf8');
    imports.set(`libs/${file}`, [...text.matchAll(/from '@synth\/([\w-]+)'/g)].map((m) => m[1]));
  }
  return imports;
}

/** Projects that depend on `project` directly or through others, by their source imports. */
export function findDependents(dir: string, project: string): Set<string> {
  const edges = [...readSynthImports(dir)].flatMap(([file, targets]) => targets.map((target) => [projectOf(file), target]));
  const dependents = new Set<string>();
  let grew = true;
  while (grew) {
    grew = false;
    for (const [source, target] of edges) {
      if ((target === project || dependents.has(target)) && !dependents.has(source) && source !== project) {
        dependents.add(source);
        grew = true;
      }
    }
  }
  return dependents;
}

/** How a task of the run was settled: executed, or replayed from the cache. */
export type TaskSource = 'ran' | 'cache';

export interface HarnessRun extends CommandResult {
  /** project → how its harness-check task was settled, from Nx's record of the run. */
  tasks: Map<string, TaskSource>;
}

/**
 * The environment of every Nx and ESLint command in a synthetic workspace. The cache goes inside
 * the workspace (Nx 23 otherwise shares it per user under ~/.nx), so it is removed with the
 * workspace and Nx's record of the last run sits at a known path. Batch mode and failure caching
 * keep their defaults unless a test sets them, so an inherited variable cannot change what it measures.
 */
export function createSynthEnv(dir: string, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env = createNxEnv();
  delete env.NX_BATCH_MODE;
  delete env.NX_CACHE_FAILURES;
  return addToolPaths({ ...env, NX_NO_CLOUD: 'true', NX_CACHE_DIRECTORY: path.join(dir, '.nx/cache'), ...extra });
}

/**
 * How each task of the last run was settled, from `<cache>/run.json`, which Nx 23 writes after
 * every run. Unlike the `> nx run` lines it does not depend on the task printing anything: in
 * batch mode a task that ran prints only what the batch executor streams back.
 */
export function readTaskSources(dir: string): Map<string, TaskSource> {
  const file = path.join(dir, '.nx/cache/run.json');
  if (!fs.existsSync(file)) return new Map();
  const run: { tasks: Array<{ projectName: string; target: string; cacheStatus: string }> } = JSON.parse(fs.readFileSync(file, 'utf8'));
  return new Map(
    run.tasks
      .filter((task) => task.target === 'harness-check')
      .map((task) => [task.projectName, /cache-hit$/.test(task.cacheStatus) ? 'cache' : 'ran']),
  );
}

/** The projects whose task was settled `source` way. */
export function selectTasks(run: HarnessRun, source: TaskSource): string[] {
  return [...run.tasks].filter(([, s]) => s === source).map(([project]) => project).sort();
}

/** Kept as a name for the suites that use it: runCommand already writes output to files. */
export const runCommandToFiles = runCommand;

/** `nx run-many -t harness-check --output-style=static <args>`, and how each task was settled. */
export async function runHarnessCheck(dir: string, args: string[], env: NodeJS.ProcessEnv = {}, command = 'run-many'): Promise<HarnessRun> {
  fs.rmSync(path.join(dir, '.nx/cache/run.json'), { force: true });
  const result = await runCommandToFiles('npx', ['nx', command, '-t', 'harness-check', '--output-style=static', ...args], {
    cwd: dir,
    env: createSynthEnv(dir, env),
    timeoutMs: 3 * 60 * 1000,
  });
  return { ...result, tasks: readTaskSources(dir) };
}

/** One `@nx/enforce-module-boundaries` message of an ESLint run. */
export interface BoundaryMessage {
  file: string;
  line: number;
  message: string;
}

/**
 * `eslint 'libs/**\/*.ts' -f json`, keeping the `@nx/enforce-module-boundaries` messages. The rule
 * reads Nx's cached project graph and silently skips itself without one, so the graph is refreshed
 * first (`nx show projects`).
 */
export async function lintBoundaries(dir: string): Promise<BoundaryMessage[]> {
  const env = createSynthEnv(dir);
  await expectSuccess('nx show projects', runCommand('npx', ['nx', 'show', 'projects'], { cwd: dir, env, timeoutMs: 2 * 60 * 1000 }));
  const report = path.join(path.dirname(dir), 'eslint-report.json');
  fs.rmSync(report, { force: true });
  const result = await runCommand('npx', ['eslint', 'libs/**/*.ts', '-f', 'json', '-o', report], { cwd: dir, env, timeoutMs: 2 * 60 * 1000 });
  if (!fs.existsSync(report)) throw new Error(`eslint wrote no report (exit ${result.code}):\n${result.output}`);
  const files: Array<{ filePath: string; messages: Array<{ ruleId: string | null; line: number; message: string }> }> = JSON.parse(
    fs.readFileSync(report, 'utf8'),
  );
  return files.flatMap((f) =>
    f.messages
      .filter((m) => m.ruleId === '@nx/enforce-module-boundaries')
      .map((m) => ({ file: path.relative(dir, f.filePath).split(path.sep).join('/'), line: m.line, message: m.message })),
  );
}
