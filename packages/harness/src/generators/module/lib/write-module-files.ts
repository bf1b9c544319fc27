import * as path from 'node:path';
import { generateFiles, joinPathFragments, updateJson, type Tree } from '@nx/devkit';
import { renderModuleAgents } from '../../../docs/render-agents';
import { fenceMermaid, renderLayersDiagram } from '../../../docs/render-mermaid';
import type { NormalizedSchema } from './normalize-options';

/** The layer order the generated CONVENTIONS.md declares. */
const LAYERS = ['types', 'config', 'repo', 'service', 'runtime', 'ui'];

/** `describe_billing` / `describeBilling` for module `billing`, in the chosen style. */
function styleWords(words: string[], style: 'camelCase' | 'snake_case' | 'UPPER_CASE'): string {
  if (style === 'snake_case') return words.join('_');
  if (style === 'UPPER_CASE') return words.join('_').toUpperCase();
  return words.map((w, i) => (i === 0 ? w : w[0].toUpperCase() + w.slice(1))).join('');
}

/**
 * Writes README, CONVENTIONS, the entry point, one source file and its test, replacing the
 * library generator's sample files. Template values are data: EJS never evaluates them.
 */
export function writeModuleFiles(tree: Tree, options: NormalizedSchema): void {
  const dir = options.directory;
  const generatedIndex = tree.read(joinPathFragments(dir, 'src/index.ts'), 'utf-8') ?? '';
  // TS-solution workspaces resolve with nodenext, which needs the `.js` suffix on relative imports.
  const importSuffix = /from '\.\/lib\/[^']+\.js'/.test(generatedIndex) ? '.js' : '';
  for (const sample of [`src/lib/${options.name}.spec.ts`, `src/lib/${options.name}.ts`]) {
    const file = joinPathFragments(dir, sample);
    if (tree.exists(file)) tree.delete(file);
  }
  const words = ['describe', ...options.name.split('-')];
  generateFiles(tree, path.join(__dirname, '..', 'files'), dir, {
    ...options,
    fileName: options.name,
    importSuffix,
    functionName: styleWords(words, options.naming),
    constantName: styleWords([...options.name.split('-'), 'module', 'name'], 'UPPER_CASE'),
    layers: LAYERS,
    layersDiagram: fenceMermaid(renderLayersDiagram(LAYERS) ?? ''),
    template: '',
  });
  tree.write(
    joinPathFragments(dir, 'AGENTS.md'),
    renderModuleAgents({ name: options.name, root: dir, tags: options.tagList, importPath: options.importPath, naming: options.naming }),
  );
  addTestsToSpecConfig(tree, dir);
}

/** The library generator's tsconfig.spec.json looks in src/ only; tests live in tests/. */
function addTestsToSpecConfig(tree: Tree, dir: string): void {
  const specConfig = joinPathFragments(dir, 'tsconfig.spec.json');
  if (!tree.exists(specConfig)) return;
  updateJson(tree, specConfig, (json) => {
    const include: string[] = json.include ?? [];
    for (const glob of ['tests/**/*.ts']) if (!include.includes(glob)) include.push(glob);
    return { ...json, include };
  });
}
