import * as path from 'node:path';
import { createDefaultEffects, parseOptions, planSteps, resolveHarnessSpec, runCli, spawnInherited } from './create-workspace';

interface SpawnCall {
  command: string;
  args: string[];
  cwd: string;
  env: Record<string, string | undefined>;
}

const CWD = path.resolve('/tmp/projects');
const ROOT = path.join(CWD, 'demo');

/** Fake side effects: recorded spawns with scripted exit codes, captured output, a fake file system. */
function createFakeEffects(options: { files?: string[]; codes?: number[]; env?: Record<string, string>; spawnError?: Error } = {}) {
  const calls: SpawnCall[] = [];
  const out: string[] = [];
  const err: string[] = [];
  const files = new Set((options.files ?? []).map((f) => path.resolve(CWD, f)));
  let clock = 0;
  const effects = {
    cwd: CWD,
    exists: (file: string) => files.has(file),
    spawn: async (command: string, args: string[], spawnOptions: { cwd: string; env: Record<string, string | undefined> }) => {
      if (options.spawnError) throw options.spawnError;
      calls.push({ command, args, cwd: spawnOptions.cwd, env: spawnOptions.env });
      return options.codes?.[calls.length - 1] ?? 0;
    },
    stdout: { write: (text: string) => out.push(text) },
    stderr: { write: (text: string) => err.push(text) },
    env: options.env ?? { PATH: '/usr/bin' },
    now: () => (clock += 1500),
  };
  return { effects, calls, stdout: () => out.join(''), stderr: () => err.join('') };
}

/** Each command as one line, for whole-sequence comparisons. */
function listCommandLines(calls: SpawnCall[]): string[] {
  return calls.map((c) => [c.command, ...c.args].join(' '));
}

