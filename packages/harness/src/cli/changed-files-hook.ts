import { HarnessUsageError, isHarnessConfigError } from '../config/config-error';
import type { CliIo } from './run-cli';
import type { CheckRequest, CheckResponse } from '../check/run-check-request';

/** Runs one `harness check`; the tests pass their own. */
export type CheckRunner = (request: CheckRequest) => Promise<CheckResponse>;

/** The line after the blocks that tells the agent what to do with them. */
export const CHANGED_FILES_INSTRUCTION =
  'harness found errors in the files you changed: fix each as its Fix line says, then run `npx harness check` to confirm; if one cannot be fixed, say why instead of retrying.';

/**
 * What an agent's stop hook hands back when the check could not run: a broken harness.yaml or
 * CONVENTIONS.md is the agent's to fix too (as for Claude Code's hook), so it gets that one
 * line; anything else (bad input, an internal error) is for the person reading the hook log,
 * and is returned as `log` instead.
 */
export function describeHookFailure(error: unknown): { message?: string; log?: string } {
  if (isHarnessConfigError(error) && !(error instanceof HarnessUsageError)) {
    return { message: `${error.message}\n\nharness could not check the files you changed: fix what that line names, then run \`npx harness check\` to confirm.` };
  }
  return { log: isHarnessConfigError(error) ? error.message : `harness: internal error: ${(error as Error).message}; run npx harness check --verbose in the workspace and report it` };
}

/** The blocks of every root with an error finding and the instruction, or undefined when all are clean. */
export async function checkChangedFiles(roots: string[], options: Record<string, unknown>, check: CheckRunner): Promise<string | undefined> {
  const outputs: string[] = [];
  for (const root of roots) {
    const response = await check({ paths: [], cwd: root, options });
    if (response.exitCode !== 0) outputs.push(response.output.trimEnd());
  }
  return outputs.length > 0 ? `${outputs.join('\n\n')}\n\n${CHANGED_FILES_INSTRUCTION}` : undefined;
}

/**
 * Agents that parse a hook's whole stdout as JSON get nothing else there: whatever writes to
 * stdout meanwhile (Nx rebuilding the graph, say) goes to stderr until the answer is ready.
 */
export async function sendStdoutToStderr<T>(work: () => Promise<T>): Promise<T> {
  const write = process.stdout.write;
  process.stdout.write = ((...args: Parameters<typeof process.stderr.write>) => process.stderr.write(...args)) as typeof process.stdout.write;
  try {
    return await work();
  } finally {
    process.stdout.write = write;
  }
}

/**
 * One stop hook's answer: the blocks for the agent, or undefined when there is nothing to say.
 * `work` reads the agent's stdin; a bad configuration becomes the answer, anything else goes to
 * stderr, and nothing but the caller's JSON ever reaches stdout.
 */
export async function answerStopHook(io: CliIo, work: (stdin: string) => Promise<string | undefined>): Promise<string | undefined> {
  try {
    const stdin = await io.readStdin();
    return await sendStdoutToStderr(() => work(stdin));
  } catch (error) {
    const failure = describeHookFailure(error);
    if (failure.log) io.stderr(failure.log);
    return failure.message;
  }
}
