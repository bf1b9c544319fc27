import type { Tree } from '@nx/devkit';
import { HarnessUsageError } from '../../../config/config-error';
import { readJsonSettings, readObjectAt, setJsonValue, type JsonSettings, type PlannedFile, type ServerCommand } from './json-settings';
import { planCodexConfig } from './wire-codex';
import { planVscodeMcp } from './wire-copilot';
import { planCursorFiles } from './wire-cursor';
import { addNestedHook, planCodexHooks, planCopilotHooks } from './wire-stop-hooks';

/** The hook command Claude Code runs after each file edit; harness reads the payload on stdin. */
export const CLAUDE_HOOK_COMMAND = 'npx harness check --hook=claude';
/** The tools whose edits the hook checks. */
export const CLAUDE_HOOK_MATCHER = 'Edit|MultiEdit|Write';
/** Cursor's stop hook runs the same command line as Claude Code's hook, so the two change together. */
export const CURSOR_HOOK_COMMAND = CLAUDE_HOOK_COMMAND.replace('--hook=claude', '--hook=cursor');
/** Codex's `Stop` hook and Copilot's `agentStop` hook, likewise. */
export const CODEX_HOOK_COMMAND = CLAUDE_HOOK_COMMAND.replace('--hook=claude', '--hook=codex');
export const COPILOT_HOOK_COMMAND = CLAUDE_HOOK_COMMAND.replace('--hook=claude', '--hook=copilot');
/** How every MCP client starts the server. */
export const MCP_SERVER: ServerCommand = { command: 'npx', args: ['harness', 'mcp'] };
const CLAUDE_SETTINGS = '.claude/settings.json';
const MCP_CONFIG = '.mcp.json';

/** The agents harness knows how to wire, as `--agents` names them. */
export const AGENT_NAMES = ['claude', 'cursor', 'codex', 'copilot'] as const;
export type AgentName = (typeof AGENT_NAMES)[number];

/** What was written, for the generator's log. */
export interface AgentWiring {
  written: string[];
}

/**
 * Wires harness into the agents that document a way to run it: for Claude Code a `PostToolUse`
 * hook in `.claude/settings.json`; for Cursor a `stop` hook and its MCP config; for Codex a `Stop`
 * hook in `.codex/hooks.json` and its project `config.toml`; for Copilot an `agentStop` hook in
 * `.github/hooks/harness.json` and `.vscode/mcp.json` where VS Code is in use; and `.mcp.json`,
 * which Claude Code and Copilot's CLI read. Files are merged as text edits: every existing key
 * stays, a second run changes nothing, and a file that cannot be read as JSON (or TOML) is
 * refused with its line. Every file is judged before any is written, so one refusal writes none.
 */
export function wireAgentTools(tree: Tree, agents: readonly AgentName[] = AGENT_NAMES): AgentWiring {
  const planned: PlannedFile[] = [];
  if (agents.includes('claude')) planned.push(planClaudeSettings(tree));
  if (agents.includes('claude') || agents.includes('copilot')) planned.push(planMcpConfig(tree));
  if (agents.includes('cursor')) planned.push(...planCursorFiles(tree, CURSOR_HOOK_COMMAND, MCP_SERVER));
  if (agents.includes('codex')) planned.push(planCodexConfig(tree, MCP_SERVER), planCodexHooks(tree, CODEX_HOOK_COMMAND));
  if (agents.includes('copilot')) planned.push(...planVscodeMcp(tree, MCP_SERVER), planCopilotHooks(tree, COPILOT_HOOK_COMMAND));
  const written = planned.filter((file) => file.changed);
  for (const file of written) tree.write(file.file, file.text);
  return { written: written.map((file) => file.file) };
}

/** Reads `--agents` (a list, or one comma-separated string); an unknown name is refused in one line. */
export function normalizeAgentNames(agents: string[] | string | undefined): AgentName[] {
  if (agents === undefined) return [...AGENT_NAMES];
  const names = (Array.isArray(agents) ? agents : [agents]).flatMap((a) => a.split(',')).map((a) => a.trim()).filter(Boolean);
  const unknown = names.find((name) => !(AGENT_NAMES as readonly string[]).includes(name));
  if (unknown !== undefined) throw new HarnessUsageError('--agents', `unknown agent "${unknown}"`, `use any of ${AGENT_NAMES.join(', ')}`);
  return [...new Set(names)] as AgentName[];
}

/** Adds the PostToolUse hook unless a hook already runs the same command. */
function planClaudeSettings(tree: Tree): JsonSettings {
  const settings = readJsonSettings(tree, CLAUDE_SETTINGS);
  addNestedHook(settings, 'PostToolUse', { matcher: CLAUDE_HOOK_MATCHER, hooks: [{ type: 'command', command: CLAUDE_HOOK_COMMAND }] }, 'harness check --hook=claude');
  return settings;
}

/** Registers `harness mcp` unless a server named harness is already there. */
function planMcpConfig(tree: Tree): JsonSettings {
  const config = readJsonSettings(tree, MCP_CONFIG);
  if (readObjectAt(config, ['mcpServers'])?.harness) return config;
  setJsonValue(config, ['mcpServers', 'harness'], { type: 'stdio', ...MCP_SERVER });
  return config;
}
