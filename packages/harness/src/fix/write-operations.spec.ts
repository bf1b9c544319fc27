import * as fs from 'node:fs';
import * as path from 'node:path';
import { NODE_FILE_SYSTEM } from './node-file-system';
import type { FixFileSystem } from './types';
import type { FileOperation } from './workspace-draft';
import { writeOperations } from './write-operations';
import { createTempFolder } from '../testing/temp-folders';

/** A workspace folder inside a parent folder, so a test can see whether anything escaped. */
function createWorkspace(files: Record<string, string | Buffer>): { root: string; outside: string } {
  const outside = createTempFolder('harness-write-');
  const root = path.join(outside, 'ws');
  for (const [file, data] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), data);
  }
  return { root, outside };
}

/** Every file, folder and link under a directory, with file bytes, so a restore can be compared exactly. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (rel: string) => {
    for (const entry of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const child = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isSymbolicLink()) out[child] = `-> ${fs.readlinkSync(path.join(dir, child))}`;
      else if (entry.isDirectory()) {
        out[`${child}/`] = '';
        walk(child);
      } else out[child] = fs.readFileSync(path.join(dir, child)).toString('base64');
    }
  };
  walk('');
  return out;
}

/** Node's fs, with writes to one file failing. */
function failingOn(suffix: string): FixFileSystem {
  return {
    ...NODE_FILE_SYSTEM,
    writeFile: (file, data) => {
      if (file.endsWith(suffix)) throw new Error('EACCES: permission denied');
      NODE_FILE_SYSTEM.writeFile(file, data);
    },
  };
}

describe('writeOperations', () => {
  const latin1 = Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a]);

  it('moves, writes and creates folders, returning undefined', () => {
    const { root } = createWorkspace({ 'a/oldName.ts': 'x\n', 'a/b.ts': 'b\n' });
    const operations: FileOperation[] = [
      { kind: 'move', from: 'a/oldName.ts', to: 'a/old-name.ts' },
      { kind: 'write', file: 'a/old-name.ts', text: 'y\n', before: 'x\n' },
      { kind: 'write', file: 'new/deep/c.ts', text: 'c\n', before: undefined },
    ];
    expect(writeOperations(root, operations, NODE_FILE_SYSTEM)).toBeUndefined();
    expect(snapshot(root)).toEqual(
      snapshot(createWorkspace({ 'a/old-name.ts': 'y\n', 'a/b.ts': 'b\n', 'new/deep/c.ts': 'c\n' }).root),
    );
  });

  it('undoes a move, a write, created folders and files byte for byte when a later write fails', () => {
    const { root } = createWorkspace({ 'a/oldName.ts': 'x\n', 'a/latin1.ts': latin1, 'z.ts': 'z\n' });
    const before = snapshot(root);
    const operations: FileOperation[] = [
      { kind: 'move', from: 'a/oldName.ts', to: 'a/old-name.ts' },
      { kind: 'write', file: 'a/latin1.ts', text: 'rewritten\n', before: latin1.toString('utf8') },
      { kind: 'write', file: 'new/deep/c.ts', text: 'c\n', before: undefined },
      { kind: 'write', file: 'z.ts', text: 'zz\n', before: 'z\n' },
    ];
    expect(writeOperations(root, operations, failingOn('z.ts'))).toBe(
      'harness-check --fix: could not write "z.ts" (EACCES: permission denied); every file was left as it was',
    );
    expect(snapshot(root)).toEqual(before);
  });

  it('refuses a path outside the workspace, also through a symlink, before writing anything', () => {
    const { root, outside } = createWorkspace({ 'a.ts': 'a\n' });
    fs.symlinkSync(outside, path.join(root, 'link'));
    const before = snapshot(outside);
    for (const file of ['../escape.ts', 'link/escape.ts']) {
      const operations: FileOperation[] = [
        { kind: 'write', file: 'a.ts', text: 'changed\n', before: 'a\n' },
        { kind: 'write', file, text: 'x', before: undefined },
      ];
      expect(writeOperations(root, operations, NODE_FILE_SYSTEM)).toBe(
        `harness-check --fix: could not write "${file}" (the path leads outside the workspace); every file was left as it was`,
      );
    }
    expect(snapshot(outside)).toEqual(before);
  });

  it('refuses to overwrite a file that changed on disk since the fix was planned', () => {
    const { root } = createWorkspace({ 'a.ts': 'edited meanwhile\n' });
    const result = writeOperations(root, [{ kind: 'write', file: 'a.ts', text: 'fixed\n', before: 'planned on this\n' }], NODE_FILE_SYSTEM);
    expect(result).toBe('harness-check --fix: could not write "a.ts" (it changed on disk while the fix was planned); every file was left as it was');
    expect(fs.readFileSync(path.join(root, 'a.ts'), 'utf8')).toBe('edited meanwhile\n');
  });

  it('refuses to move a file onto one that exists', () => {
    const { root } = createWorkspace({ 'aB.ts': 'a\n', 'a-b.ts': 'other\n' });
    expect(writeOperations(root, [{ kind: 'move', from: 'aB.ts', to: 'a-b.ts' }], NODE_FILE_SYSTEM)).toBe(
      'harness-check --fix: could not write "a-b.ts" (a file of that name already exists); every file was left as it was',
    );
    expect(fs.readFileSync(path.join(root, 'a-b.ts'), 'utf8')).toBe('other\n');
  });

  it('names the files it could not restore', () => {
    const { root } = createWorkspace({ 'a.ts': 'a\n' });
    const fileSystem: FixFileSystem = { ...failingOn('b.ts'), removeFile: () => { throw new Error('EBUSY'); } };
    const operations: FileOperation[] = [
      { kind: 'write', file: 'new.ts', text: 'n\n', before: undefined },
      { kind: 'write', file: 'b.ts', text: 'b\n', before: undefined },
    ];
    expect(writeOperations(root, operations, fileSystem)).toBe(
      'harness-check --fix: could not write "b.ts" (EACCES: permission denied); could not restore "new.ts": restore them from version control',
    );
  });
});
