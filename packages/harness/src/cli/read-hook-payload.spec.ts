import { Readable } from 'node:stream';
import { readCursorStopPayload, readHookEventName, readHookFile, readHookFiles, readStandardInput } from './read-hook-payload';

describe('readHookFile', () => {
  it('reads the edited file of Write, Edit and MultiEdit payloads, resolved against the payload cwd', () => {
    const payload = { hook_event_name: 'PostToolUse', tool_name: 'Edit', cwd: '/ws', tool_input: { file_path: 'modules/a/src/x.ts' } };
    expect(readHookFile(JSON.stringify(payload))).toEqual({ file: '/ws/modules/a/src/x.ts', cwd: '/ws' });
    expect(readHookFile(JSON.stringify({ ...payload, tool_input: { file_path: '/abs/y.ts' } })).file).toBe('/abs/y.ts');
  });

  it('reads notebook edits', () => {
    expect(readHookFile(JSON.stringify({ cwd: '/ws', tool_input: { notebook_path: 'n.ipynb' } })).file).toBe('/ws/n.ipynb');
  });

  it('returns no file for a tool call that touched none', () => {
    expect(readHookFile(JSON.stringify({ cwd: '/ws', tool_name: 'Bash', tool_input: { command: 'ls' } }))).toEqual({ cwd: '/ws' });
  });

  it('refuses input that is not JSON in one line', () => {
    expect(() => readHookFile('not json')).toThrow('harness: --hook=claude: standard input is not a hook payload (JSON); run it from a Claude Code hook');
  });

  it('reads the whole stream', async () => {
    await expect(readStandardInput(Readable.from([Buffer.from('{"a"'), Buffer.from(':1}')]))).resolves.toBe('{"a":1}');
  });
});

describe('readCursorStopPayload', () => {
  it('reads the workspace roots and the status of a stop payload', () => {
    const payload = { conversation_id: 'c', hook_event_name: 'stop', status: 'completed', loop_count: 0, workspace_roots: ['/ws', '/other'] };
    expect(readCursorStopPayload(JSON.stringify(payload))).toEqual({ workspaceRoots: ['/ws', '/other'], status: 'completed' });
  });

  it('reads a payload without roots or status as empty', () => {
    expect(readCursorStopPayload(JSON.stringify({ hook_event_name: 'stop', workspace_roots: [3, ''] }))).toEqual({ workspaceRoots: [], status: undefined });
  });

  it('refuses input that is not JSON in one line', () => {
    expect(() => readCursorStopPayload('{')).toThrow('harness: --hook=cursor: standard input is not a hook payload (JSON); run it from a Cursor stop hook, or pipe the hook JSON in');
  });
});

describe('readHookFiles', () => {
  it("reads every file of a Codex apply_patch call from its patch text, resolved against cwd", () => {
    const patch = '*** Begin Patch\n*** Update File: modules/a/src/x.ts\n@@\n-a\n+b\n*** Add File: /abs/new.ts\n+c\n*** End Patch';
    const payload = { hook_event_name: 'PostToolUse', tool_name: 'apply_patch', cwd: '/ws', tool_input: { command: patch } };
    expect(readHookFiles(JSON.stringify(payload), 'codex')).toEqual({ files: ['/ws/modules/a/src/x.ts', '/abs/new.ts'], cwd: '/ws' });
  });

  it('reads no patch from another tool, such as a shell command that mentions one', () => {
    const payload = { tool_name: 'Bash', cwd: '/ws', tool_input: { command: 'cat <<EOF\n*** Update File: x.ts\nEOF' } };
    expect(readHookFiles(JSON.stringify(payload))).toEqual({ files: [], cwd: '/ws' });
  });

  it('names the agent when the input is not JSON', () => {
    expect(() => readHookFiles('nope', 'codex')).toThrow('harness: --hook=codex: standard input is not a hook payload (JSON); run it from a Codex hook');
  });
});

describe('readHookEventName', () => {
  it('reads hook_event_name, and nothing from what is not a payload', () => {
    expect(readHookEventName('{"hook_event_name":"PostToolUse"}')).toBe('PostToolUse');
    expect(readHookEventName('{}')).toBeUndefined();
    expect(readHookEventName('null')).toBeUndefined();
    expect(readHookEventName('nope')).toBeUndefined();
  });
});