describe('create-harness-workspace', () => {
  describe('the command sequence', () => {
    it('creates a ts workspace, installs harness, runs init, module, test and the check in order', async () => {
      const fake = createFakeEffects();
      const code = await runCli(['demo'], fake.effects);
      expect(code).toBe(0);
      expect(listCommandLines(fake.calls)).toEqual([
        'npx -y create-nx-workspace@23.2.1 demo --preset=ts --nxCloud=skip --no-interactive --packageManager=npm --skipGit',
        'npm i -D harness@npm:nx-harness',
        'npx nx g harness:init --no-interactive',
        'npx nx g harness:module core --no-interactive',
        'npx nx test core',
        'npx nx run-many -t harness-check',
      ]);
      expect(fake.calls.map((c) => c.cwd)).toEqual([CWD, ROOT, ROOT, ROOT, ROOT, ROOT]);
    });

    it('takes --module, --harness and --nx-version in both --x=v and --x v forms', async () => {
      const fake = createFakeEffects({ files: ['dist/nx-harness-0.1.0.tgz'] });
      const code = await runCli(['demo', '--module', 'billing', '--harness=dist/nx-harness-0.1.0.tgz', '--nx-version', '22.3.3'], fake.effects);
      expect(code).toBe(0);
      expect(listCommandLines(fake.calls)).toEqual([
        'npx -y create-nx-workspace@22.3.3 demo --preset=ts --nxCloud=skip --no-interactive --packageManager=npm --skipGit',
        `npm i -D harness@file:${path.join(CWD, 'dist/nx-harness-0.1.0.tgz')}`,
        'npx nx g harness:init --no-interactive',
        'npx nx g harness:module billing --no-interactive',
        'npx nx test billing',
        'npx nx run-many -t harness-check',
      ]);
    });

    it('runs Nx without a daemon unless the caller chose otherwise', async () => {
      const quiet = createFakeEffects();
      await runCli(['demo'], quiet.effects);
      expect(quiet.calls.every((c) => c.env.NX_DAEMON === 'false' && c.env.PATH === '/usr/bin')).toBe(true);
      const chosen = createFakeEffects({ env: { NX_DAEMON: 'true' } });
      await runCli(['demo'], chosen.effects);
      expect(chosen.calls.every((c) => c.env.NX_DAEMON === 'true')).toBe(true);
    });

    it('prints numbered progress with timings and a closing line naming the folder', async () => {
      const fake = createFakeEffects();
      await runCli(['demo'], fake.effects);
      const out = fake.stdout();
      expect(out).toContain('[1/6] Create the Nx workspace: npx -y create-nx-workspace@23.2.1 demo');
      expect(out).toContain('[6/6] Run harness-check: npx nx run-many -t harness-check');
      expect(out).toContain('[6/6] done in 2s');
      expect(out).toContain(`${ROOT} is ready; harness is set up and module "core" passes its tests and harness-check.`);
      expect(fake.stderr()).toBe('');
    });

    it('exits with the exit code of harness-check and says how to go on', async () => {
      const fake = createFakeEffects({ codes: [0, 0, 0, 0, 0, 1] });
      expect(await runCli(['demo'], fake.effects)).toBe(1);
      expect(fake.calls).toHaveLength(6);
      expect(fake.stderr()).toBe(
        `create-harness-workspace: harness-check found errors in ${ROOT}; fix each finding above as its Fix line says, then run "npx nx run-many -t harness-check" there.\n`,
      );
    });

    it('stops at the first failing step with its exit code, and names the command to re-run', async () => {
      const fake = createFakeEffects({ codes: [0, 7] });
      expect(await runCli(['demo'], fake.effects)).toBe(7);
      expect(fake.calls).toHaveLength(2);
      expect(fake.stderr()).toBe(
        `create-harness-workspace: [2/6] Install harness failed with exit code 7; fix the error above, then run "npm i -D harness@npm:nx-harness" in ${ROOT} and the steps after it.\n`,
      );
    });

    it('reports a command that cannot start as one sentence and exit code 1', async () => {
      const fake = createFakeEffects({ spawnError: new Error('spawn npx ENOENT') });
      expect(await runCli(['demo'], fake.effects)).toBe(1);
      expect(fake.stderr()).toBe('create-harness-workspace: could not start "npx" (spawn npx ENOENT); check that Node.js and npm are on PATH.\n');
    });
  });

  describe('refusals: one sentence, exit code 1, nothing run', () => {
    it.each([
      [['Demo'], 'workspace name "Demo" is not kebab-case; use lower-case letters, digits and dashes, e.g. "my-repo".'],
      [['my repo'], 'workspace name "my repo" is not kebab-case; use lower-case letters, digits and dashes, e.g. "my-repo".'],
      [['../evil'], 'workspace name "../evil" is not kebab-case; use lower-case letters, digits and dashes, e.g. "my-repo".'],
      [['my_repo'], 'workspace name "my_repo" is not kebab-case; use lower-case letters, digits and dashes, e.g. "my-repo".'],
      [['1repo'], 'workspace name "1repo" is not kebab-case; use lower-case letters, digits and dashes, e.g. "my-repo".'],
      [[], 'missing workspace name; run "create-harness-workspace <name>", e.g. "create-harness-workspace my-repo".'],
      [['a', 'b'], 'unexpected argument "b"; pass one workspace name, then options such as --module=billing.'],
      [['demo', '--module=Billing'], 'module name "Billing" is not kebab-case; pass --module=<name> such as --module=billing.'],
      [['demo', '--module='], 'module name "" is not kebab-case; pass --module=<name> such as --module=billing.'],
      [['demo', '--nx-version=1; rm -rf /'], 'Nx version "1; rm -rf /" is not a version or dist-tag; pass --nx-version=23.2.1 or another create-nx-workspace version.'],
      [['demo', '--preset=ts'], 'unknown option "--preset"; the options are --module, --harness, --nx-version and --help.'],
      [['demo', '--module'], 'option "--module" needs a value; write it as --module=<value>.'],
      [['demo', '--help=yes'], 'option "--help" takes no value; write it alone, as --help.'],
      [['demo', '--harness='], '--harness is empty; pass a tarball path, npm:nx-harness or nx-harness@<version>.'],
    ])('refuses %j', async (argv, message) => {
      const fake = createFakeEffects();
      expect(await runCli(argv, fake.effects)).toBe(1);
      expect(fake.stderr()).toBe(`create-harness-workspace: ${message}\n`);
      expect(fake.calls).toEqual([]);
      expect(fake.stdout()).toBe('');
    });

    it('refuses a folder that already exists', async () => {
      const fake = createFakeEffects({ files: ['demo'] });
      expect(await runCli(['demo'], fake.effects)).toBe(1);
      expect(fake.stderr()).toBe(`create-harness-workspace: the folder "${ROOT}" already exists; choose another name or remove that folder.\n`);
      expect(fake.calls).toEqual([]);
    });

    it('refuses a tarball that does not exist', async () => {
      const fake = createFakeEffects();
      expect(await runCli(['demo', '--harness=./missing/nx-harness-0.1.0.tgz'], fake.effects)).toBe(1);
      expect(fake.stderr()).toBe(
        `create-harness-workspace: the harness tarball "${path.join(CWD, 'missing/nx-harness-0.1.0.tgz')}" does not exist; pass the path of a packed nx-harness, such as dist/tarballs/nx-harness-0.1.0.tgz after "npm run package".\n`,
      );
      expect(fake.calls).toEqual([]);
    });
  });

  it('prints the usage for --help and runs nothing', async () => {
    const fake = createFakeEffects();
    expect(await runCli(['--help'], fake.effects)).toBe(0);
    expect(fake.stdout()).toMatch(/^Usage: create-harness-workspace <name> \[--module=core\]/);
    expect(fake.calls).toEqual([]);
  });

  describe('resolveHarnessSpec', () => {
    const exists = (file: string) => file === path.join(CWD, 'pkg.tgz') || file === path.join(CWD, 'packages/harness');
    it.each([
      ['npm:nx-harness', 'npm:nx-harness'],
      ['npm:nx-harness@0.2.0', 'npm:nx-harness@0.2.0'],
      ['nx-harness@0.2.0', 'npm:nx-harness@0.2.0'],
      ['0.2.0', 'npm:nx-harness@0.2.0'],
      ['https://example.com/nx-harness-0.1.0.tgz', 'https://example.com/nx-harness-0.1.0.tgz'],
      ['pkg.tgz', `file:${path.join(CWD, 'pkg.tgz')}`],
      ['file:pkg.tgz', `file:${path.join(CWD, 'pkg.tgz')}`],
      [path.join(CWD, 'pkg.tgz'), `file:${path.join(CWD, 'pkg.tgz')}`],
      ['packages/harness', `file:${path.join(CWD, 'packages/harness')}`],
    ])('turns %s into harness@%s', (value, spec) => {
      expect(resolveHarnessSpec(value, CWD, exists)).toBe(spec);
    });

    it('refuses a file: path that does not exist', () => {
      expect(() => resolveHarnessSpec('file:gone', CWD, exists)).toThrow(`the harness tarball "${path.join(CWD, 'gone')}" does not exist`);
    });
  });

  it('plans the same steps that it parses the options for', () => {
    const options = parseOptions(['shop', '--module=orders'], CWD, () => false);
    expect(options).toEqual({ name: 'shop', module: 'orders', harness: 'npm:nx-harness', nxVersion: '23.2.1' });
    if ('help' in options) throw new Error('expected options, got help');
    expect(planSteps(options, CWD).map((s) => s.title)).toEqual([
      'Create the Nx workspace',
      'Install harness',
      'Set up harness',
      'Create module orders',
      'Test orders',
      'Run harness-check',
    ]);
  });

  describe('the real side effects', () => {
    it('resolves to the exit code of the command it starts', async () => {
      await expect(spawnInherited(process.execPath, ['-e', 'process.exit(3)'], { cwd: process.cwd(), env: process.env })).resolves.toBe(3);
    });

    it('rejects when the command cannot start', async () => {
      await expect(spawnInherited('no-such-command-for-harness', [], { cwd: process.cwd(), env: process.env })).rejects.toThrow('ENOENT');
    });

    it('reads the working folder, the file system and the clock of this process', () => {
      const effects = createDefaultEffects();
      expect(effects.cwd).toBe(process.cwd());
      expect(effects.exists(__filename)).toBe(true);
      expect(effects.exists(path.join(__dirname, 'no-such-file'))).toBe(false);
      expect(effects.now()).toBeGreaterThan(0);
    });
  });
});
