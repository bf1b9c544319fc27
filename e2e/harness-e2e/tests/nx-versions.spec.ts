import * as fs from 'node:fs';
import { createNxEnv, parseFindingBlocks, removeUserWorkspace, runCommand, runNx, type CommandResult } from '../src';
import { createVersionWorkspace, writeKnownFindings, type ExpectedFinding } from '../src/version-workspace';
import { NX_VERSION } from '../src/workspace';

/*
 * `nx run-many -t harness-check` at one Nx version (HARNESS_NX_VERSION, default 23.2.1) on a
 * workspace with known findings: every finding printed exactly once, exit code 1, batched where
 * Nx can batch, and the time each run takes. `npm run e2e:matrix` runs it at every version of
 * the matrix and writes benchmarks/NX-VERSIONS.md from the records it leaves in
 * HARNESS_NX_VERSIONS_OUT (one JSON line per version).
 *
 * Time on 2 cores: workspace ~5 s from try-as-user.sh's cache (+~60 s the first time per
 * version), init and two modules ~45 s, each run-many 2-20 s depending on the Nx version.
 */
const SETUP_TIMEOUT_MS = 5 * 60 * 1000;
const RUN_TIMEOUT_MS = 3 * 60 * 1000;
const FILLERS = Number(process.env.HARNESS_NX_VERSIONS_FILLERS ?? 10);

/** Nx 22.6.0 is the first release whose task runner honours `preferBatch` (see nx-runtime.ts). */
const BATCHES_BY_ITSELF = compareVersions(NX_VERSION, '22.6.0') >= 0;
const BATCH_LINE = /Running \d+ tasks with \S+:check/;
const HINT_LINE = /^harness: Nx \S+ starts one process per project .*--batch.*NX_BATCH_MODE=true/m;
// Nx 23.2 defaults to `static-failures-only` in CI: a passing task's output collapses to one line,
// and Nx says how many it withheld. Warnings of passing projects are then Nx's to show.
const WITHHELD_LINE = /Output of (\d+) successful tasks? (?:were|was) not shown/;

interface RunRecord {
  command: string;
  seconds: number;
  exit: number;
  batched: boolean;
  printed: number;
  expected: number;
  duplicated: number;
  /** Passing tasks whose output Nx withheld (its `static-failures-only` style), by its own count. */
  withheld: number;
  hint: boolean;
}

let dir = '';
let expected: ExpectedFinding[] = [];
const records: RunRecord[] = [];

function compareVersions(a: string, b: string): number {
  const [pa, pb] = [a, b].map((v) => v.split('.').map((n) => parseInt(n, 10)));
  for (let i = 0; i < 3; i++) if (pa[i] !== pb[i]) return pa[i] - pb[i];
  return 0;
}

/** `nx run-many` as CI runs it: CI=true (static output, no TUI), no daemon, no Nx Cloud. */
async function runMany(extra: string[], extraEnv: Record<string, string> = {}): Promise<{ result: CommandResult; record: RunRecord }> {
  const args = ['nx', 'run-many', '-t', 'harness-check', '--skip-nx-cache', ...extra];
  const env = { ...createNxEnv(), CI: 'true', NX_NO_CLOUD: 'true', ...extraEnv };
  const started = Date.now();
  const result = await runCommand('npx', args, { cwd: dir, env, timeoutMs: RUN_TIMEOUT_MS });
  const seconds = (Date.now() - started) / 1000;
  const blocks = parseFindingBlocks(result.output);
  const counts = expected.map(
    (f) => blocks.filter((b) => b.severity === f.severity && b.title === f.title && b.fields.File === f.file && b.fields.Found === f.found).length,
  );
  const record: RunRecord = {
    command: [...Object.entries(extraEnv).map(([k, v]) => `${k}=${v}`), ...args].join(' '),
    seconds: Math.round(seconds * 10) / 10,
    exit: result.code,
    batched: BATCH_LINE.test(result.output),
    printed: counts.filter((n) => n > 0).length,
    expected: expected.length,
    duplicated: counts.filter((n) => n > 1).length,
    withheld: Number(WITHHELD_LINE.exec(result.output)?.[1] ?? 0),
    hint: HINT_LINE.test(result.output),
  };
  records.push(record);
  return { result, record };
}

