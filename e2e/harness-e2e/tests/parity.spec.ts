import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { Log } from 'sarif';
import { parseFindingBlocks, runCommand, type FindingBlock } from '../src';
import type { InstallLayout } from '../src/install-layout';
import {
  createSynthEnv,
  createSynthWorkspace,
  ESLINT_DEV_DEPENDENCIES,
  findDependents,
  lintBoundaries,
  listProjects,
  projectOf,
  readJson,
  readSynthImports,
  readTags,
  removeSeededViolations,
  removeSynthWorkspace,
  runHarnessCheck,
  selectTasks,
  setTags,
  type BoundaryMessage,
  type HarnessRun,
  type SeededViolation,
} from '../src/synth';

/*
 * Parity of the dependency-constraints rule with ESLint's @nx/enforce-module-boundaries on the
 * benchmark's synthetic workspace (60 projects x 8 files, 9 seeded violations), then the cache
 * once the violations are fixed and once a dependency is retagged. ONE workspace; the tests run
 * in file order and build on each other.
 *
 * Time budget on 2 cores, the 60-project part under 4.5 minutes (measured: ~2 minutes at load 10,
 * most of it the --batch=false run), each layout leg under 2:
 *   workspace  ~25 s: generate, npm install from the npm cache, git commit; +60 s with an empty
 *              npm cache; +30 s packing when the tarball is older than the compiled plugin
 *   eslint     ~5-10 s a run, with `nx show projects` first to refresh the graph the rule reads
 *   harness    ~4-8 s a run-many over 60 projects in Nx batch mode (the default: the executor
 *              sets preferBatch), 25-45 s with --batch=false (one process per task)
 * Then the same parity in the install layouts of real repositories (LAYOUT_LEGS), one small
 * workspace per layout reused by every test of its leg: the plugin hoisted into a parent folder's
 * node_modules, a pnpm workspace (symlinks into node_modules/.pnpm) and yarn 4 with the
 * node-modules linker, under the alias `harness` and under the plugin's own name `nx-harness`.
 *   each leg   60-85 s at load 16 (hoisted 84, pnpm 59, yarn 74): install from the package
 *              manager's cache (pnpm and yarn themselves once, under the OS temp dir), ESLint
 *              twice, harness twice, `nx g <name>:init`
 * The last test fails the suite when it runs over, so a slowdown is seen, not absorbed.
 */
const LAYOUT_LEG_BUDGET_MS = 2 * 60 * 1000;
const SUITE_BUDGET_MS = 4.5 * 60 * 1000 + 3 * LAYOUT_LEG_BUDGET_MS;
const SETUP_TIMEOUT_MS = 5 * 60 * 1000;
const STEP_TIMEOUT_MS = 2 * 60 * 1000;

const SEED = 7;
const VIOLATION_COUNT = 9;
const RULES = '--rules=dependency-constraints';
const BLOCK_FIELDS = ['File', 'Line', 'Found', 'Expected pattern', 'Fix', 'Reference'];
const FINDING_KEYS = ['rule', 'severity', 'project', 'file', 'line', 'column', 'found', 'expected', 'fix', 'reference'];
const SUMMARY_WITH_ERRORS = /^harness-check: (\d+) errors?, \d+ warnings? in \d+ files? /;

interface JsonFinding {
  rule: string;
  severity: string;
  project: string;
  file: string;
  line: number;
  found: string;
}

const startedAt = Date.now();
let dir = '';
let violations: SeededViolation[] = [];
let projects: string[] = [];
let eslintMessages: BoundaryMessage[] = [];

/** The published schema is draft-04; packages/harness/src/report/sarif.spec.ts says why this works. */
function compileSarifSchema(): ValidateFunction {
  const { $schema: _draft, id, ...schema } = require('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
  const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false });
  addFormats(ajv);
  return ajv.compile({ ...schema, $id: id });
}

function sortUnique(values: string[]): string[] {
  return [...new Set(values)].sort();
}

/** `<file>:<line> <import>`: what identifies one finding across ESLint, text, JSON and SARIF. */
function identify(file: string, line: number | string, found: string): string {
  return `${file}:${line} ${found}`;
}

