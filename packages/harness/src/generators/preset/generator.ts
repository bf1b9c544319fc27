import { formatFiles, runTasksInSerial, type GeneratorCallback, type Tree } from '@nx/devkit';
import { initGenerator } from '../init/generator';
import { moduleGenerator } from '../module/generator';
import { alignNxPackages, DEFAULT_EFFECTS, type PresetEffects } from './lib/align-nx-packages';
import { moveHarnessToDevDependencies } from './lib/move-harness-to-dev-dependencies';
import { normalizeOptions } from './lib/normalize-options';
import { setUpTypescriptWorkspace } from './lib/set-up-typescript-workspace';
import type { PresetGeneratorSchema } from './schema';

/**
 * `npx create-nx-workspace <name> --preset=harness@<spec>`: a TypeScript workspace with harness
 * set up and a first module that passes its tests and harness-check.
 */
export async function presetGenerator(
  tree: Tree,
  schema: PresetGeneratorSchema,
  effects: PresetEffects = DEFAULT_EFFECTS,
): Promise<GeneratorCallback> {
  const options = normalizeOptions(tree, schema);
  alignNxPackages(tree, options.nxVersion, effects);
  moveHarnessToDevDependencies(tree);
  const typescriptTask = await setUpTypescriptWorkspace(tree, options);
  await initGenerator(tree, { skipFormat: true });
  const moduleTask = await moduleGenerator(tree, {
    name: options.module,
    description: options.moduleDescription,
    naming: options.naming,
    skipFormat: true,
  });
  // A new workspace holds no user text yet, so formatting the harness documents loses nothing.
  if (!options.skipFormat) await formatFiles(tree);
  return runTasksInSerial(typescriptTask, moduleTask);
}

export default presetGenerator;
