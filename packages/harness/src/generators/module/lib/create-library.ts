import { getProjects, type GeneratorCallback, type Tree } from '@nx/devkit';
import type { NormalizedSchema } from './normalize-options';

/**
 * Builds the project with @nx/js's own library generator, which already knows both TS-solution
 * (npm workspaces) and tsconfig-paths workspaces. With --force over an existing project, the
 * project is kept and only harness's files are rewritten.
 */
export async function createLibrary(tree: Tree, options: NormalizedSchema): Promise<GeneratorCallback | undefined> {
  if (getProjects(tree).has(options.name)) return undefined;
  const { libraryGenerator } = await import('@nx/js');
  return libraryGenerator(tree, {
    directory: options.directory,
    name: options.name,
    importPath: options.importPath,
    tags: options.tagList.join(','),
    bundler: 'none',
    linter: 'none',
    unitTestRunner: 'jest',
    testEnvironment: 'node',
    useProjectJson: true,
    strict: true,
    // Formatting would run prettier over BRIEF.md too, touching user text outside the markers.
    skipFormat: true,
  } as Parameters<typeof libraryGenerator>[1]);
}
