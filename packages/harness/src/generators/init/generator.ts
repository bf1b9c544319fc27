import { logger, type Tree } from '@nx/devkit';
import { HARNESS_CONFIG_FILE } from '../../config/read-harness-config';
import { resolvePluginName } from '../../plugin/resolve-plugin-name';
import { findUnlintedProjects } from './lib/find-unlinted-projects';
import { readEslintConstraints, type ImportedConstraints } from './lib/import-eslint-constraints';
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
  if (imported && imported.constraints.length > 0) leaveOutUnlintedProjects(tree, imported);
  for (const note of imported?.notes ?? []) logger.warn(`harness: ${note}`);
  writeHarnessConfig(tree, options.schemaPath, imported);
  writeAgents(tree);
  writeClaude(tree);
  writeBrief(tree);
  writeArchitecture(tree);
  writeDocsSkeleton(tree);
  ignoreGeneratedDocs(tree, detectFormatter(tree));
  if (!options.skipAgents) await agentsGenerator(tree, { agents: options.agents });
  // No formatFiles: prettier would reformat user text outside the markers of the markdown files.
}

/**
 * The module-boundaries rule never judged a project that has no lint target, so its imports are
 * left out of the dependency rules, as ESLint's own ignores are, and init says which and how to
 * judge them after all.
 */
function leaveOutUnlintedProjects(tree: Tree, imported: ImportedConstraints): void {
  const unlinted = findUnlintedProjects(tree);
  if (unlinted.length === 0) return;
  imported.ignore.push(...unlinted.map((p) => p.root));
  imported.notes.push(
    `${unlinted.map((p) => p.name).join(', ')} ${unlinted.length === 1 ? 'has' : 'have'} no lint target, so ESLint's module-boundaries rule never judged ${unlinted.length === 1 ? 'its' : 'their'} imports; ` +
      `harness.yaml leaves ${unlinted.length === 1 ? 'it' : 'them'} out of the dependency rules too (dependencies.ignore): delete ${unlinted.length === 1 ? 'that line' : 'those lines'} to judge ${unlinted.length === 1 ? 'it' : 'them'}`,
  );
}

export default initGenerator;
