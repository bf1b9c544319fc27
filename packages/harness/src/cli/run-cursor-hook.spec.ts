import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { HarnessConfigError } from '../config/config-error';
import type { CheckRequest, CheckResponse } from '../check/run-check-request';
import type { CliIo } from './run-cli';
import { CURSOR_FOLLOWUP_INSTRUCTION, runCursorHook } from './run-cursor-hook';
import { runCli } from './run-cli';

const BLOCK = 'ERROR: Dependency constraint violation\nFile: modules/a/src/x.ts\nLine: 1\nFix: import from a scope:a project\n\nharness-check: 1 error, 0 warnings in 1 file (1 file checked in 1 project)\n';

function makeIo(stdin: string, cwd: string): CliIo & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { cwd, out, err, stdout: (t) => out.push(t), stderr: (t) => err.push(t), readStdin: async () => stdin };
}

function respond(exitCode: number, output = ''): CheckResponse {
  return { workspaceRoot: '', findings: [], fixNotes: [], exitCode, output };
}

describe('runCursorHook', () => {
  let workspace: string;
  let outside: string;
  beforeEach(() => {
    workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'harness-cursor-ws-'));
    fs.writeFileSync(path.join(workspace, 'nx.json'), '{}');
    fs.mkdirSync(path.join(workspace, 'apps'));
    outside = fs.mkdtempSync(path.join(os.tmpdir(), 'harness-cursor-none-'));
  });
  afterEach(() => {
    fs.rmSync(workspace, { recursive: true, force: true });
    fs.rmSync(outside, { recursive: true, force: true });
  });

  const stop = (extra: Record<string, unknown> = {}) =>
    JSON.stringify({ hook_event_name: 'stop', conversation_id: 'c', status: 'completed', loop_count: 0, workspace_roots: [workspace], ...extra });

  it('checks the changed files of the workspace and hands the blocks back as a followup message', async () => {
    const requests: CheckRequest[] = [];
    const io = makeIo(stop(), outside);
    const code = await runCursorHook({ rules: 'dependency-constraints' }, io, async (request) => {
      requests.push(request);
      return respond(1, BLOCK);
    });
    expect(code).toBe(0);
    expect(requests).toEqual([{ paths: [], cwd: workspace, options: { rules: 'dependency-constraints' } }]);
    expect(JSON.parse(io.out.join(''))).toEqual({ followup_message: `${BLOCK.trimEnd()}\n\n${CURSOR_FOLLOWUP_INSTRUCTION}` });
    expect(io.err).toEqual([]);
  });

  it('prints {} when the changed files have no error finding', async () => {
    const io = makeIo(stop(), outside);
    expect(await runCursorHook({}, io, async () => respond(0, 'harness-check: 0 errors, 1 warning'))).toBe(0);
    expect(io.out).toEqual(['{}']);
  });

  it('leaves an aborted or failed agent alone', async () => {
    for (const status of ['aborted', 'error']) {
      const io = makeIo(stop({ status }), outside);
      const check = jest.fn(async () => respond(1, BLOCK));
      expect(await runCursorHook({}, io, check)).toBe(0);
      expect(check).not.toHaveBeenCalled();
      expect(io.out).toEqual(['{}']);
    }
  });

  it('checks each Nx workspace once, skips roots outside any, and falls back to the working folder', async () => {
    const roots: string[] = [];
    const check = async (request: CheckRequest) => {
      roots.push(request.cwd);
      return respond(0);
    };
    await runCursorHook({}, makeIo(stop({ workspace_roots: [workspace, path.join(workspace, 'apps'), outside] }), outside), check);
    expect(roots).toEqual([workspace]);
    await runCursorHook({}, makeIo(stop({ workspace_roots: undefined }), path.join(workspace, 'apps')), check);
    expect(roots).toEqual([workspace, workspace]);
  });

  it('hands a broken configuration file back to the agent, with its line', async () => {
    const io = makeIo(stop(), outside);
    await runCursorHook({}, io, async () => {
      throw new HarnessConfigError('harness.yaml', 2, 'unknown severity "sometimes" for rule "naming"', 'use error, warn or off');
    });
    const message = JSON.parse(io.out.join('')).followup_message as string;
    expect(message.split('\n')[0]).toBe('harness: harness.yaml:2: unknown severity "sometimes" for rule "naming"; use error, warn or off');
  });

  it('answers {} with the problem on stderr for input that is not a payload, and for an internal error', async () => {
    const bad = makeIo('not json', outside);
    expect(await runCursorHook({}, bad, async () => respond(1, BLOCK))).toBe(0);
    expect(bad.out).toEqual(['{}']);
    expect(bad.err[0]).toMatch(/^harness: --hook=cursor: standard input is not a hook payload \(JSON\)/);
    const failing = makeIo(stop(), outside);
    await runCursorHook({}, failing, async () => {
      throw new Error('boom');
    });
    expect(failing.out).toEqual(['{}']);
    expect(failing.err[0]).toMatch(/^harness: internal error: boom; /);
  });

  it('keeps stdout for its JSON while the check runs', async () => {
    const io = makeIo(stop(), outside);
    const written: string[] = [];
    const spy = jest.spyOn(process.stderr, 'write').mockImplementation((chunk) => written.push(String(chunk)) > 0);
    try {
      await runCursorHook({}, io, async () => {
        process.stdout.write('NX   graph rebuilt\n');
        return respond(0);
      });
    } finally {
      spy.mockRestore();
    }
    expect(written).toEqual(['NX   graph rebuilt\n']);
    expect(io.out).toEqual(['{}']);
  });

  it('is what harness check --hook=cursor runs', async () => {
    const io = makeIo(stop({ workspace_roots: [outside] }), outside);
    expect(await runCli(['check', '--hook=cursor'], io)).toBe(0);
    expect(io.out).toEqual(['{}']);
  });
});