function identifyBlock(block: FindingBlock): string {
  return identify(block.fields.File, block.fields.Line, (block.fields.Found ?? '').replace(/^`|`$/g, ''));
}

/** ESLint's findings, named by the import the generator seeded into each file. */
function identifyEslintFindings(messages: BoundaryMessage[], seeded = violations): string[] {
  const target = new Map(seeded.map((v) => [v.file, `@synth/${v.to}`]));
  return messages.map((m) => identify(m.file, m.line, target.get(m.file) ?? '(not seeded)')).sort();
}

function readReports<T>(extension: string): Map<string, T> {
  return new Map(projects.map((p) => [p, JSON.parse(fs.readFileSync(path.join(dir, 'dist/harness', `${p}.${extension}`), 'utf8')) as T]));
}

function expectFailingRunToBeComplete(run: HarnessRun, files: string[]): FindingBlock[] {
  expect(run.code).toBe(1);
  const blocks = parseFindingBlocks(run.output);
  expect(sortUnique(blocks.map((b) => b.fields.File))).toEqual(files);
  for (const block of blocks) {
    expect(block).toMatchObject({ severity: 'ERROR', title: 'Dependency constraint violation' });
    expect({ block, missing: BLOCK_FIELDS.filter((field) => !block.fields[field]) }).toEqual({ block, missing: [] });
  }
  return blocks;
}

beforeAll(async () => {
  dir = await createSynthWorkspace('parity', {
    projects: 60,
    files: 8,
    violations: VIOLATION_COUNT,
    seed: SEED,
    devDependencies: ESLINT_DEV_DEPENDENCIES,
  });
  violations = readJson(dir, 'violations.json');
  projects = listProjects(dir);
}, SETUP_TIMEOUT_MS);

afterAll(() => {
  // HARNESS_E2E_KEEP=1 leaves the workspace behind to debug a failure by hand.
  if (dir && !process.env.HARNESS_E2E_KEEP) removeSynthWorkspace(dir);
});

