import type { ProjectGraph } from '@nx/devkit';
import { parse, type ParseError } from 'jsonc-parser';
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
      const json = parseTsconfig(text);
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

/**
 * tsconfig is JSON with comments and trailing commas. jsonc-parser (what Nx's own `parseJson`
 * uses) is read directly: loading `@nx/devkit` for it cost the batch worker about 60 ms.
 */
function parseTsconfig(text: string): { compilerOptions?: { paths?: Record<string, string[]> } } {
  const errors: ParseError[] = [];
  const json = parse(text, errors, { allowTrailingComma: true, disallowComments: false });
  if (errors.length > 0 || typeof json !== 'object' || json === null) throw new Error('unreadable tsconfig');
  return json;
}
