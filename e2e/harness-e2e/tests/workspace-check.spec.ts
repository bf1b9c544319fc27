import { createUserWorkspace, createWorkspaceFiles, parseFindingBlocks, removeUserWorkspace, runCommand, runNx, type CommandResult } from '../src';
import { runHarnessCheck, selectTasks } from '../src/synth';

/*
 * The workspace check (issue 12, item 3), as a user meets it: `nx g harness:module billing`, then
 * a project added by hand (`modules/ledger`, no README), then `nx sync`. Workspace files are
 * judged by the root project's harness-check, a module's own problems by that module's check,
 * and the sync never links a file that does not exist. ONE real workspace from the packed
 * tarball; tests run in file order and build on each other.
 *
 * Time budget on 2 cores, whole suite under 5 minutes (measured: 164-190 s at load 16): workspace
 * ~5 s (cached) or ~60 s, init ~5 s, module ~35 s (jest install), each sync ~4 s, each check or
 * run-many ~3-6 s.
 */
const SUITE_BUDGET_MS = 5 * 60 * 1000;
const SETUP_TIMEOUT_MS = 4 * 60 * 1000;
const STEP_TIMEOUT_MS = 2 * 60 * 1000;

const startedAt = Date.now();
let dir = '';
/** The workspace project: Nx's root project, named after the root package.json. */
let workspace = '';

const { read, write } = createWorkspaceFiles(() => dir);
const runChecked = async (args: string[]): Promise<CommandResult> => {
  const result = await runNx(dir, args);
  if (result.code !== 0) throw new Error(`nx ${args.join(' ')} failed:\n${result.output}`);
  return result;
};
const commit = async (message: string) => {
  for (const args of [['add', '-A'], ['-c', 'user.email=user@example.com', '-c', 'user.name=user', 'commit', '-qm', message]]) {
    const result = await runCommand('git', args, { cwd: dir });
    if (result.code !== 0) throw new Error(`git ${args.join(' ')} failed:\n${result.output}`);
  }
};

beforeAll(async () => {
  dir = await createUserWorkspace('workspace-check');
  await runChecked(['g', 'harness:init', '--no-interactive']);
  await runChecked(['g', 'harness:module', 'billing', '--no-interactive']);
  write('modules/ledger/project.json', JSON.stringify({ name: 'ledger', tags: ['scope:ledger', 'type:lib'] }, null, 2) + '\n');
  write('modules/ledger/src/index.ts', 'export const ledgerTotal = 0;\n');
  await runChecked(['sync']);
  workspace = JSON.parse(read('package.json')).name;
}, SETUP_TIMEOUT_MS);

afterAll(() => {
  if (dir && !process.env.HARNESS_E2E_KEEP) removeUserWorkspace(dir);
});

describe('after nx sync on a hand-added project without a README', () => {
  it('keeps nx sync:check green and links the module folder, not a missing README', async () => {
    const result = await runNx(dir, ['sync:check']);
    expect(result.code).toBe(0);
    expect(read('BRIEF.md')).toContain('| `ledger` | [modules/ledger](modules/ledger) | `scope:ledger` `type:lib` |  |');
    expect(read('BRIEF.md')).not.toContain('modules/ledger/README.md');
  }, STEP_TIMEOUT_MS);

  it('passes billing, which cannot fix anything of ledger or BRIEF.md', async () => {
    const result = await runNx(dir, ['run', 'billing:harness-check', '--skip-nx-cache']);
    expect(result.output).not.toContain('File: BRIEF.md');
    expect(result.output).toContain('0 errors');
    expect(result.code).toBe(0);
  }, STEP_TIMEOUT_MS);

  it("reports ledger's missing README on ledger's own check, with the adopt command", async () => {
    const result = await runNx(dir, ['run', 'ledger:harness-check', '--skip-nx-cache']);
    expect(result.code).toBe(1);
    const readme = parseFindingBlocks(result.output).find((b) => b.fields.File === 'modules/ledger/README.md');
    expect(readme).toMatchObject({ severity: 'ERROR', title: 'Missing module document', fields: { Found: '`modules/ledger/README.md does not exist`' } });
    expect(readme?.fields.Fix).toContain('`nx g harness:adopt --projects=ledger`');
    expect(parseFindingBlocks(result.output).map((b) => b.fields.File)).not.toContain('BRIEF.md');
  }, STEP_TIMEOUT_MS);

  it('gives the root project a harness-check that run-many includes, and it passes', async () => {
    const shown = await runNx(dir, ['show', 'projects', '--with-target=harness-check']);
    expect(shown.output.split('\n').map((l) => l.trim())).toEqual(expect.arrayContaining(['billing', 'ledger', workspace]));
    const run = await runHarnessCheck(dir, ['--exclude=ledger']);
    expect(run.output).toContain(`nx run ${workspace}:harness-check`);
    expect([...run.tasks.keys()].sort()).toEqual(['billing', workspace].sort());
    expect(run.code).toBe(0);
  }, STEP_TIMEOUT_MS);
});

