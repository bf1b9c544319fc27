import { addProjectConfiguration, type Tree } from '@nx/devkit';
import { createTreeWithEmptyWorkspace } from '@nx/devkit/testing';
import { initGenerator } from '../init/generator';
import { syncGenerator } from './generator';


describe('sync generator', () => {
  let tree: Tree;
  beforeEach(async () => {
    tree = createTreeWithEmptyWorkspace();
    await initGenerator(tree, {});
    await syncGenerator(tree);
  });

  it('reports nothing when the map is current', async () => {
    const before = tree.read('BRIEF.md', 'utf-8');
    await syncGenerator(tree);
    expect(tree.read('BRIEF.md', 'utf-8')).toBe(before);
  });

  it('adds a project created by hand to the module map and says which file was stale', async () => {
    addProjectConfiguration(tree, 'ledger', { root: 'modules/ledger', tags: ['scope:ledger'] });
    tree.write('modules/ledger/README.md', '# ledger\n\n## Purpose\n\nKeeps the books. More text.\n');
    const result = await syncGenerator(tree);
    expect(result.outOfSyncMessage).toContain('BRIEF.md');
    expect(result.outOfSyncDetails).toEqual(expect.arrayContaining([expect.stringContaining('BRIEF.md: the module map')]));
    expect(tree.read('BRIEF.md', 'utf-8')).toContain('| `ledger` | [modules/ledger](modules/ledger/README.md) | `scope:ledger` | Keeps the books. |');
  });

  it('links the folder of a hand-added module without a README, never a missing file', async () => {
    addProjectConfiguration(tree, 'ledger', { root: 'modules/ledger', tags: ['scope:ledger'] });
    tree.write('modules/ledger/src/index.ts', 'export const x = 1;\n');
    tree.write('modules/ledger/AGENTS.md', '# ledger\n\n<!-- harness:start -->\n<!-- harness:end -->\n');
    await syncGenerator(tree);
    const brief = tree.read('BRIEF.md', 'utf-8')!;
    expect(brief).toContain('| `ledger` | [modules/ledger](modules/ledger) | `scope:ledger` |  |');
    expect(brief).not.toContain('modules/ledger/README.md');
    const agents = tree.read('modules/ledger/AGENTS.md', 'utf-8')!;
    expect(agents).not.toContain('README.md');
    expect(agents).not.toContain('CONVENTIONS.md');
    // Once the module has its README, the row links it.
    tree.write('modules/ledger/README.md', '# ledger\n\n## Purpose\n\nKeeps the books.\n');
    await syncGenerator(tree);
    expect(tree.read('BRIEF.md', 'utf-8')).toContain('| `ledger` | [modules/ledger](modules/ledger/README.md) | `scope:ledger` | Keeps the books. |');
    expect(tree.read('modules/ledger/AGENTS.md', 'utf-8')).toContain('- Read [README.md](README.md) for its purpose and public API.');
  });

  it('regenerates the rules section when harness.yaml changes, keeping user text', async () => {
    tree.write('ARCHITECTURE.md', 'My own preface.\n\n' + tree.read('ARCHITECTURE.md', 'utf-8'));
    tree.write('harness.yaml', 'dependencies:\n  constraints:\n    - sourceTag: "scope:a"\n      onlyDependOnLibsWithTags: ["scope:b"]\n');
    await syncGenerator(tree);
    const text = tree.read('ARCHITECTURE.md', 'utf-8')!;
    expect(text.startsWith('My own preface.\n')).toBe(true);
    expect(text).toContain('- `scope:a` may depend only on `scope:b`');
  });
});
