import * as path from 'node:path';
import { isHarnessConfigError } from '../config/config-error';
import { locateWorkspaceRoot } from '../check/find-workspace-root';
import { parseCliArguments, USAGE, type CliCommand } from './parse-cli-arguments';

/** Where the command line writes; injectable for tests. */
export interface CliIo {
  cwd: string;
  stdout(text: string): void;
  stderr(text: string): void;
  readStdin(): Promise<string>;
}

const processIo: CliIo = {
  cwd: process.cwd(),
  stdout: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
  stderr: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
  // The hook readers only for a hook run: a plain check does not load them.
  readStdin: async () => (await import('./read-hook-payload')).readStandardInput(),
};

/**
 * `harness <command>`; returns the exit code. `check` exits like `harness-check` (0 clean,
 * 1 errors or bad input); with `--hook=claude` an error finding exits 2 with the blocks on
 * stderr, the one code and stream Claude Code hands back to the model; `--hook=cursor` answers
 * Cursor's stop hook in JSON (run-cursor-hook.ts); `--hook=codex` and `--hook=copilot` answer
 * Codex's `Stop` and Copilot's `agentStop` hooks (run-stop-hook.ts), and Codex's `PostToolUse`
 * on `apply_patch` as Claude Code's (exit 2, blocks on stderr, which Codex also gives the model).
 */
export async function runCli(argv: string[], io: CliIo = processIo): Promise<number> {
  let command: CliCommand;
  try {
    command = parseCliArguments(argv);
  } catch (error) {
    return reportFailure(error, io, 1);
  }
  if (command.command === 'help') {
    io.stdout(USAGE);
    return 0;
  }
  if (command.command === 'version') {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    io.stdout((require('../../package.json') as { version: string }).version);
    return 0;
  }
  if (command.command === 'mcp') {
    const { startMcpServer } = await import('../mcp/start-mcp-server');
    await startMcpServer(io.cwd);
    return 0;
  }
  if (command.hook === 'cursor') {
    const { runCursorHook } = await import('./run-cursor-hook');
    return runCursorHook(command.options, io);
  }
  let stdin: string | undefined;
  if (command.hook === 'codex' || command.hook === 'copilot') {
    const text = (stdin = await io.readStdin());
    const { readHookEventName } = await import('./read-hook-payload');
    // Codex runs the same command for an apply_patch edit (PostToolUse), answered like Claude Code's.
    if (command.hook === 'copilot' || readHookEventName(text) !== 'PostToolUse') {
      const { runStopHook } = await import('./run-stop-hook');
      return runStopHook(command.hook, command.options, { ...io, readStdin: async () => text });
    }
  }
  const failureCode = command.hook ? 2 : 1;
  try {
    let paths = command.paths;
    let cwd = io.cwd;
    if (command.hook) {
      const { readHookFiles } = await import('./read-hook-payload');
      const { files, cwd: hookCwd } = readHookFiles(stdin ?? (await io.readStdin()), command.hook);
      // A tool call that touched no file, or files outside any Nx workspace: nothing to judge.
      const root = files.map((file) => locateWorkspaceRoot(path.dirname(file))).find((r) => r !== undefined);
      if (root === undefined) return 0;
      paths = files.filter((file) => locateWorkspaceRoot(path.dirname(file)) === root);
      cwd = hookCwd ?? path.dirname(paths[0]);
    }
    // Loaded here, not at the top: `--help`, `--version` and `mcp` need none of the checker.
    const { runCheckRequest } = await import('../check/run-check-request');
    const response = await runCheckRequest({ paths, cwd, options: command.options });
    if (command.hook) {
      if (response.exitCode === 0) return 0;
      io.stderr(response.output);
      return 2;
    }
    io.stdout(response.output);
    return response.exitCode;
  } catch (error) {
    return reportFailure(error, io, failureCode, command.options.verbose === true);
  }
}

function reportFailure(error: unknown, io: CliIo, code: number, verbose = false): number {
  if (isHarnessConfigError(error)) {
    io.stderr(error.message);
    return code;
  }
  const err = error as Error;
  io.stderr(`harness: internal error: ${err.message}; run again with --verbose for the stack trace and report it${verbose && err.stack ? `\n${err.stack}` : ''}`);
  return code;
}
