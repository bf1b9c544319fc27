import { Readable } from 'node:stream';
import { readCursorStopPayload, readHookFile, readStandardInput } from './read-hook-payload';

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
