import type { Tree } from '@nx/devkit';
import { parse, TomlError } from 'smol-toml';
import { HarnessConfigError } from '../../../config/config-error';
import { REFUSAL_REMEDY, type PlannedFile, type ServerCommand } from './json-settings';

export const CODEX_CONFIG = '.codex/config.toml';

/**
 * Registers `harness mcp` in Codex's project config as `[mcp_servers.harness]`. TOML has no
 * comment-keeping editor, so the file is parsed only to judge it (refused when broken, left alone
 * when a harness server is there) and the table is appended as text: the user's text stays
 * byte for byte.
 */
export function planCodexConfig(tree: Tree, server: ServerCommand): PlannedFile {
  const text = tree.exists(CODEX_CONFIG) ? (tree.read(CODEX_CONFIG, 'utf8') ?? '') : '';
  const servers = parseToml(text).mcp_servers;
  if (servers !== undefined && !isTable(servers)) {
    throw new HarnessConfigError(CODEX_CONFIG, lineOfKey(text, 'mcp_servers'), '"mcp_servers" is not a table', REFUSAL_REMEDY);
  }
  if (servers && 'harness' in servers) return { file: CODEX_CONFIG, text, changed: false };
  const table = [
    '# harness: check_files, explain_rules, list_modules, fix_files (Codex reads this file in trusted projects)',
    '[mcp_servers.harness]',
    `command = ${JSON.stringify(server.command)}`,
    `args = [${server.args.map((arg) => JSON.stringify(arg)).join(', ')}]`,
    '',
  ].join('\n');
  const separator = text === '' ? '' : text.endsWith('\n') ? '\n' : '\n\n';
  const next = text + separator + table;
  try {
    parse(next);
  } catch {
    // An inline `mcp_servers = { ... }` cannot gain a table from outside it.
    throw new HarnessConfigError(
      CODEX_CONFIG,
      lineOfKey(text, 'mcp_servers'),
      'harness cannot add [mcp_servers.harness] next to how this file defines mcp_servers',
      `add the table by hand (command = "${server.command}", args = ${JSON.stringify(server.args)}), or run init with --agents leaving out codex`,
    );
  }
  return { file: CODEX_CONFIG, text: next, changed: true };
}

function parseToml(text: string): Record<string, unknown> {
  try {
    return parse(text) as Record<string, unknown>;
  } catch (error) {
    if (!(error instanceof TomlError)) throw error;
    const what = error.message.split('\n')[0].replace(/^Invalid TOML document:\s*/, '');
    throw new HarnessConfigError(CODEX_CONFIG, error.line, `invalid TOML (${what})`, REFUSAL_REMEDY);
  }
}

function isTable(value: unknown): value is Record<string, unknown> {
  return !!value && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Date);
}

/** The first line that sets `key` (as `key = ...` or a dotted `key.x = ...`), else 1. */
function lineOfKey(text: string, key: string): number {
  const index = text.split('\n').findIndex((line) => line.trimStart().startsWith(key));
  return index + 1 || 1;
}
