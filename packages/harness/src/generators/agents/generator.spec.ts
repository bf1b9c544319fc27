import { createTreeWithEmptyWorkspace } from '@nx/devkit/testing';
import { readJson, type Tree } from '@nx/devkit';
import { agentsGenerator } from './generator';
import { CLAUDE_HOOK_COMMAND } from './lib/wire-agent-tools';

describe('agents generator', () => {
  let tree: Tree;
  beforeEach(() => {
    tree = createTreeWithEmptyWorkspace();
  });

  it('writes the Claude Code hook and the MCP server', async () => {
    await agentsGenerator(tree);
    expect(readJson(tree, '.claude/settings.json')).toEqual({
      hooks: { PostToolUse: [{ matcher: 'Edit|MultiEdit|Write', hooks: [{ type: 'command', command: CLAUDE_HOOK_COMMAND }] }] },
    });
    expect(readJson(tree, '.mcp.json')).toEqual({ mcpServers: { harness: { type: 'stdio', command: 'npx', args: ['harness', 'mcp'] } } });
  });

  it('keeps every existing key and hook, and a second run changes nothing', async () => {
    const settings = {
      permissions: { allow: ['Bash(npm test)'] },
      hooks: { PostToolUse: [{ matcher: 'Write', hooks: [{ type: 'command', command: 'prettier --write' }] }], Stop: [{ hooks: [] }] },
    };
    tree.write('.claude/settings.json', JSON.stringify(settings));
    tree.write('.mcp.json', JSON.stringify({ mcpServers: { other: { command: 'other' } } }));
    await agentsGenerator(tree);
    const first = { settings: tree.read('.claude/settings.json', 'utf8'), mcp: tree.read('.mcp.json', 'utf8') };
    const written = readJson(tree, '.claude/settings.json');
    expect(written.permissions).toEqual(settings.permissions);
    expect(written.hooks.Stop).toEqual(settings.hooks.Stop);
    expect(written.hooks.PostToolUse).toHaveLength(2);
    expect(written.hooks.PostToolUse[0]).toEqual(settings.hooks.PostToolUse[0]);
    expect(Object.keys(readJson(tree, '.mcp.json').mcpServers)).toEqual(['other', 'harness']);
    await agentsGenerator(tree);
    expect({ settings: tree.read('.claude/settings.json', 'utf8'), mcp: tree.read('.mcp.json', 'utf8') }).toEqual(first);
  });

  it('refuses a settings file that is not JSON, and leaves it as it was', async () => {
    tree.write('.claude/settings.json', '{\n  "hooks": {,\n}');
    await expect(agentsGenerator(tree)).rejects.toThrow(/^harness: \.claude\/settings\.json:2: .+; fix the file, or run init with --skipAgents/);
    expect(tree.read('.claude/settings.json', 'utf8')).toBe('{\n  "hooks": {,\n}');
  });

  it('wires every agent by default, and only the agents --agents names', async () => {
    tree.write('.vscode/settings.json', '{}');
    await agentsGenerator(tree);
    expect(['.claude/settings.json', '.mcp.json', '.cursor/hooks.json', '.cursor/mcp.json', '.codex/config.toml', '.vscode/mcp.json'].filter((f) => tree.exists(f))).toHaveLength(6);
    const fresh = createTreeWithEmptyWorkspace();
    await agentsGenerator(fresh, { agents: ['cursor', 'codex'] });
    expect(['.claude/settings.json', '.mcp.json', '.cursor/hooks.json', '.cursor/mcp.json', '.codex/config.toml'].filter((f) => fresh.exists(f))).toEqual([
      '.cursor/hooks.json',
      '.cursor/mcp.json',
      '.codex/config.toml',
    ]);
    const fromText = createTreeWithEmptyWorkspace();
    await agentsGenerator(fromText, { agents: 'claude, codex' });
    expect(['.claude/settings.json', '.cursor/hooks.json', '.codex/config.toml'].map((f) => fromText.exists(f))).toEqual([true, false, true]);
  });

  it('refuses an unknown agent in one line', async () => {
    await expect(agentsGenerator(tree, { agents: ['claude', 'windsurf'] })).rejects.toThrow('harness: --agents: unknown agent "windsurf"; use any of claude, cursor, codex, copilot');
  });

  it('writes no file when any one of them is refused', async () => {
    tree.write('.codex/config.toml', '[broken\n');
    await expect(agentsGenerator(tree)).rejects.toThrow(/^harness: \.codex\/config\.toml:1: invalid TOML/);
    expect(['.claude/settings.json', '.mcp.json', '.cursor/hooks.json'].some((f) => tree.exists(f))).toBe(false);
  });
});