describe('with the seeded violations', () => {
  let violationFiles: string[] = [];

  beforeAll(async () => {
    violationFiles = sortUnique(violations.map((v) => v.file));
    eslintMessages = await lintBoundaries(dir);
  }, STEP_TIMEOUT_MS);

  it(`seeds ${VIOLATION_COUNT} violations in ${VIOLATION_COUNT} different files of 60 projects`, () => {
    // One violation per file lets every other test name a finding by its file.
    expect(violations).toHaveLength(VIOLATION_COUNT);
    expect(violationFiles).toHaveLength(VIOLATION_COUNT);
    expect(projects).toHaveLength(60);
  });

  it('ESLint @nx/enforce-module-boundaries reports exactly the seeded files, once each', () => {
    expect(sortUnique(eslintMessages.map((m) => m.file))).toEqual(violationFiles);
    expect(eslintMessages).toHaveLength(VIOLATION_COUNT);
  });

  it('harness-check fails with the same findings as ESLint, each a complete ERROR block', async () => {
    const run = await runHarnessCheck(dir, [RULES, '--skip-nx-cache']);

    const blocks = expectFailingRunToBeComplete(run, violationFiles);
    expect(blocks.map(identifyBlock).sort()).toEqual(identifyEslintFindings(eslintMessages));
    // One summary line per failing project, and their error counts add up to the findings.
    const errorCounts = run.output.split('\n').map((line) => SUMMARY_WITH_ERRORS.exec(line)?.[1]).filter((count) => count !== undefined);
    expect(errorCounts).toHaveLength(new Set(violations.map((v) => v.from)).size);
    expect(errorCounts.reduce((sum, count) => sum + Number(count), 0)).toBe(VIOLATION_COUNT);
  }, STEP_TIMEOUT_MS);

  it('--format=json writes each project its own array, one object per finding, the same findings', async () => {
    fs.rmSync(path.join(dir, 'dist'), { recursive: true, force: true });

    const run = await runHarnessCheck(dir, [RULES, '--skip-nx-cache', '--format=json', '--output-file=dist/harness/{projectName}.json']);

    expect(run.code).toBe(1);
    const reports = readReports<JsonFinding[]>('json');
    for (const [project, findings] of reports) {
      expect({ project, isArray: Array.isArray(findings) }).toEqual({ project, isArray: true });
      for (const finding of findings) {
        expect(Object.keys(finding)).toEqual(expect.arrayContaining(FINDING_KEYS));
        expect(finding).toMatchObject({ rule: 'dependency-constraints', severity: 'error', project });
        expect(projectOf(finding.file)).toBe(project);
      }
    }
    const findings = [...reports.values()].flat();
    expect(findings.map((f) => identify(f.file, f.line, f.found)).sort()).toEqual(identifyEslintFindings(eslintMessages));
  }, STEP_TIMEOUT_MS);

  it('--format=sarif writes per-project logs that the SARIF 2.1.0 schema accepts, with the same findings', async () => {
    const validateSarif = compileSarifSchema();

    const run = await runHarnessCheck(dir, [RULES, '--skip-nx-cache', '--format=sarif', '--output-file=dist/harness/{projectName}.sarif']);

    expect(run.code).toBe(1);
    const found: string[] = [];
    for (const [project, log] of readReports<Log>('sarif')) {
      const valid = validateSarif(log);
      expect({ project, errors: validateSarif.errors ?? [] }).toEqual({ project, errors: [] });
      expect(valid).toBe(true);
      for (const result of log.runs.flatMap((r) => r.results ?? [])) {
        expect(result).toMatchObject({ ruleId: 'dependency-constraints', level: 'error' });
        const location = result.locations?.[0]?.physicalLocation;
        found.push(`${location?.artifactLocation?.uri}:${location?.region?.startLine}`);
      }
    }
    expect(found.sort()).toEqual(eslintMessages.map((m) => `${m.file}:${m.line}`).sort());
  }, STEP_TIMEOUT_MS);

  // The executor prefers Nx batch mode, so the default run above is a batch; check both paths by name.
  it.each([['--batch'], ['--batch=false --parallel=1'], ['--batch=false --parallel=4']])('prints the same findings with %s', async (flags) => {
    const run = await runHarnessCheck(dir, [RULES, '--skip-nx-cache', ...flags.split(' ')]);

    const blocks = expectFailingRunToBeComplete(run, violationFiles);
    expect(blocks.map(identifyBlock).sort()).toEqual(identifyEslintFindings(eslintMessages));
  }, STEP_TIMEOUT_MS);

  it('nx affected over the violating files reports the same findings as the serial run', async () => {
    const run = await runHarnessCheck(dir, [RULES, '--skip-nx-cache', `--files=${violationFiles.join(',')}`], {}, 'affected');

    const blocks = expectFailingRunToBeComplete(run, violationFiles);
    expect(blocks.map(identifyBlock).sort()).toEqual(identifyEslintFindings(eslintMessages));
  }, STEP_TIMEOUT_MS);
});

describe('once the seeded violations are removed', () => {
  it('passes and fills the cache', async () => {
    expect(removeSeededViolations(dir, violations)).toHaveLength(VIOLATION_COUNT);

    const run = await runHarnessCheck(dir, [RULES]);

    expect(run.code).toBe(0);
    expect(parseFindingBlocks(run.output)).toEqual([]);
    expect(run.tasks.size).toBe(projects.length);
  }, STEP_TIMEOUT_MS);

  it('reads every task from the cache on a second identical run', async () => {
    const run = await runHarnessCheck(dir, [RULES]);

    expect(run.code).toBe(0);
    expect(selectTasks(run, 'ran')).toEqual([]);
    expect(selectTasks(run, 'cache')).toHaveLength(projects.length);
    expect(run.output).toContain(`Nx read the output from the cache instead of running the command for ${projects.length} out of ${projects.length} tasks.`);
  }, STEP_TIMEOUT_MS);
});

