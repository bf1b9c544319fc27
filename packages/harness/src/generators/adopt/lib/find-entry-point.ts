import { readJson, type Tree } from '@nx/devkit';
import { resolveRelativeFile } from './resolve-relative-file';

/**
 * The file other projects import this one through: `<sourceRoot>/index.ts`, else the file its
 * tsconfig alias maps to, else the source of package.json `types`/`main`/`exports['.']`
 * (`./src/index.js` → `src/index.ts`). Undefined when none of them exists, as for most apps.
 */
export function findEntryPoint(tree: Tree, root: string, sourceRoot: string, aliasTargets: string[]): string | undefined {
  const conventional = ['index.ts', 'index.tsx', 'index.js'].map((f) => `${sourceRoot}/${f}`);
  const candidates = [...conventional, ...aliasTargets, ...readManifestEntries(tree, root)];
  return candidates.find((file) => file.startsWith(`${root}/`) && tree.isFile(file));
}

function readManifestEntries(tree: Tree, root: string): string[] {
  const manifest = `${root}/package.json`;
  if (!tree.exists(manifest)) return [];
  let pkg: { types?: unknown; typings?: unknown; main?: unknown; exports?: unknown };
  try {
    pkg = readJson(tree, manifest);
  } catch {
    return [];
  }
  const dot = typeof pkg.exports === 'object' && pkg.exports !== null ? (pkg.exports as Record<string, unknown>)['.'] : pkg.exports;
  const exported = typeof dot === 'object' && dot !== null ? Object.values(dot as Record<string, unknown>) : [dot];
  return [pkg.types, pkg.typings, pkg.main, ...exported]
    .filter((entry): entry is string => typeof entry === 'string')
    .map((entry) => resolveRelativeFile(tree, manifest, entry.startsWith('.') ? entry : `./${entry}`))
    .filter((file): file is string => file !== undefined);
}
