import { runTasksInSerial, updateJson, type GeneratorCallback, type Tree } from '@nx/devkit';
import type { NormalizedSchema } from './normalize-options';

const PACKAGES_GLOB = 'packages/*';

/**
 * What `--preset=ts` gives a workspace, for a custom preset that starts from an empty one:
 * npm workspaces over packages/*, @nx/js declared (Nx analyses imports only when it is), and a
 * TypeScript-solution tsconfig.base.json / tsconfig.json with the @nx/js/typescript plugin.
 */
export async function setUpTypescriptWorkspace(tree: Tree, options: NormalizedSchema): Promise<GeneratorCallback> {
  addPackagesGlob(tree);
  const { initGenerator: initJsGenerator } = await import('@nx/js');
  const jsTask = await initJsGenerator(tree, {
    addTsPlugin: true,
    formatter: options.formatter,
    skipFormat: true,
  } as Parameters<typeof initJsGenerator>[1]);
  return runTasksInSerial(jsTask);
}

/** npm workspaces must list packages/*, as --preset=ts writes it; modules/* is added by harness:module. */
function addPackagesGlob(tree: Tree): void {
  if (!tree.exists('package.json')) return;
  updateJson(tree, 'package.json', (json) => {
    const globs: unknown = Array.isArray(json.workspaces) ? json.workspaces : json.workspaces?.packages;
    if (Array.isArray(globs)) {
      if (!globs.includes(PACKAGES_GLOB)) globs.unshift(PACKAGES_GLOB);
    } else {
      json.workspaces = [PACKAGES_GLOB];
    }
    return json;
  });
  if (!tree.exists('packages') || tree.children('packages').length === 0) tree.write('packages/.gitkeep', '');
}
