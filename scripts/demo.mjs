#!/usr/bin/env node
// npm run demo: the whole user path, in a fresh Nx workspace under tmp/demo. Packs the plugin,
// installs the tarball as `harness`, runs init and three modules, checks them, then shows one
// dependency finding with its fix. The first run takes minutes, so every step says what it does.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const TMP = path.join(REPO, 'tmp');
const DEMO = path.join(TMP, 'demo');
const NX_VERSION = '23.2.1';
// The cache of /work/shared/tools/try-as-user.sh: a finished create-nx-workspace, marked by `ok`.
// When it is there, copying it saves a minute; without it (fresh CI) we create the workspace.
const REFUND_FILE = 'modules/billing/src/lib/refund.ts';
const MODULES = [
  { name: 'billing', args: ['--description=Invoices, payments and refunds.', '--naming=snake_case'] },
  { name: 'auth', args: ['--description=Sign-in, sessions and tokens.'] },
  { name: 'notifications', args: ['--description=E-mail and push messages to users.'] },
];

// A daemon would outlive the demo and serve a stale graph to the next run.
process.env.NX_DAEMON = 'false';

class StepError extends Error {}

function say(text) {
  process.stdout.write(`[demo] ${text}\n`);
}

function stripAnsi(text) {
  return text.replace(/\u001b\[[0-9;]*[A-Za-z]/g, '');
}

/** The ERROR blocks of a check's text output, each as its lines: `ERROR: <title>`, `File: ...`, ... */
function findErrorBlocks(output) {
  const blocks = [];
  let block;
  for (const line of stripAnsi(output).split(/\r?\n/)) {
    if (line.startsWith('ERROR: ')) blocks.push((block = [line]));
    else if (block && /^(File|Line|Found|Expected pattern|Fix|Reference): /.test(line)) block.push(line);
    else block = undefined;
  }
  return blocks;
}

/**
 * Runs a command to the end. Streams its output unless `capture` is set; throws a StepError on
 * a non-zero exit unless `allowFailure` is set, because the caller then judges the exit code.
 */
function run(command, args, { cwd = DEMO, capture = false, allowFailure = false } = {}) {
  const shown = `${command} ${args.join(' ')}`;
  const result = capture ? spawnCaptured(command, args, cwd) : { ...spawnSync(command, args, { cwd, stdio: 'inherit' }), output: '' };
  if (result.error) throw new StepError(`\`${shown}\` could not start: ${result.error.message}`);
  if (result.status !== 0 && !allowFailure) {
    process.stdout.write(result.output);
    throw new StepError(`\`${shown}\` exited with ${result.status ?? result.signal}`);
  }
  return { code: result.status, output: result.output };
}

/** Sends stdout and stderr into one file, so the output keeps the order the command wrote it in. */
function spawnCaptured(command, args, cwd) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'harness-demo-'));
  const file = path.join(dir, 'output.log');
  const fd = fs.openSync(file, 'w');
  try {
    const result = spawnSync(command, args, { cwd, stdio: ['ignore', fd, fd] });
    return { ...result, output: fs.readFileSync(file, 'utf8') };
  } finally {
    fs.closeSync(fd);
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function nx(args, options) {
  return run('npx', ['nx', ...args], options);
}

function findTarball() {
  const dir = path.join(REPO, 'dist/tarballs');
  const tarballs = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => /^nx-harness-.*\.tgz$/.test(f)) : [];
  const newest = tarballs.map((f) => path.join(dir, f)).sort((a, b) => fs.statSync(b).mtimeMs - fs.statSync(a).mtimeMs)[0];
  if (!newest) throw new StepError('scripts/package.mjs wrote no dist/tarballs/nx-harness-*.tgz');
  return newest;
}

function packPlugin() {
  run(process.execPath, [path.join(REPO, 'scripts/package.mjs')], { cwd: REPO });
  return findTarball();
}

/**
 * The bootstrap path a new user takes: `create-harness-workspace` runs create-nx-workspace, installs
 * the tarball as `harness`, runs harness:init, generates a first module (`shared`, which the demo's
 * constraints let every domain use), tests it and checks the workspace.
 */
function bootstrapWorkspace(tarball) {
  fs.rmSync(DEMO, { recursive: true, force: true });
  fs.mkdirSync(TMP, { recursive: true });
  const cli = path.join(REPO, 'packages/create-harness-workspace/bin/create-harness-workspace.js');
  run(process.execPath, [cli, 'demo', '--module=shared', `--harness=${tarball}`, `--nx-version=${NX_VERSION}`], { cwd: TMP });
  // Its own repository, so git (and Nx's ignore handling) stop here, not at this repo's root.
  run('git', ['init', '-q']);
  run('git', ['add', '-A']);
  run('git', ['-c', 'user.email=demo@example.com', '-c', 'user.name=demo', 'commit', '-qm', 'fresh harness workspace']);
}

function generateModules() {
  for (const { name, args } of MODULES) {
    say(`  nx g harness:module ${name}`);
    nx(['g', 'harness:module', name, ...args, '--no-interactive']);
  }
  writeConstraints();
}