describe('the workspace check', () => {
  it('judges BRIEF.md: a link broken by hand fails the workspace task, not billing', async () => {
    const brief = read('BRIEF.md');
    write('BRIEF.md', brief.replace('## Module map', 'See [the plan](docs/plan.md).\n\n## Module map'));
    try {
      const run = await runHarnessCheck(dir, ['--exclude=ledger', '--skip-nx-cache']);
      expect(run.code).toBe(1);
      // billing prints a warning (no coverage report yet); the only error is the workspace task's.
      expect(parseFindingBlocks(run.output).filter((b) => b.severity === 'ERROR')).toEqual([
        expect.objectContaining({ title: 'Broken link in workspace docs', fields: expect.objectContaining({ File: 'BRIEF.md', Found: '`docs/plan.md`' }) }),
      ]);
      expect(run.output).toMatch(new RegExp(`Failed tasks:\\s+- ${workspace.replace(/[/@]/g, '\\$&')}:harness-check\\s*$`, 'm'));
      const billing = await runNx(dir, ['run', 'billing:harness-check', '--skip-nx-cache']);
      expect(billing.code).toBe(0);
    } finally {
      write('BRIEF.md', brief);
    }
  }, STEP_TIMEOUT_MS);

  it('reruns alone when BRIEF.md changes, in run-many (cache) and in nx affected', async () => {
    const baseline = await runHarnessCheck(dir, ['--exclude=ledger']);
    expect(baseline.code).toBe(0);
    await commit('workspace check baseline');
    const brief = read('BRIEF.md');
    write('BRIEF.md', brief.replace('# Brief', '# Brief\n\nThe ledger is new.'));
    try {
      const run = await runHarnessCheck(dir, ['--exclude=ledger']);
      expect(run.code).toBe(0);
      expect(selectTasks(run, 'ran')).toEqual([workspace]);
      expect(selectTasks(run, 'cache')).toEqual(['billing']);
      const affected = await runHarnessCheck(dir, ['--base=HEAD'], {}, 'affected');
      expect([...affected.tasks.keys()]).toEqual([workspace]);
    } finally {
      write('BRIEF.md', brief);
    }
  }, STEP_TIMEOUT_MS);

  it('links the README once adopt writes it, and ledger stops reporting it', async () => {
    await runChecked(['g', 'harness:adopt', '--projects=ledger', '--no-interactive']);
    expect(read('BRIEF.md')).toContain('[modules/ledger](modules/ledger/README.md)');
    expect((await runNx(dir, ['sync:check'])).code).toBe(0);
    const result = await runNx(dir, ['run', 'ledger:harness-check', '--skip-nx-cache']);
    expect(result.output).not.toContain('File: modules/ledger/README.md');
  }, STEP_TIMEOUT_MS);
});

it('stays within its time budget', () => {
  expect(Date.now() - startedAt).toBeLessThan(SUITE_BUDGET_MS);
});
