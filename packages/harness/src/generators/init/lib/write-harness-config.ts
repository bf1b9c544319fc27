import * as path from 'node:path';
import type { Tree } from '@nx/devkit';
import { HARNESS_CONFIG_FILE } from '../../../config/read-harness-config';
import { locatePlugin } from '../../../plugin/resolve-plugin-name';
import { renderConstraintsYaml, type ImportedConstraints } from './import-eslint-constraints';
import { renderDependencyOptionsYaml } from './render-dependencies-yaml';

/** Writes a starter harness.yaml that points editors at the schema shipped in the package. */
export function writeHarnessConfig(tree: Tree, schemaPath: string, imported?: ImportedConstraints): void {
  if (tree.exists(HARNESS_CONFIG_FILE)) return;
  tree.write(
    HARNESS_CONFIG_FILE,
    [
      `# yaml-language-server: $schema=${schemaPath}`,
      '# Workspace rules for `nx run-many -t harness-check`. ARCHITECTURE.md is generated from this file.',
      '# Module CONVENTIONS.md front matter overrides `conventions` and `rules` per module.',
      'dependencies:',
      '  # Same fields and meaning as @nx/enforce-module-boundaries depConstraints.',
      ...(imported?.constraints.length
        ? [`  # Imported from ${imported.file} (@nx/enforce-module-boundaries depConstraints).`, renderConstraintsYaml(imported.constraints, 2).trimEnd()]
        : ['  constraints: []']),
      ...renderImportedOptions(imported),
      'rules:',
      '  docs: error',
      'conventions:',
      '  naming: { functions: camelCase, classes: PascalCase, variables: camelCase, constants: UPPER_CASE, types: PascalCase, files: kebab-case }',
      '  coverage: { lines: 80, branches: 70, functions: 80, statements: 80 }',
      '  tests: { required: true }',
      '',
    ].join('\n'),
  );
}

/**
 * The schema's path relative to the workspace root, through the folder Node's lookup reaches
 * (`../node_modules/harness/…` when hoisted into a parent); `node_modules/<name>/…` when not installed.
 */
export function resolveSchemaPath(workspaceRoot: string, pluginName: string, ownDir?: string): string {
  const pluginDir = locatePlugin(workspaceRoot, ownDir)?.dir ?? path.join(workspaceRoot, 'node_modules', pluginName);
  const installed = path.relative(workspaceRoot, path.join(pluginDir, 'schemas', 'harness.schema.json'));
  return installed.split(path.sep).join('/');
}

/** The rule's other options and ESLint's ignores, with a comment saying where they came from. */
function renderImportedOptions(imported: ImportedConstraints | undefined): string[] {
  if (!imported) return [];
  const lines: string[] = [];
  const options = renderDependencyOptionsYaml(imported.options, 2).trimEnd();
  if (options) lines.push(`  # The other @nx/enforce-module-boundaries options in ${imported.file}, same names and meaning.`, options);
  if (imported.ignore.length > 0) {
    lines.push('  # Files the workspace\'s ESLint never lints (its ignores); the dependency rules skip them too.', renderDependencyOptionsYaml({ ignore: imported.ignore }, 2).trimEnd());
  }
  return lines;
}
