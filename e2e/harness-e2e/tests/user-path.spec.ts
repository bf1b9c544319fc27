import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  createUserWorkspace,
  parseFindingBlocks,
  readGitStatus,
  removeUserWorkspace,
  runNx,
  snapshotFiles,
  type CommandResult,
} from '../src';

/*
 * The user path of the foundation issue, in ONE real workspace made from the packed tarball
 * (Nx 23.2.1, TS-solution preset). The tests run in file order and build on each other:
 * init, then the billing module, then the refusals and a finding.
 *
 * Time budget on 2 cores, whole suite under 6 minutes:
 *   workspace   ~5 s from try-as-user.sh's cache; +60 s create-nx-workspace on a machine
 *               without it; +30 s packing when the tarball is older than the compiled plugin
 *   init        ~5 s each run
 *   module      ~35 s the first time (it installs jest), then ~5 s
 *   nx test     ~10 s; each harness-check ~3 s
 * The last test fails the suite when it runs over, so a slowdown is seen, not absorbed.
 */
const SUITE_BUDGET_MS = 6 * 60 * 1000;
const SETUP_TIMEOUT_MS = 4 * 60 * 1000;
const STEP_TIMEOUT_MS = 2 * 60 * 1000;

const ROOT_DOCS = ['harness.yaml', 'AGENTS.md', 'BRIEF.md', 'ARCHITECTURE.md'];
const BILLING_FILES = [
  'README.md',
  'CONVENTIONS.md',
  'project.json',
  'src/index.ts',
  'src/lib/billing.ts',
  'tests/billing.spec.ts',
  'jest.config.cjs',
];
const STACK_FRAME = /^\s+at .+:\d+(:\d+)?\)?$/m;

const startedAt = Date.now();
let dir = '';

function readText(file: string): string {
  return fs.readFileSync(path.join(dir, file), 'utf8');
}

function generate(...args: string[]): Promise<CommandResult> {
  return runNx(dir, ['g', ...args, '--no-interactive']);
}

beforeAll(async () => {
  dir = await createUserWorkspace('user-path');
}, SETUP_TIMEOUT_MS);

afterAll(() => {
  // HARNESS_E2E_KEEP=1 leaves the workspace behind to debug a failure by hand.
  if (dir && !process.env.HARNESS_E2E_KEEP) removeUserWorkspace(dir);
});

describe('nx g harness:init', () => {
  it('registers the plugin and writes harness.yaml, AGENTS.md, BRIEF.md and ARCHITECTURE.md', async () => {
    const result = await generate('harness:init');

    expect(result).toMatchObject({ code: 0 });
    for (const file of ROOT_DOCS) expect({ file, exists: fs.existsSync(path.join(dir, file)) }).toEqual({ file, exists: true });
    const plugins: Array<string | { plugin: string }> = JSON.parse(readText('nx.json')).plugins ?? [];
    expect(plugins.map((p) => (typeof p === 'string' ? p : p.plugin))).toContain('harness');
  }, STEP_TIMEOUT_MS);

  it('changes nothing on a second run and keeps a line the user added to AGENTS.md', async () => {
    const userLine = 'Team note: releases go out on Tuesdays (user-path e2e).';
    fs.appendFileSync(path.join(dir, 'AGENTS.md'), `\n${userLine}\n`);
    const agents = readText('AGENTS.md');
    // The line must sit outside the harness-owned part, or keeping it would prove nothing.
    expect(agents.indexOf(userLine)).toBeGreaterThan(agents.lastIndexOf('<!-- harness:end -->'));
    const before = snapshotFiles(dir);

    const result = await generate('harness:init');

    expect(result).toMatchObject({ code: 0 });
    expect(snapshotFiles(dir)).toEqual(before);
    expect(readText('AGENTS.md')).toContain(userLine);
  }, STEP_TIMEOUT_MS);
});

