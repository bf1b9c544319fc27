import { HarnessUsageError, isHarnessConfigError } from '../config/config-error';
import { locateWorkspaceRoot } from '../check/find-workspace-root';
import { runCheckRequest, type CheckRequest, type CheckResponse } from '../check/run-check-request';
import { readCursorStopPayload } from './read-hook-payload';
import type { CliIo } from './run-cli';

/** Runs one `harness check`; the tests pass their own. */
export type CheckRunner = (request: CheckRequest) => Promise<CheckResponse>;

/** The line after the blocks that tells the agent what to do with them. */
export const CURSOR_FOLLOWUP_INSTRUCTION =
  'harness found errors in the files you changed: fix each as its Fix line says, then run `npx harness check` to confirm; if one cannot be fixed, say why instead of retrying.';

/**
 * `harness check --hook=cursor`, run by Cursor's `stop` hook when the agent finishes. Cursor's
 * payload names no edited files, so it checks the files changed against git HEAD in each
 * workspace root, as `harness check` with no paths does. On an error finding it prints
 * `{"followup_message": ...}`, which Cursor sends to the agent as its next message; otherwise `{}`.
 * It always exits 0 with JSON on stdout, since Cursor reads stdout as JSON whatever the code;
 * anything else goes to stderr, which Cursor shows in its hook log.
 */
export async function runCursorHook(options: Record<string, unknown>, io: CliIo, check: CheckRunner = runCheckRequest): Promise<number> {
  let message: string | undefined;
  try {
    const stdin = await io.readStdin();
    message = await sendStdoutToStderr(() => checkCursorWorkspaces(stdin, io.cwd, (root) => check({ paths: [], cwd: root, options })));
  } catch (error) {
    if (isHarnessConfigError(error) && !(error instanceof HarnessUsageError)) {
      // A broken harness.yaml or CONVENTIONS.md is the agent's to fix too, as for Claude Code.
      message = `${error.message}\n\nharness could not check the files you changed: fix what that line names, then run \`npx harness check\` to confirm.`;
    } else {
      io.stderr(isHarnessConfigError(error) ? error.message : `harness: internal error: ${(error as Error).message}; run npx harness check --verbose in the workspace and report it`);
    }
  }
  io.stdout(JSON.stringify(message === undefined ? {} : { followup_message: message }));
  return 0;
}

/** The followup message for the error findings of every workspace root, or undefined when clean. */
async function checkCursorWorkspaces(stdin: string, cwd: string, checkChangedFiles: (root: string) => Promise<CheckResponse>): Promise<string | undefined> {
  const payload = readCursorStopPayload(stdin);
  // The user stopped the agent, or it failed: sending it back to work would overrule the user.
  if (payload.status !== undefined && payload.status !== 'completed') return undefined;
  const candidates = payload.workspaceRoots.length > 0 ? payload.workspaceRoots : [cwd];
  const roots = [...new Set(candidates.map((root) => locateWorkspaceRoot(root)).filter((root): root is string => root !== undefined))];
  const outputs: string[] = [];
  for (const root of roots) {
    const response = await checkChangedFiles(root);
    if (response.exitCode !== 0) outputs.push(response.output.trimEnd());
  }
  return outputs.length > 0 ? `${outputs.join('\n\n')}\n\n${CURSOR_FOLLOWUP_INSTRUCTION}` : undefined;
}

/**
 * Cursor parses the hook's whole stdout as JSON, so whatever else writes there meanwhile (Nx
 * rebuilding the graph, say) goes to stderr until the one JSON line is ready.
 */
async function sendStdoutToStderr<T>(work: () => Promise<T>): Promise<T> {
  const write = process.stdout.write;
  process.stdout.write = ((...args: Parameters<typeof process.stderr.write>) => process.stderr.write(...args)) as typeof process.stdout.write;
  try {
    return await work();
  } finally {
    process.stdout.write = write;
  }
}
