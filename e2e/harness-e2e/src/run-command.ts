import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** What a finished process left behind. A non-zero `code` is data for the test, not an error. */
export interface CommandResult {
  code: number;
  stdout: string;
  stderr: string;
  /** stdout then stderr with colour codes removed: what a user reads in the terminal. */
  output: string;
}

export interface RunOptions {
  cwd: string;
  env?: NodeJS.ProcessEnv;
  /** Kill the process after this many ms, so a hang fails one test instead of the whole run. */
  timeoutMs?: number;
  /** Text for the process's standard input (a hook payload); none when not given. */
  input?: string;
}

const ANSI_CODE = /\u001b\[[0-9;]*[A-Za-z]/g;

export function stripAnsi(text: string): string {
  return text.replace(ANSI_CODE, '');
}

/**
 * Runs a command to completion without a shell. Asynchronous on purpose: a synchronous spawn
 * would block jest's own timers, so a hung command could never time out. Output goes to files,
 * not pipes: through a pipe Nx 23 sometimes exits before it has written its last tasks' output.
 */
export function runCommand(command: string, args: string[], options: RunOptions): Promise<CommandResult> {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'harness-e2e-output-'));
  const files = { stdout: path.join(folder, 'stdout'), stderr: path.join(folder, 'stderr') };
  const stdout = fs.openSync(files.stdout, 'w');
  const stderr = fs.openSync(files.stderr, 'w');
  let stdin: number | 'ignore' = 'ignore';
  if (options.input !== undefined) {
    fs.writeFileSync(path.join(folder, 'stdin'), options.input);
    stdin = fs.openSync(path.join(folder, 'stdin'), 'r');
  }
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env, stdio: [stdin, stdout, stderr] });
    fs.closeSync(stdout);
    fs.closeSync(stderr);
    if (typeof stdin === 'number') fs.closeSync(stdin);
    const timer = options.timeoutMs ? setTimeout(() => child.kill('SIGKILL'), options.timeoutMs) : undefined;
    const finish = (code: number, extra = '') => {
      if (timer) clearTimeout(timer);
      const out = fs.readFileSync(files.stdout, 'utf8');
      const err = fs.readFileSync(files.stderr, 'utf8') + extra;
      fs.rmSync(folder, { recursive: true, force: true });
      resolve({ code, stdout: out, stderr: err, output: stripAnsi(`${out}\n${err}`) });
    };
    child.on('error', (error) => finish(127, `${command}: ${error.message}\n`));
    child.on('close', (code, signal) => finish(code ?? 128, signal ? `killed by ${signal}\n` : ''));
  });
}

/**
 * The environment a user's Nx sees: no daemon (it would outlive the test), and none of jest's
 * own variables, which would leak into the workspace's `nx test` and change how it runs.
 */
export function createNxEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NX_DAEMON: 'false' };
  for (const key of Object.keys(env)) if (key.startsWith('JEST_')) delete env[key];
  return env;
}

/** `npx nx <args>` in a workspace, as a user types it. */
export function runNx(dir: string, args: string[], timeoutMs = 3 * 60 * 1000): Promise<CommandResult> {
  return runCommand('npx', ['nx', ...args], { cwd: dir, env: createNxEnv(), timeoutMs });
}
