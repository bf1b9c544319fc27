import * as fs from 'node:fs';
import * as path from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import {
  createNxEnv,
  createUserWorkspace,
  parseFindingBlocks,
  removeUserWorkspace,
  runCommand,
  runNx,
  snapshotFiles,
  type CommandResult,
} from '../src';

/*
 * The agent's feedback loop in ONE real workspace made from the packed tarball: `npx harness
 * check` on files, the Claude Code hook, and the MCP server, against the same findings as
 * `nx run <project>:harness-check`.
 *
 * Time budget on 2 cores, whole suite under 5 minutes:
 *   workspace ~5 s from try-as-user.sh's cache; init ~5 s twice; two modules ~45 s (jest install)
 *   each `npx harness check` ~1-3 s (a graph rebuild when a project file changed: ~3 s)
 *   nx run ~4 s; the MCP session ~5 s
 */
const SUITE_BUDGET_MS = 5 * 60 * 1000;
const SETUP_TIMEOUT_MS = 4 * 60 * 1000;
const STEP_TIMEOUT_MS = 60 * 1000;

const PAY = 'modules/billing/src/lib/pay.ts';
const CLEAN = 'modules/billing/src/lib/clean.ts';
const USER_SETTINGS = { permissions: { allow: ['Bash(npm test)'] }, hooks: { PostToolUse: [{ matcher: 'Write', hooks: [{ type: 'command', command: 'echo user-hook' }] }] } };

const startedAt = Date.now();
let dir = '';

function write(file: string, text: string): void {
  fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
  fs.writeFileSync(path.join(dir, file), text);
}

function harness(args: string[], input?: string): Promise<CommandResult> {
  return runCommand('npx', ['harness', ...args], { cwd: dir, env: createNxEnv(), timeoutMs: STEP_TIMEOUT_MS, input });
}

function hookPayload(file: string): string {
  return JSON.stringify({
    session_id: 'e2e',
    hook_event_name: 'PostToolUse',
    tool_name: 'Write',
    cwd: dir,
    tool_input: { file_path: path.join(dir, file), content: '' },
  });
}

function cursorStopPayload(): string {
  return JSON.stringify({ conversation_id: 'e2e', generation_id: 'e2e', hook_event_name: 'stop', status: 'completed', loop_count: 0, workspace_roots: [dir] });
}

// Codex's Stop input (codex-rs/hooks/schema/generated/stop.command.input.schema.json).
function codexStopPayload(stopHookActive = false): string {
  return JSON.stringify({ session_id: 'e2e', turn_id: 'e2e', transcript_path: null, cwd: dir, hook_event_name: 'Stop', model: 'e2e', permission_mode: 'default', stop_hook_active: stopHookActive, last_assistant_message: 'done' });
}

// Codex's PostToolUse input for an apply_patch edit: the patch text, not a path, in tool_input.command.
function codexPatchPayload(file: string): string {
  const patch = `*** Begin Patch\n*** Update File: ${file}\n@@\n-x\n+x\n*** End Patch\n`;
  return JSON.stringify({ session_id: 'e2e', turn_id: 'e2e', cwd: dir, hook_event_name: 'PostToolUse', model: 'e2e', permission_mode: 'default', tool_name: 'apply_patch', tool_use_id: 'e2e', tool_input: { command: patch }, tool_response: 'Success' });
}

// Copilot's agentStop input, camelCase format (GitHub's Copilot hooks reference).
function copilotStopPayload(): string {
  return JSON.stringify({ sessionId: 'e2e', timestamp: Date.now(), cwd: dir, transcriptPath: '/tmp/e2e.jsonl', stopReason: 'end_turn', stop_hook_active: false });
}

function read(file: string): string {
  return fs.readFileSync(path.join(dir, file), 'utf8');
}

function setLedgerScope(scope: string): void {
  const file = path.join(dir, 'modules/ledger/project.json');
  const project = JSON.parse(fs.readFileSync(file, 'utf8'));
  project.tags = [`scope:${scope}`, 'type:feature'];
  fs.writeFileSync(file, JSON.stringify(project, null, 2) + '\n');
}

beforeAll(async () => {
  dir = await createUserWorkspace('agent-loop');
  write('.claude/settings.json', JSON.stringify(USER_SETTINGS, null, 2));
  for (const args of [['harness:init'], ['harness:module', 'billing'], ['harness:module', 'ledger']]) {
    const result = await runNx(dir, ['g', ...args, '--no-interactive']);
    if (result.code !== 0) throw new Error(`nx g ${args.join(' ')} failed:\n${result.output}`);
  }
  write(
    'harness.yaml',
    [
      'dependencies:',
      '  constraints:',
      '    - sourceTag: "scope:billing"',
      '      onlyDependOnLibsWithTags: ["scope:billing", "scope:shared"]',
      '    - sourceTag: "*"',
      '      onlyDependOnLibsWithTags: ["*"]',
      '',
    ].join('\n'),
  );
  // The generated docs follow harness.yaml, as a user's `nx sync` keeps them.
  const synced = await runNx(dir, ['sync']);
  if (synced.code !== 0) throw new Error(`nx sync failed:\n${synced.output}`);
}, SETUP_TIMEOUT_MS);

