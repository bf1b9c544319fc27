'use strict';
/**
 * create-harness-workspace <name>: a new Nx workspace (create-nx-workspace --preset=ts) with
 * harness installed, harness:init run, a first module, its tests and a passing harness-check.
 * Plain CommonJS with JSDoc types, so the package ships without a build step.
 */
const childProcess = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const util = require('node:util');

const PROGRAM = 'create-harness-workspace';
const KEBAB_NAME = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;
/** A version, dist-tag or range that npm accepts after `create-nx-workspace@`. */
const NX_VERSION = /^[0-9a-z][0-9a-z.+^~-]*$/i;
/** Specs that npm installs as they are: registry aliases, URLs and git remotes. */
const DIRECT_SPEC = /^(?:npm:|https?:|git\+|git:|github:)/;
const TARBALL = /\.(?:tgz|tar\.gz)$/;
const DEFAULTS = { module: 'core', harness: 'npm:nx-harness', nxVersion: '23.2.1' };
const USAGE = [
  `Usage: ${PROGRAM} <name> [--module=core] [--harness=npm:nx-harness] [--nx-version=23.2.1]`,
  '',
  '  <name>          folder and workspace name, kebab-case; the folder must not exist',
  '  --module        first module, created under modules/<module> (default: core)',
  '  --harness       nx-harness to install: a tarball path, file:<path>, npm:<spec> or nx-harness@<version>',
  '                  (default: npm:nx-harness)',
  '  --nx-version    create-nx-workspace version (default: 23.2.1)',
  '',
].join('\n');

/** A refusal: printed as one sentence, exit code 1, nothing written. */
class UsageError extends Error {}

/**
 * @typedef {object} Options
 * @property {string} name        workspace name and folder
 * @property {string} module      first module
 * @property {string} harness     the install spec after `harness@`, e.g. `npm:nx-harness` or `file:/abs/x.tgz`
 * @property {string} nxVersion   create-nx-workspace version
 *
 * @typedef {object} Step
 * @property {string} title
 * @property {string} command
 * @property {string[]} args
 * @property {string} cwd
 *
 * @typedef {object} Effects
 * @property {string} cwd                                   where the workspace folder is created
 * @property {(file: string) => boolean} exists
 * @property {(command: string, args: string[], options: { cwd: string, env: NodeJS.ProcessEnv }) => Promise<number>} spawn
 * @property {{ write(text: string): unknown }} stdout
 * @property {{ write(text: string): unknown }} stderr
 * @property {NodeJS.ProcessEnv} env
 * @property {() => number} now                             milliseconds, for step timings
 */

/**
 * Reads argv into options, or `{ help: true }`. Throws UsageError with one sentence.
 * @param {string[]} argv
 * @param {string} cwd
 * @param {(file: string) => boolean} exists
 * @returns {Options | { help: true }}
 */
function parseOptions(argv, cwd, exists) {
  const { values, positionals } = readArgs(argv);
  if (values.help) return { help: true };
  if (positionals.length === 0) {
    throw new UsageError(`missing workspace name; run "${PROGRAM} <name>", e.g. "${PROGRAM} my-repo".`);
  }
  if (positionals.length > 1) {
    throw new UsageError(`unexpected argument "${positionals[1]}"; pass one workspace name, then options such as --module=billing.`);
  }
  const name = positionals[0];
  if (!KEBAB_NAME.test(name)) {
    throw new UsageError(`workspace name "${name}" is not kebab-case; use lower-case letters, digits and dashes, e.g. "my-repo".`);
  }
  const folder = path.resolve(cwd, name);
  if (exists(folder)) {
    throw new UsageError(`the folder "${folder}" already exists; choose another name or remove that folder.`);
  }
  const moduleName = values.module ?? DEFAULTS.module;
  if (!KEBAB_NAME.test(moduleName)) {
    throw new UsageError(`module name "${moduleName}" is not kebab-case; pass --module=<name> such as --module=billing.`);
  }
  const nxVersion = values['nx-version'] ?? DEFAULTS.nxVersion;
  if (!NX_VERSION.test(nxVersion)) {
    throw new UsageError(`Nx version "${nxVersion}" is not a version or dist-tag; pass --nx-version=23.2.1 or another create-nx-workspace version.`);
  }
  const harness = resolveHarnessSpec(values.harness ?? DEFAULTS.harness, cwd, exists);
  return { name, module: moduleName, harness, nxVersion };
}