/** Each domain may use its own code and shared code only; the rest goes through scope:shared. */
function writeConstraints() {
  const file = path.join(DEMO, 'harness.yaml');
  const yaml = fs.readFileSync(file, 'utf8');
  const empty = /^([ \t]*)constraints: \[\][ \t]*$/m.exec(yaml);
  if (!empty) throw new StepError('harness.yaml has no `constraints: []` line to replace; has init changed its template?');
  const indent = empty[1];
  const entries = MODULES.flatMap(({ name }) => [
    `${indent}  - sourceTag: "scope:${name}"`,
    `${indent}    onlyDependOnLibsWithTags: ["scope:${name}", "scope:shared"]`,
    `${indent}    explanation: "${name} reaches other domains only through scope:shared modules"`,
  ]);
  fs.writeFileSync(file, yaml.replace(empty[0], [`${indent}constraints:`, ...entries].join('\n')));
}

function checkWorkspace() {
  say('  nx run-many -t test (writes the coverage summaries the check reads)');
  nx(['run-many', '-t', 'test']);
  say('  nx run-many -t harness-check --skip-nx-cache');
  nx(['run-many', '-t', 'harness-check', '--skip-nx-cache']);
}

/**
 * Billing imports auth's entry point, which scope:billing may not depend on. The package.json
 * dependency is what gives Nx the graph edge in a TS-solution workspace. The files are restored
 * whatever happens; the step fails after that when the check did not report the import.
 */
function showDependencyFinding() {
  const authPackage = JSON.parse(fs.readFileSync(path.join(DEMO, 'modules/auth/package.json'), 'utf8')).name;
  const refund = path.join(DEMO, REFUND_FILE);
  const manifest = path.join(DEMO, 'modules/billing/package.json');
  const original = fs.readFileSync(manifest, 'utf8');
  let result;
  try {
    say(`  adding ${REFUND_FILE}, which imports ${authPackage}, and the dependency to billing's package.json`);
    fs.writeFileSync(refund, renderRefund(authPackage));
    const pkg = JSON.parse(original);
    pkg.dependencies = { ...pkg.dependencies, [authPackage]: '*' };
    fs.writeFileSync(manifest, `${JSON.stringify(pkg, null, 2)}\n`);
    say('  nx run billing:harness-check --skip-nx-cache (expect exit 1)');
    result = nx(['run', 'billing:harness-check', '--skip-nx-cache'], { capture: true, allowFailure: true });
    process.stdout.write(result.output);
  } finally {
    fs.rmSync(refund, { force: true });
    fs.writeFileSync(manifest, original);
  }
  // Other rules may speak too (a new file makes the coverage report stale); what matters here is
  // a block that points at refund.ts and names the auth package.
  const reported =
    result.code === 1 && findErrorBlocks(result.output).some((b) => b.includes(`File: ${REFUND_FILE}`) && b.some((l) => l.includes(authPackage)));
  say(
    reported
      ? `  the check exited ${result.code} with an ERROR block for ${REFUND_FILE}, as it should`
      : `  the check exited ${result.code} without an ERROR block for ${REFUND_FILE} naming ${authPackage}`,
  );
  say('  removed refund.ts and the dependency; checking billing again');
  nx(['run', 'billing:harness-check', '--skip-nx-cache']);
  if (!reported) throw new StepError(`harness-check printed no ERROR block for ${REFUND_FILE} naming ${authPackage} (it exited ${result.code})`);
}

function renderRefund(authPackage) {
  return [
    '// Deliberate finding for the demo: scope:billing may not depend on scope:auth.',
    `import * as auth from '${authPackage}';`,
    '',
    'export function refund_payment(payment_id: string): string {',
    '  return `${payment_id} refunded after ${Object.keys(auth).join(", ")}`;',
    '}',
    '',
  ].join('\n');
}

function printSummary(timings, tarball) {
  const total = timings.reduce((sum, t) => sum + t.seconds, 0);
  say('done: harness works end to end from the packed tarball.');
  say(`  tarball    ${path.relative(REPO, tarball)}`);
  say(`  workspace  ${path.relative(REPO, DEMO)} (modules: shared, ${MODULES.map((m) => m.name).join(', ')})`);
  for (const t of timings) say(`  ${t.seconds.toFixed(1).padStart(6)} s  ${t.title}`);
  say(`  ${total.toFixed(1).padStart(6)} s  total`);
  say(`  next: cd ${path.relative(process.cwd(), DEMO) || '.'} && npx nx run-many -t harness-check`);
}

function main() {
  const timings = [];
  let tarball;
  const steps = [
    ['packing the plugin', () => (tarball = packPlugin())],
    [`npx create-harness-workspace demo (create-nx-workspace@${NX_VERSION}, harness, init, a first module, its check) in tmp/`, () => bootstrapWorkspace(tarball)],
    ['generating billing, auth and notifications, and writing dependency constraints', generateModules],
    ['testing and checking every project', checkWorkspace],
    ['showing a dependency finding and its fix', showDependencyFinding],
  ];
  for (const [index, [title, action]] of steps.entries()) {
    const label = `${index + 1}/${steps.length}`;
    say(`${label} ${title}...`);
    const started = Date.now();
    try {
      action();
    } catch (error) {
      say(`FAILED at step ${label} (${title}): ${error.message}`);
      if (!(error instanceof StepError)) process.stderr.write(`${error.stack}\n`);
      process.exit(1);
    }
    timings.push({ title, seconds: (Date.now() - started) / 1000 });
  }
  printSummary(timings, tarball);
}

main();
