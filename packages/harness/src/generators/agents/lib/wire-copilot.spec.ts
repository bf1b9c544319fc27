import { createTreeWithEmptyWorkspace } from '@nx/devkit/testing';
import { readJson, type Tree } from '@nx/devkit';
import { MCP_SERVER, wireAgentTools } from './wire-agent-tools';

describe('Copilot wiring', () => {
  let tree: Tree;
  beforeEach(() => {
    tree = createTreeWithEmptyWorkspace();
  });

  it('registers the server in .mcp.json, and creates no .vscode folder in a repository without one', () => {
    expect(wireAgentTools(tree, ['copilot']).written).toEqual(['.mcp.json', '.github/hooks/harness.json']);
    expect(tree.exists('.vscode/mcp.json')).toBe(false);
  });

  it('writes .vscode/mcp.json under servers where VS Code is in use', () => {
    tree.write('.vscode/extensions.json', '{ "recommendations": [] }');
    expect(wireAgentTools(tree, ['copilot']).written).toEqual(['.mcp.json', '.vscode/mcp.json', '.github/hooks/harness.json']);
    expect(readJson(tree, '.vscode/mcp.json')).toEqual({ servers: { harness: { type: 'stdio', ...MCP_SERVER } } });
  });

  it('keeps the user servers, inputs and comments, and a second run changes nothing', () => {
    const user = '{\n  // shared with the team\n  "inputs": [{ "type": "promptString", "id": "key" }],\n  "servers": { "db": { "type": "stdio", "command": "db-mcp" } }\n}\n';
    tree.write('.vscode/mcp.json', user);
    wireAgentTools(tree, ['copilot']);
    const first = tree.read('.vscode/mcp.json', 'utf8');
    expect(first).toContain('// shared with the team');
    expect(readJson(tree, '.vscode/mcp.json')).toEqual({
      inputs: [{ type: 'promptString', id: 'key' }],
      servers: { db: { type: 'stdio', command: 'db-mcp' }, harness: { type: 'stdio', ...MCP_SERVER } },
    });
    expect(wireAgentTools(tree, ['copilot']).written).toEqual([]);
    expect(tree.read('.vscode/mcp.json', 'utf8')).toBe(first);
  });

  it('refuses a broken .vscode/mcp.json with its line, and writes nothing', () => {
    tree.write('.vscode/mcp.json', '{\n  "servers": [1]\n}');
    expect(() => wireAgentTools(tree, ['copilot'])).toThrow('harness: .vscode/mcp.json:2: "servers" is not an object; fix the file');
    expect(tree.exists('.mcp.json')).toBe(false);
  });
});
