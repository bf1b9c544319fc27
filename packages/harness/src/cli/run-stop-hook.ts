import { locateWorkspaceRoot } from '../check/find-workspace-root';
import { runCheckRequest } from '../check/run-check-request';
import { answerStopHook, checkChangedFiles, type CheckRunner } from './changed-files-hook';
import { readStopHookPayload } from './read-hook-payload';
import type { CliIo } from './run-cli';

/** The agents whose stop hook takes `{"decision": "block", "reason": ...}`. */
export type StopHookAgent = 'codex' | 'copilot';

/**
 * `harness check --hook=codex` (Codex's `Stop` hook) and `--hook=copilot` (Copilot's `agentStop`),
 * run when the agent ends its turn. Neither payload names the edited files, so it checks the
 * files changed against git HEAD in the workspace around the payload's `cwd`. On an error
 * finding it prints `{"decision":"block","reason":"<blocks + what to do>"}`, which both agents
 * turn into the prompt of one more turn; otherwise it prints nothing, which lets the agent stop.
 * A stop that a stop hook already sent back (`stop_hook_active`) is let through without a check,
 * so a finding the agent cannot fix costs one extra turn, not a loop. Always exit 0, with
 * nothing but that JSON on stdout (both agents parse it); the rest goes to stderr.
 */
export async function runStopHook(agent: StopHookAgent, options: Record<string, unknown>, io: CliIo, check: CheckRunner = runCheckRequest): Promise<number> {
  const reason = await answerStopHook(io, async (stdin) => {
    const payload = readStopHookPayload(stdin, agent);
    if (payload.stopHookActive) return undefined;
    const root = locateWorkspaceRoot(payload.cwd ?? io.cwd);
    return root === undefined ? undefined : checkChangedFiles([root], options, check);
  });
  if (reason !== undefined) io.stdout(JSON.stringify({ decision: 'block', reason }));
  return 0;
}