/**
 * The expected findings the output lacks. With `withheld` (Nx's own count of passing tasks it did
 * not show), the findings of passing projects may be absent only if Nx withheld exactly the
 * passing projects: a finding of a failing project is never excused.
 */
function listMissing(result: CommandResult, withheld = 0): string[] {
  const blocks = parseFindingBlocks(result.output);
  const failing = new Set(expected.filter((f) => f.severity === 'ERROR').map((f) => f.project));
  const passing = new Set(expected.map((f) => f.project).filter((p) => !failing.has(p)));
  // Every task but the failing ones passes: the modules with only warnings, and the workspace
  // check of the root project (harness:init wrote its docs), which has no expected finding.
  const tasks = Number(/target harness-check for (\d+) projects?/.exec(result.output)?.[1] ?? passing.size + failing.size);
  const excused = (f: ExpectedFinding) => withheld > 0 && withheld === tasks - failing.size && passing.has(f.project);
  return expected
    .filter((f) => !blocks.some((b) => b.severity === f.severity && b.title === f.title && b.fields.File === f.file && b.fields.Found === f.found))
    .filter((f) => !excused(f))
    .map((f) => `${f.severity}: ${f.title} (${f.file})`);
}

beforeAll(async () => {
  dir = await createVersionWorkspace('nx-versions', NX_VERSION);
  const init = await runNx(dir, ['g', 'harness:init', '--no-interactive']);
  if (init.code !== 0) throw new Error(`nx g harness:init failed at Nx ${NX_VERSION}:\n${init.output}`);
  expected = await writeKnownFindings(dir, FILLERS);
}, SETUP_TIMEOUT_MS);

afterAll(() => {
  const out = process.env.HARNESS_NX_VERSIONS_OUT;
  if (out && records.length) fs.appendFileSync(out, JSON.stringify({ version: NX_VERSION, projects: FILLERS + 2, records }) + '\n');
  if (dir && !process.env.HARNESS_E2E_KEEP) removeUserWorkspace(dir);
});

describe(`nx run-many -t harness-check at Nx ${NX_VERSION}`, () => {
  it('prints every finding exactly once (or Nx says it withheld the passing projects) and exits 1', async () => {
    const { result, record } = await runMany([]);
    expect(listMissing(result, record.withheld)).toEqual([]);
    expect(record.duplicated).toBe(0);
    expect(record.exit).toBe(1);
  }, RUN_TIMEOUT_MS);

  it('with --output-style=static --batch: every finding of every project exactly once, exit 1', async () => {
    const { result, record } = await runMany(['--output-style=static', '--batch']);
    expect(listMissing(result)).toEqual([]);
    expect(record).toMatchObject({ batched: true, duplicated: 0, exit: 1, withheld: 0 });
  }, RUN_TIMEOUT_MS);

  if (BATCHES_BY_ITSELF) {
    it('runs every project in one batch process, without --batch', () => {
      expect(records[0]).toMatchObject({ batched: true, hint: false });
    });
  } else {
    it('starts a process per project (this Nx ignores preferBatch) and says once how to batch', async () => {
      expect(records[0].batched).toBe(false);
      expect(records[0].hint).toBe(true);
    });

    it('with --batch: one process, every finding exactly once, exit 1, no hint', async () => {
      const { result, record } = await runMany(['--batch']);
      expect(listMissing(result, record.withheld)).toEqual([]);
      expect(record).toMatchObject({ batched: true, duplicated: 0, exit: 1, hint: false });
    }, RUN_TIMEOUT_MS);
  }

  it('with NX_BATCH_MODE=true: the same as --batch', async () => {
    const { result, record } = await runMany([], { NX_BATCH_MODE: 'true' });
    expect(listMissing(result, record.withheld)).toEqual([]);
    expect(record).toMatchObject({ batched: true, duplicated: 0, exit: 1, hint: false });
  }, RUN_TIMEOUT_MS);
});

