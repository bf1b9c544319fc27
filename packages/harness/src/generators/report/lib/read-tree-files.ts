import type { Tree } from '@nx/devkit';
import type { WorkspaceFiles } from './types';

/**
 * Reads the workspace through the generator's tree. The report's own outputs count as existing
 * even before the first run writes them: otherwise a link to docs/QUALITY_SCORE.md would be
 * broken on the first run and fine on the second, and a re-run would change the report.
 */
export function readTreeFiles(tree: Tree, outputs: string[]): WorkspaceFiles {
  const normalize = (p: string) => p.replace(/\/+$/, '');
  return {
    read: (file) => (tree.exists(file) && tree.isFile(file) ? tree.read(file, 'utf-8') ?? undefined : undefined),
    exists: (path) => {
      const target = normalize(path);
      if (target === '' || target === '.') return true;
      return tree.exists(target) || outputs.some((o) => o === target || o.startsWith(`${target}/`));
    },
  };
}
