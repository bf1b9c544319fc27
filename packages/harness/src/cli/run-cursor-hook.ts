import { locateWorkspaceRoot } from '../check/find-workspace-root';
import { runCheckRequest } from '../check/run-check-request';
import { answerStopHook, CHANGED_FILES_INSTRUCTION, checkChangedFiles, type CheckRunner } from './changed-files-hook';
import { readCursorStopPayload } from './read-hook-payload';
import type { CliIo } from './run-cli';

export type { CheckRunner } from './changed-files-hook';

/** The line after the blocks that tells the agent what to do with them. */
export const CURSOR_FOLLOWUP_INSTRUCTION = CHANGED_FILES_INSTRUCTION;

/**
 * `harness check --hook=cursor`, run by Cursor's `stop` hook when the agent finishes. Cursor's
 * payload names no edited files, so it checks the files changed against git HEAD in each
 * workspace root, as `harness check` with no paths does. On an error finding it prints
 * `{"followup_message": ...}`, which Cursor sends to the agent as its next message; otherwise `{}`.
 * It always exits 0 with JSON on stdout, since Cursor reads stdout as JSON whatever the code;
 * anything else goes to stderr, which Cursor shows in its hook log.
 */
export async function runCursorHook(options: Record<string, unknown>, io: CliIo, check: CheckRunner = runCheckRequest): Promise<number> {
  const message = await answerStopHook(io, (stdin) => checkCursorWorkspaces(stdin, io.cwd, options, check));
  io.stdout(JSON.stringify(message === undefined ? {} : { followup_message: message }));
  return 0;
}

/** The followup message for the error findings of every workspace root, or undefined when clean. */
async function checkCursorWorkspaces(stdin: string, cwd: string, options: Record<string, unknown>, check: CheckRunner): Promise<string | undefined> {
  const payload = readCursorStopPayload(stdin);
  // The user stopped the agent, or it failed: sending it back to work would overrule the user.
  if (payload.status !== undefined && payload.status !== 'completed') return undefined;
  const candidates = payload.workspaceRoots.length > 0 ? payload.workspaceRoots : [cwd];
  const roots = [...new Set(candidates.map((root) => locateWorkspaceRoot(root)).filter((root): root is string => root !== undefined))];
  return checkChangedFiles(roots, options, check);
}