afterAll(() => {
  if (dir && !process.env.HARNESS_E2E_KEEP) removeUserWorkspace(dir);
});

describe('nx g harness:init wires the agents', () => {
  it('adds the Claude Code hook and the MCP server, keeping every key the user had', () => {
    const settings = JSON.parse(fs.readFileSync(path.join(dir, '.claude/settings.json'), 'utf8'));
    expect(settings.permissions).toEqual(USER_SETTINGS.permissions);
    expect(settings.hooks.PostToolUse[0]).toEqual(USER_SETTINGS.hooks.PostToolUse[0]);
    expect(settings.hooks.PostToolUse[1].hooks[0].command).toBe('npx harness check --hook=claude');
    expect(JSON.parse(fs.readFileSync(path.join(dir, '.mcp.json'), 'utf8')).mcpServers.harness).toEqual({ type: 'stdio', command: 'npx', args: ['harness', 'mcp'] });
  });

  it('adds the Cursor stop hook and MCP server, the Codex MCP server, and the VS Code one where VS Code is used', async () => {
    // The same command lines as Claude Code's hook and .mcp.json, however those start harness.
    const claudeCommand: string = JSON.parse(read('.claude/settings.json')).hooks.PostToolUse[1].hooks[0].command;
    const { type, ...server } = JSON.parse(read('.mcp.json')).mcpServers.harness as { type: string; command: string; args: string[] };
    expect(type).toBe('stdio');
    expect(JSON.parse(read('.cursor/hooks.json'))).toEqual({ version: 1, hooks: { stop: [{ command: claudeCommand.replace('--hook=claude', '--hook=cursor') }] } });
    expect(JSON.parse(read('.cursor/mcp.json')).mcpServers.harness).toEqual(server);
    expect(read('.codex/config.toml')).toContain(`[mcp_servers.harness]\ncommand = "${server.command}"\nargs = [${server.args.map((a) => `"${a}"`).join(', ')}]\n`);
    const usesVscode = (await runCommand('git', ['ls-tree', '--name-only', 'HEAD', '.vscode/'], { cwd: dir })).stdout.trim() !== '';
    expect(fs.existsSync(path.join(dir, '.vscode/mcp.json'))).toBe(usesVscode);
    if (usesVscode) expect(JSON.parse(read('.vscode/mcp.json')).servers.harness).toEqual({ type: 'stdio', ...server });
  }, STEP_TIMEOUT_MS);

  it('adds the Codex PostToolUse and Stop hooks and the Copilot agentStop hook, with the same command line as Claude Code\'s', () => {
    const claudeCommand: string = JSON.parse(read('.claude/settings.json')).hooks.PostToolUse[1].hooks[0].command;
    const codexHook = { type: 'command', command: claudeCommand.replace('--hook=claude', '--hook=codex') };
    expect(JSON.parse(read('.codex/hooks.json'))).toEqual({ hooks: { PostToolUse: [{ matcher: '^apply_patch$', hooks: [codexHook] }], Stop: [{ hooks: [codexHook] }] } });
    const copilot = JSON.parse(read('.github/hooks/harness.json'));
    expect(copilot.version).toBe(1);
    expect(copilot.hooks.agentStop).toEqual([expect.objectContaining({ type: 'command', bash: claudeCommand.replace('--hook=claude', '--hook=copilot') })]);
  });

  it('changes nothing when run again', async () => {
    const before = snapshotFiles(dir);
    expect(await runNx(dir, ['g', 'harness:init', '--no-interactive'])).toMatchObject({ code: 0 });
    expect(snapshotFiles(dir)).toEqual(before);
  }, STEP_TIMEOUT_MS);
});

