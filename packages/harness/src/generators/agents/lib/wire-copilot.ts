import type { Tree } from '@nx/devkit';
import { readJsonSettings, readObjectAt, setJsonValue, type PlannedFile, type ServerCommand } from './json-settings';

export const VSCODE_MCP = '.vscode/mcp.json';

/**
 * GitHub Copilot in VS Code reads MCP servers from `.vscode/mcp.json` (top-level `servers`, not
 * `mcpServers`). Written only where a `.vscode/` folder already holds files: a repository that
 * does not use VS Code gets no editor folder from harness. (Copilot's CLI reads `.mcp.json`.)
 */
export function planVscodeMcp(tree: Tree, server: ServerCommand): PlannedFile[] {
  if (tree.children('.vscode').length === 0) return [];
  const config = readJsonSettings(tree, VSCODE_MCP);
  if (readObjectAt(config, ['servers'])?.harness === undefined) setJsonValue(config, ['servers', 'harness'], { type: 'stdio', ...server });
  return [config];
}
