import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  createSynthWorkspace,
  listProjects,
  prependLines,
  readJson,
  readTags,
  removeSynthWorkspace,
  runHarnessCheck,
  selectTasks,
  setTags,
  writeJson,
  type HarnessRun,
} from '../src/synth';

/*
 * Cache correctness of the inferred harness-check target on a small synthetic workspace
 * (12 projects x 4 files, no seeded violations). Each test starts from a green run that fills
 * the cache, makes one change, checks which tasks ran and which Nx replayed, then undoes it.
 *
 * At 12 projects the generator writes no cross-project imports at all, so setup wires a chain
 * by hand: billing-feature-0 -> billing-data-access-4 -> shared-data-access-7 (both legal).
 *
 * Time budget on 2 cores, whole suite under 2.5 minutes (measured: ~105 s with the machine at
 * load 10):
 *   workspace  ~15-30 s: generate, npm install from the npm cache, git commit; +40 s with an
 *              empty npm cache; +30 s packing when the tarball is older than the compiled plugin
 *   harness    ~3-5 s a run-many (Nx batch mode) whether or not the cache answers; 18 runs,
 *              two per test
 * The last test fails the suite when it runs over, so a slowdown is seen, not absorbed.
 */
const SUITE_BUDGET_MS = 2.5 * 60 * 1000;
const SETUP_TIMEOUT_MS = 5 * 60 * 1000;
const STEP_TIMEOUT_MS = 90 * 1000;

const RULES = '--rules=dependency-constraints';
/**
 * Findings are read from per-project JSON reports rather than the terminal, so this suite judges
 * the cache alone; parity.spec.ts judges what the terminal shows. The folder is emptied before
 * each run, so only tasks that ran leave a report.
 */
const REPORTS = 'dist/harness';
const CHECK_ARGS = [RULES, '--format=json', `--output-file=${REPORTS}/{projectName}.json`];
const TOP = 'billing-feature-0';
const MIDDLE = 'billing-data-access-4';
const BOTTOM = 'shared-data-access-7';
/** In no chain, imports nothing and is imported by nothing. */
const LONER = 'auth-ui-9';
const TOP_FILE = `libs/${TOP}/src/lib/file-1.ts`;
const MIDDLE_FILE = `libs/${MIDDLE}/src/lib/file-1.ts`;
const LONER_CONVENTIONS = `libs/${LONER}/CONVENTIONS.md`;
const BOTTOM_README = `libs/${BOTTOM}/README.md`;

const startedAt = Date.now();
let dir = '';
let projects: string[] = [];

function resolve(file: string): string {
  return path.join(dir, file);
}

/** The check every test makes, with its reports in a fresh folder. */
function runCheck(): Promise<HarnessRun> {
  fs.rmSync(resolve(REPORTS), { recursive: true, force: true });
  return runHarnessCheck(dir, CHECK_ARGS);
}

function others(...excluded: string[]): string[] {
  return projects.filter((p) => !excluded.includes(p)).sort();
}

/** A green run-many, so the state a test starts from is in the cache. */
async function runCachedBaseline(): Promise<void> {
  const run = await runCheck();
  expect({ code: run.code, tasks: run.tasks.size }).toEqual({ code: 0, tasks: projects.length });
}

/**
 * Saves `paths` (files, or folders ending in `/`), lets `edit` change them, runs the check, then
 * puts every path back as it was, so the next test's baseline is the committed workspace.
 */
async function runAfterEditing(paths: string[], edit: () => void): Promise<HarnessRun> {
  const saved = new Map(paths.map((p) => [p, !p.endsWith('/') && fs.existsSync(resolve(p)) ? fs.readFileSync(resolve(p), 'utf8') : undefined]));
  try {
    edit();
    return await runCheck();
  } finally {
    for (const [p, text] of saved) {
      if (text === undefined) fs.rmSync(resolve(p), { recursive: true, force: true });
      else fs.writeFileSync(resolve(p), text);
    }
  }
}