/**
 * util.parseArgs, with its errors turned into one-sentence refusals.
 * @param {string[]} argv
 */
function readArgs(argv) {
  try {
    return util.parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        module: { type: 'string' },
        harness: { type: 'string' },
        'nx-version': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (caught) {
    const error = /** @type {NodeJS.ErrnoException} */ (caught);
    // Node names the option in quotes, with its short form first: 'Option '-h, --help' ...'.
    const option = /'(?:-\w, )?(-[^' ]+)/.exec(error.message)?.[1] ?? error.message;
    if (error.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
      throw new UsageError(`unknown option "${option}"; the options are --module, --harness, --nx-version and --help.`);
    }
    if (error.message.includes('does not take an argument')) {
      throw new UsageError(`option "${option}" takes no value; write it alone, as ${option}.`);
    }
    throw new UsageError(`option "${option}" needs a value; write it as ${option}=<value>.`);
  }
}

/**
 * What follows `harness@` in `npm i -D`: a local tarball or folder becomes `file:<absolute path>`,
 * registry aliases and URLs stay as they are, and a bare version or name goes through `npm:`.
 * @param {string} value
 * @param {string} cwd
 * @param {(file: string) => boolean} exists
 * @returns {string}
 */
function resolveHarnessSpec(value, cwd, exists) {
  if (!value.trim()) {
    throw new UsageError('--harness is empty; pass a tarball path, npm:nx-harness or nx-harness@<version>.');
  }
  if (DIRECT_SPEC.test(value)) return value;
  const isFileSpec = value.startsWith('file:');
  const file = isFileSpec ? value.slice('file:'.length) : value;
  if (isFileSpec || TARBALL.test(file) || isPathLike(file) || exists(path.resolve(cwd, file))) {
    const absolute = path.resolve(cwd, file);
    if (!exists(absolute)) {
      throw new UsageError(`the harness tarball "${absolute}" does not exist; pass the path of a packed nx-harness, such as dist/tarballs/nx-harness-0.1.0.tgz after "npm run package".`);
    }
    return `file:${absolute}`;
  }
  return /^\d/.test(value) ? `npm:nx-harness@${value}` : `npm:${value}`;
}

/** @param {string} value */
function isPathLike(value) {
  return value.startsWith('.') || value.startsWith('/') || value.startsWith('~') || path.isAbsolute(value) || value.includes('\\');
}

/**
 * The commands, in order. The first runs beside the new folder, the others inside it.
 * @param {Options} options
 * @param {string} cwd
 * @returns {Step[]}
 */
function planSteps(options, cwd) {
  const root = path.resolve(cwd, options.name);
  return [
    {
      title: 'Create the Nx workspace',
      command: 'npx',
      args: ['-y', `create-nx-workspace@${options.nxVersion}`, options.name, '--preset=ts', '--nxCloud=skip', '--no-interactive', '--packageManager=npm', '--skipGit'],
      cwd,
    },
    { title: 'Install harness', command: 'npm', args: ['i', '-D', `harness@${options.harness}`], cwd: root },
    { title: 'Set up harness', command: 'npx', args: ['nx', 'g', 'harness:init', '--no-interactive'], cwd: root },
    { title: `Create module ${options.module}`, command: 'npx', args: ['nx', 'g', 'harness:module', options.module, '--no-interactive'], cwd: root },
    { title: `Test ${options.module}`, command: 'npx', args: ['nx', 'test', options.module], cwd: root },
    { title: 'Run harness-check', command: 'npx', args: ['nx', 'run-many', '-t', 'harness-check'], cwd: root },
  ];
}