describe('npx harness check', () => {
  // Written after the init tests: the import adds an edge that the generated docs would show.
  beforeAll(() => {
    write(PAY, "import { describeLedger } from '@ws/ledger';\n\n/** Pays through the ledger. */\nexport function pay(): string {\n  return describeLedger();\n}\n");
    write(CLEAN, '/** A clean file. */\nexport function addOne(value: number): number {\n  return value + 1;\n}\n');
  });

  it('shows the block of a violating file and exits 1', async () => {
    const result = await harness(['check', PAY]);
    expect(result.code).toBe(1);
    expect(parseFindingBlocks(result.output)).toEqual([
      expect.objectContaining({ severity: 'ERROR', title: 'Dependency constraint violation', fields: expect.objectContaining({ File: PAY, Line: '1', Found: '`@ws/ledger`' }) }),
    ]);
  }, STEP_TIMEOUT_MS);

  it('exits 0 on a clean file', async () => {
    const result = await harness(['check', CLEAN]);
    expect(result).toMatchObject({ code: 0 });
    expect(result.output).toContain('harness-check: no findings (1 file checked in 1 project)');
  }, STEP_TIMEOUT_MS);

  it('agrees with nx run <project>:harness-check for the same files', async () => {
    const viaNx = await runNx(dir, ['run', 'billing:harness-check', '--skip-nx-cache', '--output-style=static']);
    const viaCli = await harness(['check', 'billing']);
    expect(viaNx.code).toBe(1);
    expect(viaCli.code).toBe(viaNx.code);
    expect(parseFindingBlocks(viaCli.output)).toEqual(parseFindingBlocks(viaNx.output));
    const forPay = parseFindingBlocks(viaNx.output).filter((b) => b.fields.File === PAY);
    expect(parseFindingBlocks((await harness(['check', PAY])).output)).toEqual(forPay);
  }, 2 * STEP_TIMEOUT_MS);

  it('applies a tag changed in another project.json without nx reset', async () => {
    setLedgerScope('shared');
    try {
      expect(await harness(['check', PAY])).toMatchObject({ code: 0 });
    } finally {
      setLedgerScope('ledger');
    }
    expect((await harness(['check', PAY])).code).toBe(1);
  }, 2 * STEP_TIMEOUT_MS);

  it('refuses a path that does not exist in one line, exit 1', async () => {
    const result = await harness(['check', 'modules/nope.ts']);
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toBe('harness: modules/nope.ts: no such file, folder or project in this workspace; name a file or folder that exists, or a project from `nx show projects`');
  }, STEP_TIMEOUT_MS);
});

describe('the Claude Code hook', () => {
  it('exits 2 with the block on stderr for a violating file', async () => {
    const result = await harness(['check', '--hook=claude'], hookPayload(PAY));
    expect(result.code).toBe(2);
    expect(parseFindingBlocks(result.stderr)).toEqual([expect.objectContaining({ title: 'Dependency constraint violation' })]);
  }, STEP_TIMEOUT_MS);

  it('exits 0 for a clean file', async () => {
    expect(await harness(['check', '--hook=claude'], hookPayload(CLEAN))).toMatchObject({ code: 0, stderr: '' });
  }, STEP_TIMEOUT_MS);
});

describe('the Cursor stop hook', () => {
  // Cursor's stop payload names no files: the hook checks what changed against HEAD, so commit
  // the workspace first and change files on purpose.
  beforeAll(async () => {
    // Without a workspace git would commit in jest's working folder, this repository.
    if (!dir) throw new Error('the workspace was not created, so there is nothing to commit');
    const identity = ['-c', 'user.email=e2e@example.com', '-c', 'user.name=e2e'];
    for (const args of [['add', '-A'], [...identity, 'commit', '-qm', 'before the cursor hook']]) {
      const result = await runCommand('git', args, { cwd: dir });
      if (result.code !== 0) throw new Error(`git ${args.join(' ')} failed:\n${result.output}`);
    }
  }, STEP_TIMEOUT_MS);

  // The MCP tests below expect the files as the earlier tests left them.
  afterAll(async () => {
    if (dir) await runCommand('git', ['checkout', '--', PAY, CLEAN], { cwd: dir });
  });

  it('prints {} when the changed files are clean', async () => {
    write(CLEAN, `${read(CLEAN)}\n/** Another clean function. */\nexport function addTwo(value: number): number {\n  return value + 2;\n}\n`);
    const result = await harness(['check', '--hook=cursor'], cursorStopPayload());
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({});
  }, STEP_TIMEOUT_MS);

  it('hands the block of a violating changed file back as followup_message', async () => {
    write(PAY, `${read(PAY)}\n/** Changed by the agent. */\nexport const PAID = true;\n`);
    const result = await harness(['check', '--hook=cursor'], cursorStopPayload());
    expect(result.code).toBe(0);
    const answer = JSON.parse(result.stdout) as { followup_message: string };
    expect(parseFindingBlocks(answer.followup_message)).toEqual([
      expect.objectContaining({ severity: 'ERROR', title: 'Dependency constraint violation', fields: expect.objectContaining({ File: PAY, Line: '1' }) }),
    ]);
    expect(answer.followup_message.trimEnd().split('\n').pop()).toMatch(/^harness found errors in the files you changed: fix each as its Fix line says/);
  }, STEP_TIMEOUT_MS);
});