/** The findings of the tasks that ran, from their JSON reports. */
function readFindings(): Array<{ file: string; found: string }> {
  if (!fs.existsSync(resolve(REPORTS))) return [];
  return fs.readdirSync(resolve(REPORTS)).flatMap((f) => JSON.parse(fs.readFileSync(resolve(`${REPORTS}/${f}`), 'utf8')));
}

function readReportedFiles(): string[] {
  return [...new Set(readFindings().map((finding) => finding.file))].sort();
}

beforeAll(async () => {
  dir = await createSynthWorkspace('cache', {
    projects: 12,
    files: 4,
    violations: 0,
    seed: 11,
    // notDependOnLibsWithTags is transitive, so a tag two hops away can fail TOP.
    extraConstraints: [{ sourceTag: 'type:feature', notDependOnLibsWithTags: ['deprecated'] }],
    prepare: (root) => {
      prependLines(root, `libs/${MIDDLE}/src/lib/file-1.ts`, [`import { fn_7_0 } from '@synth/${BOTTOM}';`, 'export const wired_4 = fn_7_0;']);
      prependLines(root, `libs/${TOP}/src/lib/file-1.ts`, [`import { fn_4_0 } from '@synth/${MIDDLE}';`, 'export const wired_0 = fn_4_0;']);
      fs.writeFileSync(path.join(root, LONER_CONVENTIONS), '---\ntests: { required: false }\n---\n# Conventions\n');
      fs.writeFileSync(path.join(root, BOTTOM_README), `# ${BOTTOM}\n\nShared data access.\n`);
    },
  });
  projects = listProjects(dir);
}, SETUP_TIMEOUT_MS);

afterAll(() => {
  // HARNESS_E2E_KEEP=1 leaves the workspace behind to debug a failure by hand.
  if (dir && !process.env.HARNESS_E2E_KEEP) removeSynthWorkspace(dir);
});

it('has the 12 projects and the hand-wired chain', () => {
  expect(projects).toHaveLength(12);
  expect(projects).toEqual(expect.arrayContaining([TOP, MIDDLE, BOTTOM, LONER]));
});

it('reruns a project whose source file changed, and only that project', async () => {
  await runCachedBaseline();
  const file = `libs/${LONER}/src/lib/file-2.ts`;

  // A ui project may import ui projects, but scope:auth may not import scope:billing.
  const run = await runAfterEditing([file], () =>
    prependLines(dir, file, ["import { fn_8_0 } from '@synth/billing-ui-8';", 'export const probe_source = fn_8_0;']),
  );

  expect(run.code).toBe(1);
  expect(readReportedFiles()).toEqual([file]);
  expect(selectTasks(run, 'ran')).toEqual([LONER]);
  expect(selectTasks(run, 'cache')).toEqual(others(LONER));
}, STEP_TIMEOUT_MS);

it('reruns every project when harness.yaml changes', async () => {
  await runCachedBaseline();

  const run = await runAfterEditing(['harness.yaml'], () =>
    fs.appendFileSync(resolve('harness.yaml'), '    - sourceTag: "scope:billing"\n      notDependOnLibsWithTags: ["scope:shared"]\n'),
  );

  expect(run.code).toBe(1);
  expect(readReportedFiles()).toContain(MIDDLE_FILE);
  expect(selectTasks(run, 'cache')).toEqual([]);
  expect(selectTasks(run, 'ran')).toEqual(others());
}, STEP_TIMEOUT_MS);

