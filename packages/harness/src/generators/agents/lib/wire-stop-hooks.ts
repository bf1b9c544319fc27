import type { Tree } from '@nx/devkit';
import { readArrayAt, readJsonSettings, setJsonValue, type Json, type JsonSettings } from './json-settings';

export const CODEX_HOOKS = '.codex/hooks.json';
export const COPILOT_HOOKS = '.github/hooks/harness.json';
/**
 * Copilot's default hook timeout is 30 s; a check that first rebuilds Nx's graph in a large
 * workspace can take longer, and a timed-out hook is skipped, so harness asks for more.
 */
export const COPILOT_HOOK_TIMEOUT_SEC = 120;

/** The tool Codex edits files with; its hook payload carries the patch text, not a path. */
export const CODEX_EDIT_MATCHER = '^apply_patch$';

/**
 * Codex: in the project's `.codex/hooks.json`, whose wire format is Claude Code's, a
 * `PostToolUse` hook on `apply_patch` (the files are read from the patch; exit 2 puts the blocks
 * in front of the model after each edit) and a `Stop` hook, which checks whatever changed
 * against git HEAD when the turn ends, edits made through the shell included.
 */
export function planCodexHooks(tree: Tree, command: string): JsonSettings {
  const settings = readJsonSettings(tree, CODEX_HOOKS);
  // Both shapes are judged before the first edit, so a refusal names the line the user wrote.
  readArrayAt(settings, ['hooks', 'Stop']);
  addNestedHook(settings, 'PostToolUse', { matcher: CODEX_EDIT_MATCHER, hooks: [{ type: 'command', command }] }, markOf(command));
  addNestedHook(settings, 'Stop', { hooks: [{ type: 'command', command }] }, markOf(command));
  return settings;
}

/**
 * GitHub Copilot (its CLI and cloud agent, which read `.github/hooks/*.json`): an `agentStop`
 * hook in harness's own file there. `agentStop`, because its `{"decision": "block", "reason"}`
 * is the documented way to put text in front of the model that also reaches the cloud agent.
 */
export function planCopilotHooks(tree: Tree, command: string): JsonSettings {
  const settings = readJsonSettings(tree, COPILOT_HOOKS);
  const stop = readArrayAt(settings, ['hooks', 'agentStop']);
  if (settings.value.version === undefined) setJsonValue(settings, ['version'], 1);
  const entry = { type: 'command', bash: command, powershell: command, timeoutSec: COPILOT_HOOK_TIMEOUT_SEC };
  if (!stop) setJsonValue(settings, ['hooks', 'agentStop'], [entry]);
  else if (!stop.some((e) => runsCommand(e, markOf(command)))) setJsonValue(settings, ['hooks', 'agentStop', -1], entry);
  return settings;
}

/**
 * Appends `group` to `hooks.<event>` of a file in Claude Code's nested format, unless a hook
 * there already runs a command containing `mark` (the user may start harness another way).
 */
export function addNestedHook(settings: JsonSettings, event: string, group: Json, mark: string): void {
  const groups = readArrayAt(settings, ['hooks', event]);
  if (groups?.some((g) => Array.isArray((g as Json | null)?.hooks) && ((g as Json).hooks as unknown[]).some((h) => runsCommand(h, mark)))) return;
  setJsonValue(settings, groups ? ['hooks', event, -1] : ['hooks', event], groups ? group : [group]);
}

/** What marks harness's own hook whatever runs it (npx or a local bin): `harness check --hook=<agent>`. */
function markOf(command: string): string {
  return command.replace(/^.*?(harness check --hook=\S+).*$/, '$1');
}

function runsCommand(entry: unknown, mark: string): boolean {
  const hook = entry as Json | null;
  return [hook?.command, hook?.bash, hook?.powershell].some((c) => typeof c === 'string' && c.includes(mark));
}
