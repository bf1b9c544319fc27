import { runTasksInSerial, type GeneratorCallback, type Tree } from '@nx/devkit';
import { initGenerator } from '../init/generator';
import { moduleGenerator } from '../module/generator';
import { alignNxPackages, DEFAULT_EFFECTS, type PresetEffects } from './lib/align-nx-packages';
import { ignoreGeneratedDocs } from '../../docs/ignore-generated-docs';
import { moveHarnessToDevDependencies } from './lib/move-harness-to-dev-dependencies';
import { normalizeOptions } from './lib/normalize-options';
import { removeLayoutPlaceholders } from './lib/remove-layout-placeholders';
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
  removeLayoutPlaceholders(tree);
  const typescriptTask = await setUpTypescriptWorkspace(tree, options);
  await initGenerator(tree, {});
  const moduleTask = await moduleGenerator(tree, {
    name: options.module,
    description: options.moduleDescription,
    naming: options.naming,
  });
  ignoreGeneratedDocs(tree, options.formatter);
  // No formatFiles, as in harness:init: it would pad the markdown tables that nx sync:check compares.
  // create-nx-workspace runs `nx format --all` afterwards, which honours .prettierignore.
  return runTasksInSerial(typescriptTask, moduleTask);
}

export default presetGenerator;