it("reruns a project when a dependency's tags change, not the projects outside the chain", async () => {
  await runCachedBaseline();
  const bottomProject = `libs/${BOTTOM}/project.json`;

  const run = await runAfterEditing([bottomProject], () =>
    setTags(dir, BOTTOM, readTags(dir, BOTTOM).map((tag) => (tag === 'scope:shared' ? 'scope:auth' : tag))),
  );

  expect(run.code).toBe(1);
  expect(readReportedFiles()).toEqual([MIDDLE_FILE]);
  expect(run.tasks.get(MIDDLE)).toBe('ran');
  expect(run.tasks.get(BOTTOM)).toBe('ran');
  expect(selectTasks(run, 'cache')).toEqual(expect.arrayContaining(others(TOP, MIDDLE, BOTTOM)));
}, STEP_TIMEOUT_MS);

it('reruns a project when a tag two hops down its dependencies changes (transitive inputs)', async () => {
  await runCachedBaseline();
  const bottomProject = `libs/${BOTTOM}/project.json`;

  const run = await runAfterEditing([bottomProject], () => setTags(dir, BOTTOM, [...readTags(dir, BOTTOM), 'deprecated']));

  // TOP imports only MIDDLE; a stale replay of its green result would exit 0 here.
  expect(run.code).toBe(1);
  expect(readReportedFiles()).toEqual([TOP_FILE]);
  expect(readFindings().map((finding) => finding.found)).toEqual([`@synth/${MIDDLE}`]);
  expect(run.tasks.get(TOP)).toBe('ran');
  expect(selectTasks(run, 'cache')).toEqual(others(TOP, MIDDLE, BOTTOM));
}, STEP_TIMEOUT_MS);

it("reruns the projects above a dependency whose package.json changes (TS-solution tags live there)", async () => {
  await runCachedBaseline();
  const bottomPackage = `libs/${BOTTOM}/package.json`;

  // project.json and package.json are one fileset of the target's inputs; this is the second half.
  const run = await runAfterEditing([bottomPackage], () =>
    fs.writeFileSync(resolve(bottomPackage), JSON.stringify({ name: `@synth/${BOTTOM}-package`, private: true }, null, 2) + '\n'),
  );

  expect(run.code).toBe(0);
  expect(run.tasks.get(BOTTOM)).toBe('ran');
  expect(run.tasks.get(MIDDLE)).toBe('ran');
  expect(run.tasks.get(TOP)).toBe('ran');
  expect(selectTasks(run, 'cache')).toEqual(others(TOP, MIDDLE, BOTTOM));
}, STEP_TIMEOUT_MS);

it('runs a new project and reruns the project that starts importing it', async () => {
  await runCachedBaseline();
  const name = 'auth-util-cache-new';
  const importer = 'notifications-feature-2';
  const importerFile = `libs/${importer}/src/lib/file-0.ts`;

  const run = await runAfterEditing([`libs/${name}/`, 'tsconfig.base.json', importerFile], () => {
    writeJson(dir, `libs/${name}/project.json`, { name, sourceRoot: `libs/${name}/src`, projectType: 'library', tags: ['scope:auth', 'type:util'] });
    fs.mkdirSync(resolve(`libs/${name}/src/lib`), { recursive: true });
    fs.writeFileSync(resolve(`libs/${name}/src/lib/new.ts`), 'export function fn_new_0(input: number): number {\n  return input;\n}\n');
    fs.writeFileSync(resolve(`libs/${name}/src/index.ts`), "export * from './lib/new';\n");
    const tsconfig = readJson(dir, 'tsconfig.base.json');
    tsconfig.compilerOptions.paths[`@synth/${name}`] = [`libs/${name}/src/index.ts`];
    writeJson(dir, 'tsconfig.base.json', tsconfig);
    prependLines(dir, importerFile, [`import { fn_new_0 } from '@synth/${name}';`, 'export const probe_new = fn_new_0;']);
  });

  expect(run.code).toBe(1);
  expect(readReportedFiles()).toEqual([importerFile]);
  expect(run.tasks.get(name)).toBe('ran');
  expect(run.tasks.get(importer)).toBe('ran');
}, STEP_TIMEOUT_MS);

