import { joinPathFragments, readProjectConfiguration, updateProjectConfiguration, type Tree } from '@nx/devkit';
import type { NormalizedSchema } from './normalize-options';

const COVERAGE_SETTINGS = [
  "  // harness-check's coverage rule reads coverage-summary.json from here.",
  '  collectCoverage: true,',
  "  collectCoverageFrom: ['src/**/*.ts'],",
  "  coverageReporters: ['json-summary', 'text-summary'],",
].join('\n');

/**
 * Saves the generated jest config as jest.config.cjs. The generated .ts/.cts config is loaded
 * through ts-node, which fails under TypeScript 6 (deprecated node10 resolution, missing Node
 * types); the same object as plain CommonJS loads everywhere. Also turns on the json-summary
 * coverage report that the coverage rule reads.
 */
export function fixJestConfig(tree: Tree, options: NormalizedSchema): void {
  const dir = options.directory;
  const source = ['jest.config.cts', 'jest.config.ts', 'jest.config.js', 'jest.config.cjs']
    .map((f) => joinPathFragments(dir, f))
    .find((f) => tree.exists(f));
  if (!source) return;
  let text = tree.read(source, 'utf-8') ?? '';
  if (text.includes('collectCoverageFrom')) return;
  text = text
    .replace(/^\/\* eslint-disable \*\/\n/m, '')
    .replace(/^import type \{ Config \} from 'jest';\n/m, '')
    .replace(/^export default (?:\(\) => \()?/m, 'module.exports = ');
  // Append inside the exported object: after its last property, whatever its trailing comma.
  text = text.replace(/,?(\s*)\n\}\)?;?\s*$/, `,\n${COVERAGE_SETTINGS}\n};\n`);
  const target = joinPathFragments(dir, 'jest.config.cjs');
  if (source !== target) tree.delete(source);
  tree.write(target, text);
  pointTargetsAt(tree, options.name, source, target);
}

/** Targets written with an explicit jestConfig (project.json workspaces) must follow the rename. */
function pointTargetsAt(tree: Tree, project: string, from: string, to: string): void {
  let config;
  try {
    config = readProjectConfiguration(tree, project);
  } catch {
    return;
  }
  let changed = false;
  for (const target of Object.values(config.targets ?? {})) {
    if (target.options?.jestConfig === from) {
      target.options.jestConfig = to;
      changed = true;
    }
  }
  if (changed) updateProjectConfiguration(tree, project, config);
}