describe('nx g harness:module billing', () => {
  let generated: CommandResult;

  beforeAll(async () => {
    generated = await generate('harness:module', 'billing');
  }, STEP_TIMEOUT_MS);

  it('writes the module files', () => {
    expect(generated).toMatchObject({ code: 0 });
    const missing = BILLING_FILES.filter((file) => !fs.existsSync(path.join(dir, 'modules/billing', file)));
    expect(missing).toEqual([]);
  });

  it('tags the project scope:billing and type:feature', () => {
    const project = JSON.parse(readText('modules/billing/project.json'));
    expect(project.tags).toEqual(expect.arrayContaining(['scope:billing', 'type:feature']));
  });

  it('opens CONVENTIONS.md with YAML front matter', () => {
    const conventions = readText('modules/billing/CONVENTIONS.md');
    expect(conventions).toMatch(/^---\r?\n[\s\S]*?\r?\n---\r?\n/);
  });

  it('adds a billing row to the BRIEF.md module map', () => {
    expect(readText('BRIEF.md')).toMatch(/^\|.*`billing`.*\|\s*$/m);
  });

  it('passes `nx test billing` and writes the coverage summary', async () => {
    const result = await runNx(dir, ['test', 'billing']);

    expect(result).toMatchObject({ code: 0 });
    expect(fs.existsSync(path.join(dir, 'modules/billing/test-output/jest/coverage/coverage-summary.json'))).toBe(true);
  }, STEP_TIMEOUT_MS);

  it('passes `nx run billing:harness-check`', async () => {
    expect(await runNx(dir, ['run', 'billing:harness-check'])).toMatchObject({ code: 0 });
  }, STEP_TIMEOUT_MS);

  it('passes `nx run-many -t harness-check`', async () => {
    expect(await runNx(dir, ['run-many', '-t', 'harness-check'])).toMatchObject({ code: 0 });
  }, STEP_TIMEOUT_MS);
});

describe('refusals', () => {
  it('refuses to generate billing again and changes nothing', async () => {
    const before = snapshotFiles(dir);

    const result = await generate('harness:module', 'billing');

    expect(result.code).not.toBe(0);
    expect(result.output).toMatch(/harness: .*"billing"/);
    expect(snapshotFiles(dir)).toEqual(before);
  }, STEP_TIMEOUT_MS);

  it('refuses "../evil" with one harness: sentence, no stack trace, and writes nothing', async () => {
    const statusBefore = await readGitStatus(dir);
    const before = snapshotFiles(dir);

    const result = await generate('harness:module', '../evil');

    expect(result.code).not.toBe(0);
    const sentences = result.output.split('\n').filter((line) => line.includes('harness: '));
    expect(sentences).toHaveLength(1);
    expect(sentences[0]).toContain('"../evil"');
    expect(result.output).not.toMatch(STACK_FRAME);
    expect(await readGitStatus(dir)).toBe(statusBefore);
    expect(snapshotFiles(dir)).toEqual(before);
    expect(fs.existsSync(path.join(dir, 'evil'))).toBe(false);
  }, STEP_TIMEOUT_MS);

  it.each([['harness:module', 'ledger'], ['harness:init']])('honours --dry-run for %s: it lists changes and writes nothing', async (...args) => {
    const statusBefore = await readGitStatus(dir);
    const before = snapshotFiles(dir);

    const result = await generate(...args, '--dry-run');

    expect(result.code).toBe(0);
    expect(await readGitStatus(dir)).toBe(statusBefore);
    expect(snapshotFiles(dir)).toEqual(before);
  }, STEP_TIMEOUT_MS);
});

describe('nx run billing:harness-check findings', () => {
  it('fails with an ERROR block whose Fix names README.md when README.md is deleted', async () => {
    const readme = path.join(dir, 'modules/billing/README.md');
    const text = fs.readFileSync(readme, 'utf8');
    fs.rmSync(readme);
    let result: CommandResult;
    try {
      result = await runNx(dir, ['run', 'billing:harness-check', '--skip-nx-cache']);
    } finally {
      fs.writeFileSync(readme, text);
    }

    expect(result.code).toBe(1);
    const blocks = parseFindingBlocks(result.output);
    expect(blocks).toContainEqual(
      expect.objectContaining({
        severity: 'ERROR',
        fields: expect.objectContaining({ Fix: expect.stringContaining('README.md') }),
      }),
    );
  }, STEP_TIMEOUT_MS);

  it('is green again once README.md is back', async () => {
    expect(await runNx(dir, ['run', 'billing:harness-check', '--skip-nx-cache'])).toMatchObject({ code: 0 });
  }, STEP_TIMEOUT_MS);
});

// Last in the file, so it runs after every other test (jest runs them in declaration order).
describe('time budget', () => {
  it('keeps the whole suite under 6 minutes', () => {
    expect(Date.now() - startedAt).toBeLessThan(SUITE_BUDGET_MS);
  });
});
