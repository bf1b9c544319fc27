import type { Tree } from '@nx/devkit';
import { readArrayAt, readJsonSettings, readObjectAt, setJsonValue, type Json, type PlannedFile, type ServerCommand } from './json-settings';

export const CURSOR_HOOKS = '.cursor/hooks.json';
export const CURSOR_MCP = '.cursor/mcp.json';
/** What marks harness's own stop hook, whatever runs the command (npx or a local bin). */
const CURSOR_HOOK_MARK = 'harness check --hook=cursor';

/**
 * Cursor: a `stop` hook in `.cursor/hooks.json` and the MCP server in `.cursor/mcp.json`. The
 * stop hook, not `afterFileEdit`, because Cursor drops whatever an after-edit hook prints, while
 * a stop hook's `followup_message` goes back to the agent as its next message.
 */
export function planCursorFiles(tree: Tree, hookCommand: string, server: ServerCommand): PlannedFile[] {
  // Every shape is judged before the first edit, so a refusal names the line the user wrote.
  const hooks = readJsonSettings(tree, CURSOR_HOOKS);
  const stop = readArrayAt(hooks, ['hooks', 'stop']);
  const mcp = readJsonSettings(tree, CURSOR_MCP);
  const servers = readObjectAt(mcp, ['mcpServers']);
  if (hooks.value.version === undefined) setJsonValue(hooks, ['version'], 1);
  if (!stop) setJsonValue(hooks, ['hooks', 'stop'], [{ command: hookCommand }]);
  else if (!stop.some(runsHarnessHook)) setJsonValue(hooks, ['hooks', 'stop', -1], { command: hookCommand });
  if (servers?.harness === undefined) setJsonValue(mcp, ['mcpServers', 'harness'], { ...server });
  return [hooks, mcp];
}

function runsHarnessHook(entry: unknown): boolean {
  const command = (entry as Json | null)?.command;
  return typeof command === 'string' && command.includes(CURSOR_HOOK_MARK);
}