describe('when a scope:shared dependency is retagged scope:auth', () => {
  let retagged = '';
  /** Files that import the retagged project from a project that may not depend on scope:auth. */
  let brokenFiles: string[] = [];
  /** Projects whose inputs the retag does not touch: neither it nor anything that depends on it. */
  let untouched: string[] = [];

  beforeAll(() => {
    const scopeOf = (project: string) => readTags(dir, project).find((tag) => tag.startsWith('scope:'));
    const importers = new Map<string, string[]>();
    for (const [file, targets] of readSynthImports(dir)) {
      if (scopeOf(projectOf(file)) === 'scope:auth') continue;
      for (const target of targets) importers.set(target, [...(importers.get(target) ?? []), file]);
    }
    // The shared project imported from the most files outside scope:auth breaks the most.
    const [best] = projects
      .filter((p) => scopeOf(p) === 'scope:shared' && importers.has(p))
      .sort((a, b) => importers.get(b)!.length - importers.get(a)!.length || a.localeCompare(b));
    retagged = best;
    brokenFiles = sortUnique(importers.get(best) ?? []);
    const dependents = findDependents(dir, best);
    untouched = projects.filter((p) => p !== best && !dependents.has(p)).sort();
  });

  it('fails on every importing file outside scope:auth instead of replaying a green result', async () => {
    expect(brokenFiles.length).toBeGreaterThan(1);
    expect(untouched.length).toBeGreaterThan(0);
    setTags(dir, retagged, readTags(dir, retagged).map((tag) => (tag === 'scope:shared' ? 'scope:auth' : tag)));

    const run = await runHarnessCheck(dir, [RULES]);

    expect(run.code).toBe(1);
    const importers = sortUnique(brokenFiles.map(projectOf));
    expect({ notRun: importers.filter((p) => run.tasks.get(p) !== 'ran') }).toEqual({ notRun: [] });
    // The cache still answers for everything the retag cannot affect, so the rerun above was chosen.
    expect({ notFromCache: untouched.filter((p) => run.tasks.get(p) !== 'cache') }).toEqual({ notFromCache: [] });
    const blocks = expectFailingRunToBeComplete(run, brokenFiles);
    expect(sortUnique(blocks.map((b) => b.fields.Found))).toEqual([`\`@synth/${retagged}\``]);
  }, STEP_TIMEOUT_MS);

  it('ESLint agrees on the files', async () => {
    const messages = await lintBoundaries(dir);

    expect(sortUnique(messages.map((m) => m.file))).toEqual(brokenFiles);
  }, STEP_TIMEOUT_MS);

  it('replays the passing tasks from the cache on a second identical run and still fails the same files', async () => {
    const run = await runHarnessCheck(dir, [RULES]);

    expect(run.code).toBe(1);
    const failing = sortUnique(brokenFiles.map(projectOf));
    // Nx 23 caches a failed task only with NX_CACHE_FAILURES=true, so those run again.
    expect(selectTasks(run, 'ran')).toEqual(failing);
    expect(selectTasks(run, 'cache')).toEqual(projects.filter((p) => !failing.includes(p)).sort());
    expectFailingRunToBeComplete(run, brokenFiles);
  }, STEP_TIMEOUT_MS);
});

interface LayoutLeg {
  layout: InstallLayout;
  pluginName: 'harness' | 'nx-harness';
  /** The plugin's folder as the workspace root reaches it, and whether it is a symlink there. */
  pluginPath: string;
  symlink: boolean;
  /** The lockfile that shows which package manager installed the workspace. */
  lockfile: string;
}

const LAYOUT_LEGS: LayoutLeg[] = [
  // The layout of issue 12: Nx loaded the plugin but could not resolve its executor.
  { layout: 'hoisted', pluginName: 'harness', pluginPath: '../node_modules/harness', symlink: false, lockfile: '../package-lock.json' },
  { layout: 'pnpm', pluginName: 'nx-harness', pluginPath: 'node_modules/nx-harness', symlink: true, lockfile: 'pnpm-lock.yaml' },
  { layout: 'yarn', pluginName: 'harness', pluginPath: 'node_modules/harness', symlink: false, lockfile: 'yarn.lock' },
];