/**
 * Runs the CLI and resolves to its exit code: 1 for a refusal or a failed step, else the exit
 * code of `nx run-many -t harness-check`.
 * @param {string[]} argv
 * @param {Partial<Effects>} [overrides]
 * @returns {Promise<number>}
 */
async function runCli(argv, overrides = {}) {
  const effects = { ...createDefaultEffects(), ...overrides };
  let options;
  try {
    options = parseOptions(argv, effects.cwd, effects.exists);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    effects.stderr.write(`${PROGRAM}: ${error.message}\n`);
    return 1;
  }
  if ('help' in options) {
    effects.stdout.write(USAGE);
    return 0;
  }
  const steps = planSteps(options, effects.cwd);
  const root = path.resolve(effects.cwd, options.name);
  // A daemon started by a one-off bootstrap would outlive it in the user's new workspace.
  const env = { ...effects.env, NX_DAEMON: effects.env.NX_DAEMON ?? 'false' };
  effects.stdout.write(`${PROGRAM}: creating ${root} with Nx ${options.nxVersion}, harness@${options.harness} and module "${options.module}"\n`);
  for (const [index, step] of steps.entries()) {
    const label = `[${index + 1}/${steps.length}]`;
    const commandLine = [step.command, ...step.args].join(' ');
    effects.stdout.write(`\n${label} ${step.title}: ${commandLine}\n`);
    const started = effects.now();
    let code;
    try {
      code = await effects.spawn(step.command, step.args, { cwd: step.cwd, env });
    } catch (caught) {
      const reason = caught instanceof Error ? caught.message : String(caught);
      effects.stderr.write(`${PROGRAM}: could not start "${step.command}" (${reason}); check that Node.js and npm are on PATH.\n`);
      return 1;
    }
    const seconds = Math.round((effects.now() - started) / 1000);
    const isLast = index === steps.length - 1;
    if (code !== 0 && !isLast) {
      effects.stderr.write(`${PROGRAM}: ${label} ${step.title} failed with exit code ${code}; fix the error above, then run "${commandLine}" in ${step.cwd} and the steps after it.\n`);
      return code || 1;
    }
    effects.stdout.write(`${label} ${code === 0 ? 'done' : `exit code ${code}`} in ${seconds}s\n`);
    if (isLast && code !== 0) {
      effects.stderr.write(`${PROGRAM}: harness-check found errors in ${root}; fix each finding above as its Fix line says, then run "npx nx run-many -t harness-check" there.\n`);
      return code;
    }
  }
  effects.stdout.write(`\n${PROGRAM}: ${root} is ready; harness is set up and module "${options.module}" passes its tests and harness-check.\nNext: cd ${options.name} && npx nx g harness:module <name>\n`);
  return 0;
}

/** @returns {Effects} */
function createDefaultEffects() {
  return {
    cwd: process.cwd(),
    exists: (file) => fs.existsSync(file),
    spawn: spawnInherited,
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    now: () => Date.now(),
  };
}

/**
 * Runs a command with the terminal attached and resolves to its exit code.
 * @param {string} command
 * @param {string[]} args
 * @param {{ cwd: string, env: NodeJS.ProcessEnv }} options
 * @returns {Promise<number>}
 */
function spawnInherited(command, args, options) {
  return new Promise((resolve, reject) => {
    // npx and npm are .cmd scripts on Windows, which only a shell can start.
    const child = childProcess.spawn(command, args, { ...options, stdio: 'inherit', shell: process.platform === 'win32' });
    child.on('error', reject);
    child.on('close', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

module.exports = { runCli, parseOptions, planSteps, resolveHarnessSpec, createDefaultEffects, spawnInherited, UsageError, DEFAULTS, USAGE };
