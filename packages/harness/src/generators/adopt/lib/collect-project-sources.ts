import type { Tree } from '@nx/devkit';
import { parseSource } from '../../../collect/parse-source';
import type { SourceFacts } from '../../../core/source-facts';
import { isParsedCode } from '../../../core/source-files';

// Build output, caches and installed packages are not the project's code.
const SKIPPED_FOLDERS = new Set(['node_modules', 'dist', 'coverage', 'out-tsc', 'tmp', 'build']);
// Bigger files are generated or bundled; they would skew the counts and slow the run.
const MAX_FILE_BYTES = 512 * 1024;

/**
 * Parses every code file of a project once: under its root, minus build output, hidden folders
 * and the roots of projects nested inside it, which describe themselves.
 */
export function collectProjectSources(tree: Tree, root: string, nestedRoots: string[]): SourceFacts[] {
  const sources: SourceFacts[] = [];
  const visit = (dir: string): void => {
    for (const child of tree.children(dir).sort()) {
      const file = `${dir}/${child}`;
      if (tree.isFile(file)) {
        if (isParsedCode(child)) sources.push(...parseFile(tree, file));
      } else if (!child.startsWith('.') && !SKIPPED_FOLDERS.has(child) && !nestedRoots.includes(file)) {
        visit(file);
      }
    }
  };
  visit(root);
  return sources;
}

function parseFile(tree: Tree, file: string): SourceFacts[] {
  const bytes = tree.read(file);
  if (!bytes || bytes.length > MAX_FILE_BYTES) return [];
  return [parseSource(file, bytes.toString('utf-8'))];
}
