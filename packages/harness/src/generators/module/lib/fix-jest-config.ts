import { joinPathFragments, type Tree } from '@nx/devkit';
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
  const coverageDir = /^(\s*coverageDirectory:.*\n)/m;
  text = coverageDir.test(text)
    ? text.replace(coverageDir, `$1${COVERAGE_SETTINGS}\n`)
    : text.replace(/\n\};?\s*$/, `\n${COVERAGE_SETTINGS}\n};\n`);
  if (source !== joinPathFragments(dir, 'jest.config.cjs')) tree.delete(source);
  tree.write(joinPathFragments(dir, 'jest.config.cjs'), text);
}
