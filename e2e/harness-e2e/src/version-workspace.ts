import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ensureTarball } from './ensure-tarball';
import { listFiles } from './list-files';
import { runCommand, runNx } from './run-command';
import { TRY_AS_USER } from './workspace';

/** A finding the version matrix expects in the output of `nx run-many -t harness-check`. */
export interface ExpectedFinding {
  project: string;
  severity: 'ERROR' | 'WARN';
  title: string;
  file: string;
  found: string;
}

/**
 * A fresh create-nx-workspace workspace at `version` with the packed plugin as `harness`. On
 * Nx 21 a plain `npm i -D harness` stops with ERESOLVE (npm picks the newest @nx/devkit for the
 * plugin's peer, and it wants Nx 22); the README tells those users to name their @nx/devkit,
 * and so does this helper.
 */
export async function createVersionWorkspace(name: string, version: string): Promise<string> {
  const tarball = await ensureTarball();
  const parent = fs.mkdtempSync(path.join(os.tmpdir(), `harness-e2e-${name}-`));
  const dir = path.join(parent, name);
  const env = { ...process.env, NX_DAEMON: 'false' };
  const made = await runCommand('bash', [TRY_AS_USER, dir, tarball, version], { cwd: parent, env, timeoutMs: 5 * 60 * 1000 });
  if (made.code === 0) return dir;
  const log = path.join(dir, 'install.log');
  const peerConflict = fs.existsSync(log) && /ERESOLVE[\s\S]*@nx\/devkit/.test(fs.readFileSync(log, 'utf8'));
  if (!peerConflict) throw new Error(`creating the workspace "${dir}" at Nx ${version} failed (exit ${made.code}):\n${made.output}`);
  const pinned = await runCommand('npm', ['i', '-D', `harness@file:${tarball}`, `@nx/devkit@${version}`], { cwd: dir, env, timeoutMs: 5 * 60 * 1000 });
  if (pinned.code !== 0) throw new Error(`installing harness with @nx/devkit@${version} failed (exit ${pinned.code}):\n${pinned.output}`);
  return dir;
}

/**
 * Turns a fresh workspace into one with known findings: `billing` imports `ledger` across a
 * scope constraint, `ledger` exports a function named against the naming convention, and
 * `fillers` more modules (copies of ledger) make the run long enough to time. No module has a
 * coverage report, so every project prints a coverage warning: the proof that each project's
 * output is shown, not only the failing ones'.
 */
export async function writeKnownFindings(dir: string, fillers: number): Promise<ExpectedFinding[]> {
  for (const name of ['billing', 'ledger']) await runChecked(dir, ['g', 'harness:module', name, '--no-interactive']);
  const names = Array.from({ length: fillers }, (_, i) => `area-${String.fromCharCode(97 + (i % 26))}${i >= 26 ? Math.floor(i / 26) : ''}`);
  for (const name of names) copyModule(dir, 'ledger', name);
  replaceIn(dir, 'harness.yaml', 'constraints: []', "constraints:\n    - { sourceTag: 'scope:billing', onlyDependOnLibsWithTags: ['scope:billing'] }");
  replaceIn(dir, 'modules/billing/src/lib/billing.ts', /^/, "import { describeLedger } from '@ws/ledger';\n");
  replaceIn(dir, 'modules/billing/src/lib/billing.ts', "BILLING_MODULE_NAME + ' module'", "BILLING_MODULE_NAME + ' module, then ' + describeLedger()");
  fs.appendFileSync(path.join(dir, 'modules/ledger/src/lib/ledger.ts'), '\n/** Totals the ledger. */\nexport function Total_Ledger(): number {\n  return 0;\n}\n');
  await runChecked(dir, ['sync', '--no-interactive']);
  const coverage = ['billing', 'ledger', ...names].map((name) => ({
    project: name,
    severity: 'WARN' as const,
    title: 'Coverage report missing',
    file: `modules/${name}/test-output/jest/coverage/coverage-summary.json`,
    found: `\`no coverage-summary.json for ${name}\``,
  }));
  return [
    { project: 'billing', severity: 'ERROR', title: 'Dependency constraint violation', file: 'modules/billing/src/lib/billing.ts', found: '`@ws/ledger`' },
    { project: 'ledger', severity: 'ERROR', title: 'Naming convention violation', file: 'modules/ledger/src/lib/ledger.ts', found: '`Total_Ledger`' },
    ...coverage,
  ];
}

async function runChecked(dir: string, args: string[]): Promise<void> {
  const result = await runNx(dir, args);
  if (result.code !== 0) throw new Error(`nx ${args.join(' ')} failed (exit ${result.code}):\n${result.output}`);
}

/** A copy of a generated module under another name, as if generated with that name. */
function copyModule(dir: string, from: string, to: string): void {
  const camel = (name: string) => name.replace(/(^|-)([a-z0-9])/g, (_, _dash, c: string) => c.toUpperCase());
  const words: Array<[string, string]> = [
    [from.toUpperCase(), to.toUpperCase().replace(/-/g, '_')],
    [camel(from), camel(to)],
    [from, to],
  ];
  const source = path.join(dir, 'modules', from);
  for (const file of listFiles(source)) {
    let text = fs.readFileSync(path.join(source, file), 'utf8');
    for (const [a, b] of words) text = text.split(a).join(b);
    const target = path.join(dir, 'modules', to, file.split(from).join(to));
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, text);
  }
}

function replaceIn(dir: string, file: string, search: string | RegExp, replacement: string): void {
  const full = path.join(dir, file);
  const text = fs.readFileSync(full, 'utf8');
  const next = text.replace(search, replacement);
  if (next === text) throw new Error(`${file} has no ${String(search)} to replace`);
  fs.writeFileSync(full, next);
}
