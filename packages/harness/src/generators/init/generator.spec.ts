import { addProjectConfiguration, logger, readJson, type Tree } from '@nx/devkit';
import { createTreeWithEmptyWorkspace } from '@nx/devkit/testing';
import { initGenerator } from './generator';

describe('init generator', () => {
  let tree: Tree;
  beforeEach(() => {
    tree = createTreeWithEmptyWorkspace();
  });

  it('registers the plugin once and writes the root documents', async () => {
    await initGenerator(tree, {});
    await initGenerator(tree, {});
    const plugins = readJson(tree, 'nx.json').plugins as unknown[];
    expect(plugins.filter((p) => p === 'nx-harness' || p === 'harness')).toHaveLength(1);
    for (const file of ['harness.yaml', 'AGENTS.md', 'BRIEF.md', 'ARCHITECTURE.md', 'docs/design-docs/index.md', 'docs/exec-plans/active/.gitkeep', 'docs/exec-plans/completed/.gitkeep', 'docs/tech-debt-tracker.md']) {
      expect(tree.exists(file)).toBe(true);
    }
    expect(tree.read('harness.yaml', 'utf-8')).toMatch(/^# yaml-language-server: \$schema=node_modules\/.*harness\.schema\.json/);
    expect(tree.read('ARCHITECTURE.md', 'utf-8')).toContain('## Dependency rules');
  });

  it('changes nothing on a second run', async () => {
    await initGenerator(tree, {});
    const before = tree.listChanges().map((c) => [c.path, c.content?.toString()]);
    await initGenerator(tree, {});
    expect(tree.listChanges().map((c) => [c.path, c.content?.toString()])).toEqual(before);
  });

  it('keeps user text outside the markers and does not duplicate its block', async () => {
    tree.write('AGENTS.md', '# Our agents guide\n\nAlways run the linter.\n');
    await initGenerator(tree, {});
    tree.write('AGENTS.md', tree.read('AGENTS.md', 'utf-8') + '\nA line the user added at the end.\n');
    await initGenerator(tree, {});
    const text = tree.read('AGENTS.md', 'utf-8')!;
    expect(text.startsWith('# Our agents guide\n\nAlways run the linter.\n')).toBe(true);
    expect(text).toContain('A line the user added at the end.');
    expect(text.match(/<!-- harness:start -->/g)).toHaveLength(1);
  });

  it('wires the agents --agents names, and none with --skipAgents', async () => {
    await initGenerator(tree, { agents: ['cursor'] });
    expect(['.cursor/hooks.json', '.cursor/mcp.json', '.claude/settings.json', '.mcp.json', '.codex/config.toml'].map((f) => tree.exists(f))).toEqual([true, true, false, false, false]);
    const skipped = createTreeWithEmptyWorkspace();
    await initGenerator(skipped, { skipAgents: true, agents: ['cursor'] });
    expect(['.cursor', '.claude', '.codex'].some((dir) => skipped.children(dir).length > 0) || skipped.exists('.mcp.json')).toBe(false);
  });

  it('writes the Codex and Copilot stop hooks by default, and neither with --skipAgents', async () => {
    await initGenerator(tree, {});
    expect(['.codex/hooks.json', '.github/hooks/harness.json'].map((f) => tree.exists(f))).toEqual([true, true]);
    const skipped = createTreeWithEmptyWorkspace();
    await initGenerator(skipped, { skipAgents: true });
    expect(['.codex/hooks.json', '.github/hooks/harness.json'].map((f) => skipped.exists(f))).toEqual([false, false]);
  });

  it('never overwrites an existing harness.yaml', async () => {
    tree.write('harness.yaml', 'rules:\n  docs: warn\n');
    await initGenerator(tree, {});
    expect(tree.read('harness.yaml', 'utf-8')).toBe('rules:\n  docs: warn\n');
  });
});

describe('init generator with an ESLint config', () => {
  it('carries @nx/enforce-module-boundaries depConstraints into harness.yaml', async () => {
    const tree = createTreeWithEmptyWorkspace();
    tree.write(
      'eslint.config.mjs',
      [
        "import nx from '@nx/eslint-plugin';",
        'export default [',
        '  { rules: { "@nx/enforce-module-boundaries": ["error", { allow: [], depConstraints: [',
        '    { sourceTag: "scope:orders", onlyDependOnLibsWithTags: ["scope:orders", "scope:kernel"] },',
        '    { sourceTag: "type:feature", notDependOnLibsWithTags: ["type:app"] },',
        '  ] }] } },',
        '];',
      ].join('\n'),
    );
    await initGenerator(tree, {});
    const { readHarnessConfig } = await import('../../config/read-harness-config');
    const { RULES } = await import('../../rules');
    expect(readHarnessConfig(tree.read('harness.yaml', 'utf-8')!, RULES).constraints).toEqual([
      { sourceTag: 'scope:orders', onlyDependOnLibsWithTags: ['scope:orders', 'scope:kernel'] },
      { sourceTag: 'type:feature', notDependOnLibsWithTags: ['type:app'] },
    ]);
  });

  it('leaves projects without a lint target out of the dependency rules, and says so', async () => {
    const tree = createTreeWithEmptyWorkspace();
    tree.write('.eslintrc.json', JSON.stringify({ rules: { '@nx/enforce-module-boundaries': ['error', { depConstraints: [{ sourceTag: '*', onlyDependOnLibsWithTags: ['*'] }] }] } }));
    addProjectConfiguration(tree, 'demos', { root: 'apps/demos', targets: { build: { executor: 'nx:noop' } } });
    addProjectConfiguration(tree, 'ui', { root: 'libs/ui', targets: { lint: { executor: '@nx/eslint:lint' } } });
    const warn = jest.spyOn(logger, 'warn').mockImplementation(() => undefined);
    await initGenerator(tree, {});
    const { readHarnessConfig } = await import('../../config/read-harness-config');
    const { RULES } = await import('../../rules');
    readHarnessConfig(tree.read('harness.yaml', 'utf-8')!, RULES);
    expect(readIgnore(tree)).toContain('apps/demos');
    expect(readIgnore(tree)).not.toContain('libs/ui');
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/^harness: demos has no lint target, so ESLint's module-boundaries rule never judged its imports/));
    warn.mockRestore();
  });
});

/** The `dependencies.ignore` list as written in harness.yaml. */
function readIgnore(tree: Tree): string[] {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { parse } = require('yaml') as typeof import('yaml');
  return (parse(tree.read('harness.yaml', 'utf-8')!) as { dependencies?: { ignore?: string[] } }).dependencies?.ignore ?? [];
}

describe('init generator with prettier', () => {
  it('keeps prettier away from the generated documents, once', async () => {
    const tree = createTreeWithEmptyWorkspace();
    tree.write('.prettierrc', '{}');
    await initGenerator(tree, {});
    await initGenerator(tree, {});
    expect(tree.read('.prettierignore', 'utf-8')).toBe(
      '# harness writes these; prettier would reflow its tables and marker blocks\n/BRIEF.md\n/ARCHITECTURE.md\nAGENTS.md\n/docs/QUALITY_SCORE.md\n',
    );
  });
});
