import type { Tree } from '@nx/devkit';
import { parse, printParseErrorCode, type ParseError } from 'jsonc-parser';

/** The hook command Claude Code runs after each file edit; harness reads the payload on stdin. */
export const CLAUDE_HOOK_COMMAND = 'npx harness check --hook=claude';
/** The tools whose edits the hook checks. */
export const CLAUDE_HOOK_MATCHER = 'Edit|MultiEdit|Write';
const CLAUDE_SETTINGS = '.claude/settings.json';
const MCP_CONFIG = '.mcp.json';

type Json = Record<string, unknown>;

/** What was written, for the generator's log. */
export interface AgentWiring {
  written: string[];
}

/**
 * Wires harness into the agents that document a way to run it: a Claude Code `PostToolUse` hook
 * in `.claude/settings.json`, and the MCP server in `.mcp.json` (read by Claude Code and other
 * MCP clients). Both files are merged: every existing key stays, and a second run changes
 * nothing. A file that is not valid JSON is refused, never rewritten.
 */
export function wireAgentTools(tree: Tree): AgentWiring {
  const written: string[] = [];
  const settings = readJsonFile(tree, CLAUDE_SETTINGS);
  if (addClaudeHook(settings)) {
    tree.write(CLAUDE_SETTINGS, JSON.stringify(settings, null, 2) + '\n');
    written.push(CLAUDE_SETTINGS);
  }
  const mcp = readJsonFile(tree, MCP_CONFIG);
  if (addMcpServer(mcp)) {
    tree.write(MCP_CONFIG, JSON.stringify(mcp, null, 2) + '\n');
    written.push(MCP_CONFIG);
  }
  return { written };
}

function readJsonFile(tree: Tree, file: string): Json {
  if (!tree.exists(file)) return {};
  const text = tree.read(file, 'utf8') ?? '';
  const errors: ParseError[] = [];
  const value = parse(text, errors, { allowTrailingComma: true });
  if (errors.length > 0 || !value || typeof value !== 'object' || Array.isArray(value)) {
    const line = errors.length ? text.slice(0, errors[0].offset).split('\n').length : 1;
    const what = errors.length ? printParseErrorCode(errors[0].error) : 'not a JSON object';
    throw new Error(`harness: ${file}:${line}: ${what}; fix the file, or run init with --skipAgents to leave agent settings alone`);
  }
  return value as Json;
}

/** Adds the PostToolUse hook unless a hook already runs the same command; true when it changed. */
function addClaudeHook(settings: Json): boolean {
  const hooks = objectAt(settings, 'hooks');
  const post = Array.isArray(hooks.PostToolUse) ? (hooks.PostToolUse as Json[]) : [];
  const present = post.some((entry) =>
    Array.isArray(entry?.hooks) && (entry.hooks as Json[]).some((h) => typeof h?.command === 'string' && h.command.includes('harness check --hook=claude')),
  );
  if (present) return false;
  hooks.PostToolUse = [...post, { matcher: CLAUDE_HOOK_MATCHER, hooks: [{ type: 'command', command: CLAUDE_HOOK_COMMAND }] }];
  return true;
}

/** Registers `harness mcp` unless a server named harness is already there; true when it changed. */
function addMcpServer(config: Json): boolean {
  const servers = objectAt(config, 'mcpServers');
  if (servers.harness) return false;
  servers.harness = { type: 'stdio', command: 'npx', args: ['harness', 'mcp'] };
  return true;
}

/** The object under `key`, created when missing; a non-object there is refused, not replaced. */
function objectAt(parent: Json, key: string): Json {
  const value = parent[key];
  if (value === undefined) return (parent[key] = {}) as Json;
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    throw new Error(`harness: "${key}" is not an object; fix it by hand, or run init with --skipAgents to leave agent settings alone`);
  }
  return value as Json;
}
