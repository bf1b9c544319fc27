import * as path from 'node:path';
import type * as ts from 'typescript';
import type { ProjectInfo } from '../collect/types';

/** One `paths` entry, e.g. `@acme/*` → `libs/*`, with workspace-relative targets. */
export interface PathMapping {
  prefix: string;
  /** Text after the `*`; undefined for an exact alias. */
  suffix?: string;
  targets: string[];
}

/**
 * The import aliases of the workspace: the `paths` of tsconfig.base.json (or tsconfig.json),
 * then every project alias they do not already cover (package names of TS-solution workspaces),
 * each mapped to the project's entry point.
 */
export function readPathMappings(
  t: typeof ts,
  readText: (file: string) => string | undefined,
  projects: Record<string, ProjectInfo>,
): PathMapping[] {
  const mappings = readTsconfigPaths(t, readText);
  const exact = new Set(mappings.filter((m) => m.suffix === undefined).map((m) => m.prefix));
  for (const project of Object.values(projects)) {
    const entry = project.entryPoints[0];
    if (!entry) continue;
    for (const alias of project.importAliases) {
      if (!exact.has(alias)) mappings.push({ prefix: alias, targets: [entry] });
      exact.add(alias);
    }
  }
  return mappings;
}

function readTsconfigPaths(t: typeof ts, readText: (file: string) => string | undefined): PathMapping[] {
  for (const file of ['tsconfig.base.json', 'tsconfig.json']) {
    const text = readText(file);
    if (text === undefined) continue;
    const { config } = t.parseConfigFileTextToJson(file, text);
    const options = (config as { compilerOptions?: { baseUrl?: string; paths?: Record<string, unknown> } } | undefined)?.compilerOptions;
    // Without baseUrl, paths are relative to the tsconfig, which is at the workspace root.
    const base = path.posix.normalize(options?.baseUrl ?? '.');
    return Object.entries(options?.paths ?? {})
      .filter((entry): entry is [string, string[]] => Array.isArray(entry[1]))
      .map(([pattern, targets]) => {
        const star = pattern.indexOf('*');
        return {
          prefix: star < 0 ? pattern : pattern.slice(0, star),
          suffix: star < 0 ? undefined : pattern.slice(star + 1),
          targets: targets.filter((x) => typeof x === 'string').map((x) => path.posix.join(base, x)),
        };
      });
  }
  return [];
}

/** The workspace-relative candidates an import specifier maps to: exact aliases first, then the longest prefix. */
export function mapSpecifier(mappings: PathMapping[], specifier: string): string[] {
  const exact = mappings.find((m) => m.suffix === undefined && m.prefix === specifier);
  if (exact) return exact.targets;
  const wildcard = mappings
    .filter((m) => m.suffix !== undefined && specifier.length >= m.prefix.length + m.suffix.length)
    .filter((m) => specifier.startsWith(m.prefix) && specifier.endsWith(m.suffix!))
    .sort((a, b) => b.prefix.length - a.prefix.length)[0];
  if (!wildcard) return [];
  const matched = specifier.slice(wildcard.prefix.length, specifier.length - wildcard.suffix!.length);
  return wildcard.targets.map((target) => target.replace('*', matched));
}
