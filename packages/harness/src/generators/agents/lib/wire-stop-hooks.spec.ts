import { createTreeWithEmptyWorkspace } from '@nx/devkit/testing';
import { readJson, type Tree } from '@nx/devkit';
import { CLAUDE_HOOK_COMMAND, CODEX_HOOK_COMMAND, COPILOT_HOOK_COMMAND, wireAgentTools } from './wire-agent-tools';
import { CODEX_EDIT_MATCHER, CODEX_HOOKS, COPILOT_HOOKS, COPILOT_HOOK_TIMEOUT_SEC } from './wire-stop-hooks';

const CODEX_HOOK = { type: 'command', command: CODEX_HOOK_COMMAND };
const COPILOT_ENTRY = { type: 'command', bash: COPILOT_HOOK_COMMAND, powershell: COPILOT_HOOK_COMMAND, timeoutSec: COPILOT_HOOK_TIMEOUT_SEC };

describe('Codex Stop hook wiring', () => {
  let tree: Tree;
  beforeEach(() => {
    tree = createTreeWithEmptyWorkspace();
  });

  it('writes a PostToolUse hook on apply_patch and a Stop hook in .codex/hooks.json, both running harness check --hook=codex', () => {
    expect(wireAgentTools(tree, ['codex']).written).toEqual(['.codex/config.toml', CODEX_HOOKS]);
    expect(readJson(tree, CODEX_HOOKS)).toEqual({ hooks: { PostToolUse: [{ matcher: '^apply_patch$', hooks: [CODEX_HOOK] }], Stop: [{ hooks: [CODEX_HOOK] }] } });
    expect(CODEX_EDIT_MATCHER).toBe('^apply_patch$');
    expect(CODEX_HOOK_COMMAND.replace('--hook=codex', '--hook=claude')).toBe(CLAUDE_HOOK_COMMAND);
  });

  it('keeps the user hooks, keys and comments, and a second run changes nothing', () => {
    const user = '{\n  // team hooks\n  "hooks": {\n    "Stop": [{ "hooks": [{ "type": "command", "command": "./notify.sh", "timeout": 5 }] }],\n    "PostToolUse": [{ "matcher": "^apply_patch$", "hooks": [{ "type": "command", "command": "prettier" }] }]\n  },\n  "extra": true\n}\n';
    tree.write(CODEX_HOOKS, user);
    wireAgentTools(tree, ['codex']);
    const first = tree.read(CODEX_HOOKS, 'utf8');
    expect(first).toContain('// team hooks');
    expect(readJson(tree, CODEX_HOOKS)).toEqual({
      hooks: {
        Stop: [{ hooks: [{ type: 'command', command: './notify.sh', timeout: 5 }] }, { hooks: [CODEX_HOOK] }],
        PostToolUse: [{ matcher: '^apply_patch$', hooks: [{ type: 'command', command: 'prettier' }] }, { matcher: '^apply_patch$', hooks: [CODEX_HOOK] }],
      },
      extra: true,
    });
    expect(wireAgentTools(tree, ['codex']).written).toEqual([]);
    expect(tree.read(CODEX_HOOKS, 'utf8')).toBe(first);
  });

  it('leaves hooks the user already points at harness (another runner) alone', () => {
    const own = { type: 'command', command: 'node_modules/.bin/harness check --hook=codex --rules=naming' };
    const text = JSON.stringify({ hooks: { PostToolUse: [{ matcher: 'apply_patch|Bash', hooks: [own] }], Stop: [{ hooks: [own] }] } });
    tree.write(CODEX_HOOKS, text);
    wireAgentTools(tree, ['codex']);
    expect(tree.read(CODEX_HOOKS, 'utf8')).toBe(text);
  });

  it('refuses a broken file or a Stop that is not a list with its line, and writes nothing', () => {
    tree.write(CODEX_HOOKS, '{\n  "hooks": {\n    "Stop": {}\n  }\n}');
    expect(() => wireAgentTools(tree, ['codex', 'cursor'])).toThrow('harness: .codex/hooks.json:3: "hooks.Stop" is not an array; fix the file, or run init with --skipAgents');
    expect(tree.exists('.codex/config.toml')).toBe(false);
    expect(tree.exists('.cursor/hooks.json')).toBe(false);
    tree.write(CODEX_HOOKS, '{\n  "hooks": {\n    "Stop": [,]\n  }\n}');
    expect(() => wireAgentTools(tree, ['codex'])).toThrow(/^harness: \.codex\/hooks\.json:3: ValueExpected; fix the file/);
    expect(tree.read(CODEX_HOOKS, 'utf8')).toBe('{\n  "hooks": {\n    "Stop": [,]\n  }\n}');
  });
});

