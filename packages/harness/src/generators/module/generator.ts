import { runTasksInSerial, type GeneratorCallback, type Tree } from '@nx/devkit';
import { readWorkspaceGraph } from '../../docs/read-workspace-graph';
import { writeAgents, writeArchitecture, writeBrief, writeModuleAgents } from '../../docs/write-root-docs';
import { addWorkspaceGlob } from './lib/add-workspace-glob';
import { createLibrary } from './lib/create-library';
import { fixJestConfig } from './lib/fix-jest-config';
import { normalizeOptions } from './lib/normalize-options';
import { writeModuleFiles } from './lib/write-module-files';
import type { ModuleGeneratorSchema } from './schema';

/** `nx g harness:module <name>`: a module that passes its tests and harness-check from the start. */
export async function moduleGenerator(tree: Tree, schema: ModuleGeneratorSchema): Promise<GeneratorCallback> {
  const options = normalizeOptions(tree, schema);
  const installTask = await createLibrary(tree, options);
  addWorkspaceGlob(tree, options.directory);
  fixJestConfig(tree, options);
  writeModuleFiles(tree, options);
  // The same writers as `nx sync`, so `nx sync:check` passes right after generation.
  const graph = readWorkspaceGraph(tree);
  writeBrief(tree);
  if (tree.exists('ARCHITECTURE.md')) writeArchitecture(tree, graph);
  if (tree.exists('AGENTS.md')) writeAgents(tree, graph);
  writeModuleAgents(tree, graph);
  return runTasksInSerial(...(installTask ? [installTask] : []));
}

export default moduleGenerator;
