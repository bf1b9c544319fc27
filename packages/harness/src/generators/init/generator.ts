import type { Tree } from '@nx/devkit';
import { resolvePluginName } from '../../plugin/create-nodes';
import { registerPlugin } from './lib/register-plugin';
import { resolveSchemaPath, writeHarnessConfig } from './lib/write-harness-config';
import { writeAgents, writeArchitecture, writeBrief } from '../../docs/write-root-docs';
import { writeDocsSkeleton } from './lib/write-docs-skeleton';
import type { InitGeneratorSchema } from './schema';

interface NormalizedSchema extends InitGeneratorSchema {
  pluginName: string;
  schemaPath: string;
}

function normalizeOptions(tree: Tree, schema: InitGeneratorSchema): NormalizedSchema {
  const pluginName = resolvePluginName(tree.root);
  return { ...schema, pluginName, schemaPath: resolveSchemaPath(tree.root, pluginName) };
}

/** `nx g harness:init`: idempotent, and it never touches text outside the harness markers. */
export async function initGenerator(tree: Tree, schema: InitGeneratorSchema): Promise<void> {
  const options = normalizeOptions(tree, schema);
  registerPlugin(tree, options.pluginName);
  writeHarnessConfig(tree, options.schemaPath);
  writeAgents(tree);
  writeBrief(tree);
  writeArchitecture(tree);
  writeDocsSkeleton(tree);
  // No formatFiles: prettier would reformat user text outside the markers of the markdown files.
}

export default initGenerator;
