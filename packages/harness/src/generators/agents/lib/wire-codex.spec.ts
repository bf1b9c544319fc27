import { createTreeWithEmptyWorkspace } from '@nx/devkit/testing';
import type { Tree } from '@nx/devkit';
import { parse } from 'smol-toml';
import { MCP_SERVER, wireAgentTools } from './wire-agent-tools';
import { CODEX_HOOKS } from './wire-stop-hooks';

const TABLE = `[mcp_servers.harness]\ncommand = "${MCP_SERVER.command}"\nargs = [${MCP_SERVER.args.map((a) => `"${a}"`).join(', ')}]\n`;

/** What Codex's wiring writes besides `.codex/hooks.json`, whose spec is wire-stop-hooks.spec.ts. */
function wireCodex(tree: Tree): string[] {
  return wireAgentTools(tree, ['codex']).written.filter((file) => file !== CODEX_HOOKS);
}

describe('Codex wiring', () => {
  let tree: Tree;
  beforeEach(() => {
    tree = createTreeWithEmptyWorkspace();
  });

  it('writes [mcp_servers.harness] in .codex/config.toml', () => {
    expect(wireCodex(tree)).toEqual(['.codex/config.toml']);
    expect(tree.exists(CODEX_HOOKS)).toBe(true);
    const text = tree.read('.codex/config.toml', 'utf8') ?? '';
    expect(text).toContain(TABLE);
    expect(parse(text)).toEqual({ mcp_servers: { harness: MCP_SERVER } });
  });

  it('appends after the user text, which stays byte for byte, and a second run changes nothing', () => {
    const user = '# my settings\nmodel = "o4"\n\n[mcp_servers.docs]\ncommand = "docs-mcp" # local\n\n[profiles.fast]\nmodel = "mini"';
    tree.write('.codex/config.toml', user);
    wireCodex(tree);
    const text = tree.read('.codex/config.toml', 'utf8') ?? '';
    expect(text.startsWith(`${user}\n\n`)).toBe(true);
    expect(parse(text)).toMatchObject({ model: 'o4', mcp_servers: { docs: { command: 'docs-mcp' }, harness: MCP_SERVER }, profiles: { fast: { model: 'mini' } } });
    expect(wireCodex(tree)).toEqual([]);
    expect(tree.read('.codex/config.toml', 'utf8')).toBe(text);
  });

  it('leaves a harness server the user has, written as a table or as dotted keys', () => {
    for (const text of ['[mcp_servers.harness]\ncommand = "node"\n', 'mcp_servers.harness.command = "node"\n']) {
      tree.write('.codex/config.toml', text);
      expect(wireCodex(tree)).toEqual([]);
      expect(tree.read('.codex/config.toml', 'utf8')).toBe(text);
    }
  });

  it('refuses a file that is not TOML with its line, and writes nothing', () => {
    tree.write('.codex/config.toml', 'model = "o4"\nargs = [\n');
    expect(() => wireAgentTools(tree, ['codex', 'cursor'])).toThrow(/^harness: \.codex\/config\.toml:3: invalid TOML \(unfinished array encountered\); fix the file, or run init with --skipAgents/);
    expect(tree.read('.codex/config.toml', 'utf8')).toBe('model = "o4"\nargs = [\n');
    expect(tree.exists('.cursor/hooks.json')).toBe(false);
  });

  it('refuses an mcp_servers it cannot add a table to, and one that is not a table', () => {
    tree.write('.codex/config.toml', 'model = "o4"\nmcp_servers = { docs = { command = "d" } }\n');
    expect(() => wireCodex(tree)).toThrow(/^harness: \.codex\/config\.toml:2: harness cannot add \[mcp_servers\.harness\] .*; add the table by hand \(command = ".+", args = \[.*"mcp"\]\)/);
    tree.write('.codex/config.toml', '\nmcp_servers = "none"\n');
    expect(() => wireCodex(tree)).toThrow('harness: .codex/config.toml:2: "mcp_servers" is not a table; fix the file');
  });
});
