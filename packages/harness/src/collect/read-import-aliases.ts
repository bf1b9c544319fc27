import type { ProjectGraph } from '@nx/devkit';
import type { ParseError } from 'jsonc-parser';
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
 * The subpaths a project's package.json `exports` declares (`./testing` → `@org/data/testing`), as
 * Nx recorded them: each is a public entry point of the package, not a deep import. Patterns
 * (`./*`) are left out, so an import through one is still judged as a deep import.
 */
export function readExportedSubpaths(graph: ProjectGraph, project: string): string[] {
  const metadata = graph.nodes[project]?.data.metadata as { js?: { packageName?: string; packageExports?: unknown } } | undefined;
  const { packageName, packageExports } = metadata?.js ?? {};
  if (!packageName || typeof packageExports !== 'object' || packageExports === null) return [];
  return Object.keys(packageExports)
    .filter((key) => key.startsWith('./') && key.length > 2 && !key.includes('*'))
    .map((key) => `${packageName}/${key.slice(2)}`);
}

/**
 * Package name → the workspace project that owns it: Nx's `metadata.js.packageName`, else the
 * `name` in the project's package.json. Built on the first question only, since reading every
 * project's package.json is needed only when Nx's file map names a package it did not map.
 */
export function createPackageOwnerLookup(workspaceRoot: string, graph: ProjectGraph): (packageName: string) => string | undefined {
  let owners: Map<string, string> | undefined;
  return (packageName) => {
    if (!owners) {
      owners = new Map();
      for (const [project, node] of Object.entries(graph.nodes)) {
        const root = node.data.root === '.' || !node.data.root ? '' : `${node.data.root}/`;
        for (const name of [readPackageName(graph, project), readManifestName(workspaceRoot, `${root}package.json`)]) {
          if (name && !owners.has(name)) owners.set(name, project);
        }
      }
    }
    return owners.get(packageName);
  };
}

function readManifestName(workspaceRoot: string, file: string): string | undefined {
  const text = readWorkspaceText(workspaceRoot, file);
  if (!text) return undefined;
  const json = parseJsonc(text, []) as { name?: unknown } | undefined;
  return typeof json?.name === 'string' ? json.name : undefined;
}

/**
 * tsconfig is JSON with comments and trailing commas. jsonc-parser (what Nx's own `parseJson`
 * uses) is read directly: loading `@nx/devkit` for it cost the batch worker about 60 ms.
 */
function parseTsconfig(text: string): { compilerOptions?: { paths?: Record<string, string[]> } } {
  // Most tsconfig files are plain JSON, which JSON.parse reads several times faster (a 1,000-alias
  // tsconfig.base.json is read on every check); for plain JSON both give the same value.
  try {
    const json = JSON.parse(text);
    if (typeof json === 'object' && json !== null) return json;
  } catch {
    // comments or trailing commas: jsonc below
  }
  const errors: ParseError[] = [];
  const json = parseJsonc(text, errors);
  if (errors.length > 0 || typeof json !== 'object' || json === null) throw new Error('unreadable tsconfig');
  return json;
}

/** jsonc-parser, loaded only for a file that is not plain JSON (its six modules cost every check). */
function parseJsonc(text: string, errors: ParseError[]): unknown {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { parse } = require('jsonc-parser') as typeof import('jsonc-parser');
  return parse(text, errors, { allowTrailingComma: true, disallowComments: false });
}