it("reruns a project when its CONVENTIONS.md changes, and only that project", async () => {
  await runCachedBaseline();

  const run = await runAfterEditing([LONER_CONVENTIONS], () =>
    fs.writeFileSync(resolve(LONER_CONVENTIONS), '---\ntests: { required: false }\nnaming: { files: kebab-case }\n---\n# Conventions\n'),
  );

  expect(run.code).toBe(0);
  expect(selectTasks(run, 'ran')).toEqual([LONER]);
  expect(selectTasks(run, 'cache')).toEqual(others(LONER));
}, STEP_TIMEOUT_MS);

it("keeps the cache of its dependents and of unrelated projects when a project's README.md changes", async () => {
  await runCachedBaseline();

  const run = await runAfterEditing([BOTTOM_README], () => fs.appendFileSync(resolve(BOTTOM_README), '\nA line that changes no rule.\n'));

  expect(run.code).toBe(0);
  // BOTTOM reruns on its own file; MIDDLE and TOP depend on it but not on its README.
  expect(selectTasks(run, 'ran')).toEqual([BOTTOM]);
  expect(selectTasks(run, 'cache')).toEqual(others(BOTTOM));
}, STEP_TIMEOUT_MS);

it('restores each --output-file report when the task is read from the cache', async () => {
  // Its own folder, so the first run misses the cache that the other tests filled.
  const args = [RULES, '--format=json', '--output-file=dist/restored/{projectName}.json'];
  const reports = projects.map((p) => `dist/restored/${p}.json`);
  const first = await runHarnessCheck(dir, args);
  expect(first.code).toBe(0);
  expect({ afterRun: 'first', missing: reports.filter((f) => !fs.existsSync(resolve(f))) }).toEqual({ afterRun: 'first', missing: [] });
  fs.rmSync(resolve('dist'), { recursive: true, force: true });

  const second = await runHarnessCheck(dir, args);

  expect(second.code).toBe(0);
  expect(selectTasks(second, 'cache')).toEqual(others());
  // A CI step that uploads the report must find it whether or not Nx ran the task.
  expect({ afterRun: 'cached', missing: reports.filter((f) => !fs.existsSync(resolve(f))) }).toEqual({ afterRun: 'cached', missing: [] });
}, STEP_TIMEOUT_MS);

it("re-parses a changed file although harness's facts cache holds the old one", async () => {
  // --skip-nx-cache: Nx runs every task, so what is checked is harness's own facts cache
  // (.nx/workspace-data/harness-facts), keyed by the content hashes in Nx's file map.
  const file = `libs/${LONER}/src/lib/file-3.ts`;
  const args = ['--rules=naming', '--skip-nx-cache', `--projects=${LONER}`, '--format=json', `--output-file=${REPORTS}/{projectName}.json`];
  const namesFound = async () => {
    fs.rmSync(resolve(REPORTS), { recursive: true, force: true });
    await runHarnessCheck(dir, args, {}, 'run-many');
    return readFindings().filter((f) => f.file === file).map((f) => f.found.replace(/`/g, '')).filter((found) => found.includes('Probe'));
  };
  const original = fs.readFileSync(resolve(file), 'utf8');
  try {
    fs.writeFileSync(resolve(file), `${original}\nexport function Probe_First(): number {\n  return 1;\n}\n`);
    expect(await namesFound()).toEqual(['Probe_First']);
    expect(fs.readdirSync(resolve('.nx/workspace-data/harness-facts'))).toContain(`${LONER}.json`);
    fs.writeFileSync(resolve(file), `${original}\nexport function Probe_Second(): number {\n  return 2;\n}\n`);
    expect(await namesFound()).toEqual(['Probe_Second']);
    fs.writeFileSync(resolve(file), original);
    expect(await namesFound()).toEqual([]);
  } finally {
    fs.writeFileSync(resolve(file), original);
  }
}, 3 * STEP_TIMEOUT_MS);

it('stays within the suite time budget', () => {
  expect(Date.now() - startedAt).toBeLessThan(SUITE_BUDGET_MS);
});
