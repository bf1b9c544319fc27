import { createTreeWithEmptyWorkspace } from '@nx/devkit/testing';
import { readJson, type Tree } from '@nx/devkit';
import { CLAUDE_HOOK_COMMAND, CURSOR_HOOK_COMMAND, MCP_SERVER, wireAgentTools } from './wire-agent-tools';

function wireCursor(tree: Tree): string[] {
  return wireAgentTools(tree, ['cursor']).written;
}

describe('Cursor wiring', () => {
  let tree: Tree;
  beforeEach(() => {
    tree = createTreeWithEmptyWorkspace();
  });

  it('writes a stop hook that runs harness check --hook=cursor, and the MCP server', () => {
    expect(wireCursor(tree)).toEqual(['.cursor/hooks.json', '.cursor/mcp.json']);
    expect(readJson(tree, '.cursor/hooks.json')).toEqual({ version: 1, hooks: { stop: [{ command: CURSOR_HOOK_COMMAND }] } });
    expect(readJson(tree, '.cursor/mcp.json')).toEqual({ mcpServers: { harness: MCP_SERVER } });
    expect(CURSOR_HOOK_COMMAND).toMatch(/ check --hook=cursor$/);
    expect(CURSOR_HOOK_COMMAND.replace('--hook=cursor', '--hook=claude')).toBe(CLAUDE_HOOK_COMMAND);
    expect(MCP_SERVER.args).toContain('mcp');
  });

  it('keeps the user keys, hooks and comments, and a second run changes nothing', () => {
    const hooks = '{\n  // team hooks\n  "version": 1,\n  "hooks": {\n    "stop": [{ "command": "./audit.sh", "loop_limit": 3 }],\n    "afterFileEdit": [{ "command": "prettier" }]\n  }\n}\n';
    tree.write('.cursor/hooks.json', hooks);
    tree.write('.cursor/mcp.json', '{ "mcpServers": { "db": { "url": "http://localhost:1" } }, "extra": true }');
    wireCursor(tree);
    const first = { hooks: tree.read('.cursor/hooks.json', 'utf8'), mcp: tree.read('.cursor/mcp.json', 'utf8') };
    expect(first.hooks).toContain('// team hooks');
    expect(readJson(tree, '.cursor/hooks.json').hooks).toEqual({
      stop: [{ command: './audit.sh', loop_limit: 3 }, { command: CURSOR_HOOK_COMMAND }],
      afterFileEdit: [{ command: 'prettier' }],
    });
    expect(readJson(tree, '.cursor/mcp.json')).toEqual({ mcpServers: { db: { url: 'http://localhost:1' }, harness: MCP_SERVER }, extra: true });
    expect(wireCursor(tree)).toEqual([]);
    expect({ hooks: tree.read('.cursor/hooks.json', 'utf8'), mcp: tree.read('.cursor/mcp.json', 'utf8') }).toEqual(first);
  });

  it('leaves a hook the user already points at harness (another runner) and a harness server alone', () => {
    tree.write('.cursor/hooks.json', JSON.stringify({ version: 1, hooks: { stop: [{ command: 'node_modules/.bin/harness check --hook=cursor' }] } }));
    tree.write('.cursor/mcp.json', JSON.stringify({ mcpServers: { harness: { command: 'node', args: ['x'] } } }));
    expect(wireCursor(tree)).toEqual([]);
  });

  it('adds version 1 to a hooks file without one, and keeps a version it has', () => {
    tree.write('.cursor/hooks.json', '{ "hooks": {} }');
    wireCursor(tree);
    expect(readJson(tree, '.cursor/hooks.json').version).toBe(1);
    tree.write('.cursor/hooks.json', '{ "version": 2, "hooks": {} }');
    wireCursor(tree);
    expect(readJson(tree, '.cursor/hooks.json').version).toBe(2);
  });

  it('refuses a broken file or a stop entry that is not a list with its line, and writes nothing', () => {
    tree.write('.cursor/hooks.json', '{\n  "version": 1,\n  "hooks": { "stop": "x" }\n}');
    expect(() => wireCursor(tree)).toThrow('harness: .cursor/hooks.json:3: "hooks.stop" is not an array; fix the file, or run init with --skipAgents');
    expect(tree.exists('.cursor/mcp.json')).toBe(false);
    tree.write('.cursor/hooks.json', '{}');
    tree.write('.cursor/mcp.json', '{\n  "mcpServers": {\n    "a": 1,,\n  }\n}');
    expect(() => wireCursor(tree)).toThrow(/^harness: \.cursor\/mcp\.json:3: PropertyNameExpected; fix the file/);
    expect(tree.read('.cursor/hooks.json', 'utf8')).toBe('{}');
  });
});