describe.each(LAYOUT_LEGS)('installed in the $layout layout as $pluginName', (leg) => {
  let legStartedAt = 0;
  let legDir = '';
  let legViolations: SeededViolation[] = [];
  let legFiles: string[] = [];

  beforeAll(async () => {
    legStartedAt = Date.now();
    legDir = await createSynthWorkspace(`parity-${leg.layout}`, {
      projects: 12,
      files: 3,
      violations: 4,
      seed: 3,
      devDependencies: ESLINT_DEV_DEPENDENCIES,
      layout: leg.layout,
      pluginName: leg.pluginName,
    });
    legViolations = readJson(legDir, 'violations.json');
    legFiles = sortUnique(legViolations.map((v) => v.file));
  }, SETUP_TIMEOUT_MS);

  afterAll(() => {
    if (legDir && !process.env.HARNESS_E2E_KEEP) removeSynthWorkspace(legDir);
  });

  it(`puts the plugin at ${leg.pluginPath}, installed by the layout's package manager`, () => {
    const pluginDir = path.join(legDir, leg.pluginPath);

    expect(fs.existsSync(path.join(legDir, leg.lockfile))).toBe(true);
    expect(fs.lstatSync(pluginDir).isSymbolicLink()).toBe(leg.symlink);
    expect(JSON.parse(fs.readFileSync(path.join(pluginDir, 'package.json'), 'utf8')).name).toBe('nx-harness');
    // Hoisted means no copy in the workspace's own node_modules for Node to find first.
    expect(fs.existsSync(path.join(legDir, 'node_modules', leg.pluginName))).toBe(leg.pluginPath.startsWith('node_modules/'));
    expect(legFiles).toHaveLength(legViolations.length);
  });

  it('harness-check resolves its executor and reports the findings ESLint reports', async () => {
    const messages = await lintBoundaries(legDir);
    expect(sortUnique(messages.map((m) => m.file))).toEqual(legFiles);

    const run = await runHarnessCheck(legDir, [RULES, '--skip-nx-cache']);

    expect(run.output).not.toContain('Unable to resolve');
    const blocks = expectFailingRunToBeComplete(run, legFiles);
    expect(blocks.map(identifyBlock).sort()).toEqual(identifyEslintFindings(messages, legViolations));
  }, STEP_TIMEOUT_MS);

  it('passes, as ESLint does, once the seeded violations are removed', async () => {
    expect(removeSeededViolations(legDir, legViolations).sort()).toEqual(legFiles);

    const run = await runHarnessCheck(legDir, [RULES]);

    expect(run.code).toBe(0);
    expect(parseFindingBlocks(run.output)).toEqual([]);
    expect(run.tasks.size).toBe(listProjects(legDir).length);
    expect(await lintBoundaries(legDir)).toEqual([]);
  }, STEP_TIMEOUT_MS);

  it(`nx g ${leg.pluginName}:init keeps the registration and points harness.yaml at the installed schema`, async () => {
    const config = path.join(legDir, 'harness.yaml');
    const kept = fs.readFileSync(config, 'utf8');
    fs.rmSync(config);

    const result = await runCommand('npx', ['nx', 'g', `${leg.pluginName}:init`, '--no-interactive'], { cwd: legDir, env: createSynthEnv(legDir), timeoutMs: STEP_TIMEOUT_MS });
    const written = fs.existsSync(config) ? fs.readFileSync(config, 'utf8') : '';
    fs.writeFileSync(config, kept);

    expect({ code: result.code, output: result.code === 0 ? '' : result.output }).toEqual({ code: 0, output: '' });
    const schemaPath = /^# yaml-language-server: \$schema=(\S+)$/m.exec(written)?.[1] ?? '(none)';
    expect(schemaPath).toBe(`${leg.pluginPath}/schemas/harness.schema.json`);
    expect(fs.existsSync(path.join(legDir, schemaPath))).toBe(true);
    // init leaves the registration under the name the layout installed, and adds nothing beside it.
    expect(readJson(legDir, 'nx.json')).toMatchObject({ plugins: [leg.pluginName], sync: { globalGenerators: [`${leg.pluginName}:sync`] } });
  }, STEP_TIMEOUT_MS);

  it('stays within its time budget', () => {
    expect(Date.now() - legStartedAt).toBeLessThan(LAYOUT_LEG_BUDGET_MS);
  });
});

it('stays within the suite time budget', () => {
  expect(Date.now() - startedAt).toBeLessThan(SUITE_BUDGET_MS);
});
