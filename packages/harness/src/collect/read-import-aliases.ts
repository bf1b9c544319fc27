import type { ProjectGraph } from '@nx/devkit';
import { readWorkspaceText } from './read-workspace-file';

/** One tsconfig `paths` alias and the first file it maps to. */
export interface PathAlias {
  alias: string;
  target: string;
}

/**
 * Reads the `paths` of tsconfig.base.json (or tsconfig.json), the alias source of tsconfig-paths
 * workspaces. Wildcard aliases (`@org/x/*`) are reduced to their prefix.
 */
export function readPathAliases(workspaceRoot: string): PathAlias[] {
  for (const file of ['tsconfig.base.json', 'tsconfig.json']) {
    const text = readWorkspaceText(workspaceRoot, file);
    if (!text) continue;
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { parseJson } = require('@nx/devkit') as typeof import('@nx/devkit');
      const json = parseJson(text) as { compilerOptions?: { paths?: Record<string, string[]> } };
      const paths = json.compilerOptions?.paths ?? {};
      return Object.entries(paths)
        .filter(([, targets]) => Array.isArray(targets) && targets.length > 0)
        .map(([alias, targets]) => ({
          alias: alias.replace(/\/\*$/, ''),
          target: targets[0].replace(/^\.\//, '').replace(/\/\*$/, ''),
        }));
    } catch {
      return [];
    }
  }
  return [];
}

/** The npm package name Nx recorded for a project (TS-solution workspaces). */
export function readPackageName(graph: ProjectGraph, project: string): string | undefined {
  const metadata = graph.nodes[project]?.data.metadata as { js?: { packageName?: string } } | undefined;
  return metadata?.js?.packageName;
}
