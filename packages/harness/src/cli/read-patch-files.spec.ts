import { readPatchFiles } from './read-patch-files';

describe('readPatchFiles', () => {
  it("reads the added and updated files of Codex's patch format", () => {
    const patch = ['*** Begin Patch', '*** Add File: modules/a/src/new.ts', '+export const A = 1;', '*** Update File: modules/a/src/old.ts', '@@', '-x', '+y', '*** Delete File: modules/a/src/gone.ts', '*** End Patch'].join('\n');
    expect(readPatchFiles(patch)).toEqual(['modules/a/src/new.ts', 'modules/a/src/old.ts']);
  });

  it('reads the new path of a rename, not the old one', () => {
    const patch = '*** Begin Patch\n*** Update File: src/a.ts\n*** Move to: src/b.ts\n@@\n-x\n+y\n*** End Patch\n';
    expect(readPatchFiles(patch)).toEqual(['src/b.ts']);
  });

  it('reads a unified diff, without /dev/null and once per file', () => {
    const patch = ['--- a/src/x.ts', '+++ b/src/x.ts', '@@ -1 +1 @@', '-a', '+b', '--- a/src/gone.ts', '+++ /dev/null', '--- /dev/null', '+++ b/src/new.ts\t2026-01-01', '+++ b/src/x.ts'].join('\n');
    expect(readPatchFiles(patch)).toEqual(['src/x.ts', 'src/new.ts']);
  });

  it('reads nothing from text that is not a patch', () => {
    expect(readPatchFiles('ls -la')).toEqual([]);
  });
});
