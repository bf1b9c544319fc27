import { createWorkspaceDraft } from './workspace-draft';

describe('createWorkspaceDraft', () => {
  const disk: Record<string, string> = { 'a.ts': 'a\n', 'b.ts': 'b\n', 'Case.ts': 'c\n' };
  const create = () => createWorkspaceDraft(Object.keys(disk), (file) => disk[file]);

  it('plans nothing until a file changes, and nothing for a write of the same text', () => {
    const draft = create();
    draft.writeText('a.ts', 'a\n');
    expect(draft.listOperations()).toEqual([]);
  });

  it('lists the moves first, then each write against the text it replaces on disk after the moves', () => {
    const draft = create();
    draft.writeText('a.ts', 'A\n');
    draft.moveFile('a.ts', 'a-moved.ts');
    draft.writeText('new.ts', 'n\n');
    expect(draft.listFiles().sort()).toEqual(['Case.ts', 'a-moved.ts', 'b.ts', 'new.ts']);
    expect(draft.readText('a.ts')).toBeUndefined();
    expect(draft.listOperations()).toEqual([
      { kind: 'move', from: 'a.ts', to: 'a-moved.ts' },
      { kind: 'write', file: 'a-moved.ts', text: 'A\n', before: 'a\n' },
      { kind: 'write', file: 'new.ts', text: 'n\n', before: undefined },
    ]);
  });

  it('bumps the version of each changed file and the revision of the whole draft', () => {
    const draft = create();
    const revision = draft.revisionOf();
    draft.writeText('b.ts', 'B\n');
    expect(draft.versionOf('b.ts')).not.toBe(draft.versionOf('a.ts'));
    expect(draft.revisionOf()).not.toBe(revision);
  });

  it('refuses to move onto an existing file, but allows a case-only rename', () => {
    const draft = createWorkspaceDraft(Object.keys(disk), (file) => disk[file] ?? (file.toLowerCase() === 'case.ts' ? disk['Case.ts'] : undefined));
    expect(() => draft.moveFile('a.ts', 'b.ts')).toThrow('moveFile: "b.ts" already exists; refusing to overwrite it.');
    draft.moveFile('Case.ts', 'case.ts');
    expect(draft.listOperations()).toEqual([{ kind: 'move', from: 'Case.ts', to: 'case.ts' }]);
  });
});
