import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { HarnessConfigError } from '../config/config-error';
import type { CheckRequest, CheckResponse } from '../check/run-check-request';
import { CHANGED_FILES_INSTRUCTION } from './changed-files-hook';
import { readStopHookPayload } from './read-hook-payload';
import type { CliIo } from './run-cli';
import { runCli } from './run-cli';
import { runStopHook } from './run-stop-hook';

const BLOCK = 'ERROR: Dependency constraint violation\nFile: modules/a/src/x.ts\nLine: 1\nFix: import from a scope:a project\n\nharness-check: 1 error, 0 warnings in 1 file (1 file checked in 1 project)\n';

function makeIo(stdin: string, cwd: string): CliIo & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { cwd, out, err, stdout: (t) => out.push(t), stderr: (t) => err.push(t), readStdin: async () => stdin };
}

function respond(exitCode: number, output = ''): CheckResponse {
  return { workspaceRoot: '', findings: [], fixNotes: [], exitCode, output };
}

describe('runStopHook', () => {
  let workspace: string;
  let outside: string;
  beforeEach(() => {
    workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'harness-stop-ws-'));
    fs.writeFileSync(path.join(workspace, 'nx.json'), '{}');
    fs.mkdirSync(path.join(workspace, 'apps'));
    outside = fs.mkdtempSync(path.join(os.tmpdir(), 'harness-stop-none-'));
  });
  afterEach(() => {
    fs.rmSync(workspace, { recursive: true, force: true });
    fs.rmSync(outside, { recursive: true, force: true });
  });

  // Codex's Stop input (codex-rs/hooks/schema/generated/stop.command.input.schema.json).
  const codexStop = (extra: Record<string, unknown> = {}) =>
    JSON.stringify({ session_id: 's', turn_id: 't', transcript_path: null, cwd: path.join(workspace, 'apps'), hook_event_name: 'Stop', model: 'm', permission_mode: 'default', stop_hook_active: false, last_assistant_message: 'done', ...extra });
  // Copilot's agentStop input in its camelCase format (GitHub's hooks reference).
  const copilotStop = (extra: Record<string, unknown> = {}) =>
    JSON.stringify({ sessionId: 's', timestamp: 1, cwd: workspace, transcriptPath: '/t.jsonl', stopReason: 'end_turn', stop_hook_active: false, ...extra });

  it('blocks the stop with the blocks of the changed files and the instruction as the reason', async () => {
    for (const [agent, stdin] of [['codex', codexStop()], ['copilot', copilotStop()]] as const) {
      const requests: CheckRequest[] = [];
      const io = makeIo(stdin, outside);
      const code = await runStopHook(agent, { rules: 'dependency-constraints' }, io, async (request) => {
        requests.push(request);
        return respond(1, BLOCK);
      });
      expect(code).toBe(0);
      expect(requests).toEqual([{ paths: [], cwd: workspace, options: { rules: 'dependency-constraints' } }]);
      expect(io.out).toHaveLength(1);
      expect(JSON.parse(io.out[0])).toEqual({ decision: 'block', reason: `${BLOCK.trimEnd()}\n\n${CHANGED_FILES_INSTRUCTION}` });
      expect(io.err).toEqual([]);
    }
  });

  it('prints nothing when the changed files have no error finding', async () => {
    const io = makeIo(codexStop(), outside);
    expect(await runStopHook('codex', {}, io, async () => respond(0, 'harness-check: 0 errors, 1 warning'))).toBe(0);
    expect(io.out).toEqual([]);
    expect(io.err).toEqual([]);
  });

  it('lets a stop through unchecked when a stop hook already sent the agent back (the loop guard)', async () => {
    for (const [agent, stdin] of [['codex', codexStop({ stop_hook_active: true })], ['copilot', copilotStop({ stop_hook_active: true })], ['copilot', copilotStop({ stopHookActive: true })]] as const) {
      const io = makeIo(stdin, outside);
      const check = jest.fn(async () => respond(1, BLOCK));
      expect(await runStopHook(agent, {}, io, check)).toBe(0);
      expect(check).not.toHaveBeenCalled();
      expect(io.out).toEqual([]);
    }
  });

  it('checks nothing outside an Nx workspace, and falls back to its working folder without a cwd', async () => {
    const check = jest.fn(async () => respond(1, BLOCK));
    const io = makeIo(codexStop({ cwd: outside }), outside);
    await runStopHook('codex', {}, io, check);
    expect(check).not.toHaveBeenCalled();
    expect(io.out).toEqual([]);
    const roots: string[] = [];
    await runStopHook('copilot', {}, makeIo(copilotStop({ cwd: undefined }), path.join(workspace, 'apps')), async (request) => {
      roots.push(request.cwd);
      return respond(0);
    });
    expect(roots).toEqual([workspace]);
  });

  it('hands a broken configuration file back to the agent, with its line', async () => {
    const io = makeIo(codexStop(), outside);
    await runStopHook('codex', {}, io, async () => {
      throw new HarnessConfigError('harness.yaml', 2, 'unknown severity "sometimes" for rule "naming"', 'use error, warn or off');
    });
    const answer = JSON.parse(io.out.join(''));
    expect(answer.decision).toBe('block');
    expect(answer.reason.split('\n')[0]).toBe('harness: harness.yaml:2: unknown severity "sometimes" for rule "naming"; use error, warn or off');
  });

  it('prints nothing, with the problem on stderr, for input that is not a payload and for an internal error', async () => {
    const bad = makeIo('not json', outside);
    expect(await runStopHook('copilot', {}, bad, async () => respond(1, BLOCK))).toBe(0);
    expect(bad.out).toEqual([]);
    expect(bad.err[0]).toMatch(/^harness: --hook=copilot: standard input is not a hook payload \(JSON\); run it from a Copilot agentStop hook/);
    const failing = makeIo(codexStop(), outside);
    await runStopHook('codex', {}, failing, async () => {
      throw new Error('boom');
    });
    expect(failing.out).toEqual([]);
    expect(failing.err[0]).toMatch(/^harness: internal error: boom; /);
  });

  it('keeps stdout for its JSON while the check runs', async () => {
    const io = makeIo(codexStop(), outside);
    const written: string[] = [];
    const spy = jest.spyOn(process.stderr, 'write').mockImplementation((chunk) => written.push(String(chunk)) > 0);
    try {
      await runStopHook('codex', {}, io, async () => {
        process.stdout.write('NX   graph rebuilt\n');
        return respond(1, BLOCK);
      });
    } finally {
      spy.mockRestore();
    }
    expect(written).toEqual(['NX   graph rebuilt\n']);
    expect(JSON.parse(io.out.join('')).decision).toBe('block');
  });

  it("leaves Codex's PostToolUse (an apply_patch edit) to the file check, not the stop hook", async () => {
    const patch = `*** Begin Patch\n*** Update File: ${path.join(outside, 'x.ts')}\n@@\n-a\n+b\n*** End Patch`;
    const io = makeIo(JSON.stringify({ hook_event_name: 'PostToolUse', tool_name: 'apply_patch', cwd: workspace, tool_input: { command: patch } }), outside);
    // The edited file is outside any workspace: the file check has nothing to judge, while the
    // stop hook would have checked the (empty) workspace around cwd.
    expect(await runCli(['check', '--hook=codex'], io)).toBe(0);
    expect(io.out).toEqual([]);
    expect(io.err).toEqual([]);
  });

  it('is what harness check --hook=codex and --hook=copilot run', async () => {
    for (const hook of ['codex', 'copilot']) {
      const io = makeIo(codexStop({ cwd: outside }), outside);
      expect(await runCli(['check', `--hook=${hook}`], io)).toBe(0);
      expect(io.out).toEqual([]);
      expect(io.err).toEqual([]);
    }
  });
});

describe('readStopHookPayload', () => {
  it('reads cwd and the loop guard, and nothing else', () => {
    expect(readStopHookPayload('{"cwd":"/ws","stop_hook_active":true,"last_assistant_message":"x"}', 'codex')).toEqual({ cwd: '/ws', stopHookActive: true });
    expect(readStopHookPayload('{}', 'copilot')).toEqual({ cwd: undefined, stopHookActive: false });
    expect(readStopHookPayload('{"cwd":"","stop_hook_active":"yes"}', 'codex')).toEqual({ cwd: undefined, stopHookActive: false });
  });

  it('refuses input that is not JSON in one line naming the agent', () => {
    expect(() => readStopHookPayload('nope', 'codex')).toThrow('harness: --hook=codex: standard input is not a hook payload (JSON); run it from a Codex Stop hook, or pipe the hook JSON in');
  });
});