describe('the Codex hook after an apply_patch edit', () => {
  it('exits 2 with the block on stderr for a patched violating file, 0 for a clean one', async () => {
    const result = await harness(['check', '--hook=codex'], codexPatchPayload(PAY));
    expect(result.code).toBe(2);
    expect(parseFindingBlocks(result.stderr)).toEqual([expect.objectContaining({ title: 'Dependency constraint violation', fields: expect.objectContaining({ File: PAY }) })]);
    expect(await harness(['check', '--hook=codex'], codexPatchPayload(CLEAN))).toMatchObject({ code: 0, stderr: '' });
  }, 2 * STEP_TIMEOUT_MS);
});

describe('the Codex and Copilot stop hooks', () => {
  // The Cursor tests above committed the workspace; these change files against that commit.
  afterAll(async () => {
    if (dir) await runCommand('git', ['checkout', '--', PAY, CLEAN], { cwd: dir });
  });

  it('print nothing when the changed files are clean', async () => {
    write(CLEAN, `${read(CLEAN)}\n/** Another clean function. */\nexport function addThree(value: number): number {\n  return value + 3;\n}\n`);
    expect(await harness(['check', '--hook=codex'], codexStopPayload())).toMatchObject({ code: 0, stdout: '' });
  }, STEP_TIMEOUT_MS);

  it('block the stop with the block of a violating changed file as the reason', async () => {
    write(PAY, `${read(PAY)}\n/** Changed by the agent. */\nexport const PAID_TWICE = true;\n`);
    for (const [hook, payload] of [['codex', codexStopPayload()], ['copilot', copilotStopPayload()]]) {
      const result = await harness(['check', `--hook=${hook}`], payload);
      expect(result.code).toBe(0);
      const answer = JSON.parse(result.stdout) as { decision: string; reason: string };
      expect(answer.decision).toBe('block');
      expect(parseFindingBlocks(answer.reason)).toEqual([
        expect.objectContaining({ severity: 'ERROR', title: 'Dependency constraint violation', fields: expect.objectContaining({ File: PAY, Line: '1' }) }),
      ]);
      expect(answer.reason.trimEnd().split('\n').pop()).toMatch(/^harness found errors in the files you changed: fix each as its Fix line says/);
    }
  }, 2 * STEP_TIMEOUT_MS);

  it('let a stop through when a stop hook already sent the agent back', async () => {
    expect(await harness(['check', '--hook=codex'], codexStopPayload(true))).toMatchObject({ code: 0, stdout: '' });
  }, STEP_TIMEOUT_MS);
});

describe('npx harness mcp', () => {
  it('serves the four tools with correct results', async () => {
    write('modules/billing/src/lib/rename-me.ts', '/** Needs a camelCase name. */\nexport function Process_invoice(): number {\n  return 1;\n}\n');
    const client = new Client({ name: 'harness-e2e', version: '1.0.0' });
    await client.connect(new StdioClientTransport({ command: 'npx', args: ['harness', 'mcp'], cwd: dir, env: createNxEnv() as Record<string, string> }));
    try {
      const { tools } = await client.listTools();
      expect(tools.map((t) => t.name).sort()).toEqual(['check_files', 'explain_rules', 'fix_files', 'list_modules']);

      const checked = await client.callTool({ name: 'check_files', arguments: { paths: [PAY] } });
      expect(checked.structuredContent).toMatchObject({
        exitCode: 1,
        findings: [expect.objectContaining({ rule: 'dependency-constraints', file: PAY, line: 1, fixable: false })],
      });

      const explained = await client.callTool({ name: 'explain_rules', arguments: { path: PAY } });
      const text = (explained.content as Array<{ text: string }>)[0].text;
      expect(text).toContain('billing (modules/billing), tags:');
      expect(text).toMatch(/"sourceTag":"scope:billing".*\(harness\.yaml:3\)/);
      expect(text).toMatch(/naming: \{.*\} \(modules\/billing\/CONVENTIONS\.md:\d+\)/);

      const listed = await client.callTool({ name: 'list_modules', arguments: {} });
      const modules = (listed.structuredContent as { modules: Array<{ name: string; root: string; purpose?: string }> }).modules;
      expect(modules.find((m) => m.name === 'billing')).toMatchObject({ root: 'modules/billing', purpose: expect.stringMatching(/\.$/) });

      const fixed = await client.callTool({ name: 'fix_files', arguments: { paths: ['modules/billing/src/lib/rename-me.ts'] } });
      expect((fixed.structuredContent as { changes: string[] }).changes.join('\n')).toMatch(/processInvoice/);
      expect(fs.readFileSync(path.join(dir, 'modules/billing/src/lib/rename-me.ts'), 'utf8')).toContain('export function processInvoice()');
    } finally {
      await client.close();
    }
  }, 2 * STEP_TIMEOUT_MS);
});

describe('the suite', () => {
  it('stays within its time budget', () => {
    expect(Date.now() - startedAt).toBeLessThan(SUITE_BUDGET_MS);
  });
});
