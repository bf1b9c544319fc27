import { logger, type Tree } from '@nx/devkit';
import { HARNESS_CONFIG_FILE } from '../../config/read-harness-config';
import { resolvePluginName } from '../../plugin/resolve-plugin-name';
import { readEslintConstraints } from './lib/import-eslint-constraints';
import { registerPlugin } from './lib/register-plugin';
import { resolveSchemaPath, writeHarnessConfig } from './lib/write-harness-config';
import { detectFormatter, ignoreGeneratedDocs } from '../../docs/ignore-generated-docs';
import { writeAgents, writeArchitecture, writeBrief, writeClaude } from '../../docs/write-root-docs';
import { writeDocsSkeleton } from './lib/write-docs-skeleton';
import { agentsGenerator } from '../agents/generator';
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
  // An existing @nx/enforce-module-boundaries setup carries over, read as data, never run.
  const imported = tree.exists(HARNESS_CONFIG_FILE) ? undefined : readEslintConstraints(tree);
  for (const note of imported?.notes ?? []) logger.warn(`harness: ${note}`);
  writeHarnessConfig(tree, options.schemaPath, imported);
  writeAgents(tree);
  writeClaude(tree);
  writeBrief(tree);
  writeArchitecture(tree);
  writeDocsSkeleton(tree);
  ignoreGeneratedDocs(tree, detectFormatter(tree));
  if (!options.skipAgents) await agentsGenerator(tree);
  // No formatFiles: prettier would reformat user text outside the markers of the markdown files.
}

export default initGenerator;
