import { addProjectConfiguration, updateNxJson, readNxJson, type Tree } from '@nx/devkit';
import { createTreeWithEmptyWorkspace } from '@nx/devkit/testing';
import { findUnlintedProjects } from './find-unlinted-projects';

describe('findUnlintedProjects', () => {
  let tree: Tree;
  beforeEach(() => {
    tree = createTreeWithEmptyWorkspace();
    addProjectConfiguration(tree, 'declared', { root: 'libs/declared', targets: { lint: { executor: '@nx/eslint:lint' } } });
    addProjectConfiguration(tree, 'angular', { root: 'libs/angular', targets: { check: { executor: '@angular-eslint/builder:lint' } } });
    addProjectConfiguration(tree, 'demos', { root: 'apps/demos', projectType: 'application', targets: { build: { executor: 'nx:noop' } } });
    addProjectConfiguration(tree, 'inferred', { root: 'libs/inferred' });
    tree.write('libs/inferred/eslint.config.mjs', 'export default [];');
    addProjectConfiguration(tree, 'scripted', { root: 'packages/scripted' });
    tree.write('packages/scripted/package.json', JSON.stringify({ name: 'scripted', scripts: { lint: 'eslint src' } }));
  });

  it('names the projects with no lint target of any kind', () => {
    expect(findUnlintedProjects(tree)).toEqual([
      { name: 'demos', root: 'apps/demos' },
      { name: 'inferred', root: 'libs/inferred' },
    ]);
  });

  it('names none when the repository lints everything from a root script, or no project lints through Nx', () => {
    tree.write('package.json', JSON.stringify({ name: 'root', scripts: { lint: 'eslint .' } }));
    expect(findUnlintedProjects(tree)).toEqual([]);
    const bare = createTreeWithEmptyWorkspace();
    addProjectConfiguration(bare, 'demos', { root: 'apps/demos', targets: { build: { executor: 'nx:noop' } } });
    expect(findUnlintedProjects(bare)).toEqual([]);
  });

  it('counts a lint target that @nx/eslint/plugin infers from the project ESLint config', () => {
    updateNxJson(tree, { ...readNxJson(tree), plugins: [{ plugin: '@nx/eslint/plugin', options: {} }] });
    expect(findUnlintedProjects(tree).map((p) => p.name)).toEqual(['demos']);
  });
});