describe('Copilot agentStop hook wiring', () => {
  let tree: Tree;
  beforeEach(() => {
    tree = createTreeWithEmptyWorkspace();
  });

  it('writes an agentStop hook in .github/hooks/harness.json running harness check --hook=copilot', () => {
    expect(wireAgentTools(tree, ['copilot']).written).toContain(COPILOT_HOOKS);
    expect(readJson(tree, COPILOT_HOOKS)).toEqual({ version: 1, hooks: { agentStop: [COPILOT_ENTRY] } });
    expect(COPILOT_HOOK_COMMAND.replace('--hook=copilot', '--hook=claude')).toBe(CLAUDE_HOOK_COMMAND);
  });

  it('keeps what the user added to the file, and a second run changes nothing', () => {
    const user = '{\n  "version": 1,\n  "disableAllHooks": false,\n  "hooks": {\n    // ours\n    "agentStop": [{ "type": "command", "bash": "./log.sh" }],\n    "postToolUse": [{ "type": "command", "bash": "prettier -w ." }]\n  }\n}\n';
    tree.write(COPILOT_HOOKS, user);
    wireAgentTools(tree, ['copilot']);
    const first = tree.read(COPILOT_HOOKS, 'utf8');
    expect(first).toContain('// ours');
    expect(readJson(tree, COPILOT_HOOKS)).toEqual({
      version: 1,
      disableAllHooks: false,
      hooks: { agentStop: [{ type: 'command', bash: './log.sh' }, COPILOT_ENTRY], postToolUse: [{ type: 'command', bash: 'prettier -w .' }] },
    });
    expect(wireAgentTools(tree, ['copilot']).written).toEqual([]);
    expect(tree.read(COPILOT_HOOKS, 'utf8')).toBe(first);
  });

  it('leaves an agentStop entry that already runs harness (any of bash, powershell, command) alone', () => {
    for (const key of ['bash', 'powershell', 'command']) {
      const text = JSON.stringify({ version: 1, hooks: { agentStop: [{ type: 'command', [key]: 'pnpm exec harness check --hook=copilot' }] } });
      tree.write(COPILOT_HOOKS, text);
      wireAgentTools(tree, ['copilot']);
      expect(tree.read(COPILOT_HOOKS, 'utf8')).toBe(text);
    }
  });

  it('refuses a broken file with its line, and writes nothing', () => {
    tree.write(COPILOT_HOOKS, '{\n  "version": 1,\n  "hooks": { "agentStop": "x" }\n}');
    expect(() => wireAgentTools(tree, ['copilot'])).toThrow('harness: .github/hooks/harness.json:3: "hooks.agentStop" is not an array; fix the file, or run init with --skipAgents');
    expect(tree.exists('.mcp.json')).toBe(false);
    tree.write(COPILOT_HOOKS, '[]');
    expect(() => wireAgentTools(tree, ['copilot'])).toThrow('harness: .github/hooks/harness.json:1: not a JSON object; fix the file');
  });

  it('is not written when --agents leaves copilot out', () => {
    wireAgentTools(tree, ['claude', 'cursor', 'codex']);
    expect(tree.exists(COPILOT_HOOKS)).toBe(false);
    wireAgentTools(tree, ['claude']);
    expect(tree.exists(CODEX_HOOKS)).toBe(true);
    const fresh = createTreeWithEmptyWorkspace();
    wireAgentTools(fresh, ['claude', 'cursor', 'copilot']);
    expect(fresh.exists(CODEX_HOOKS)).toBe(false);
  });
});
