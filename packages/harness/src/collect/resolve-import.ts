import * as path from 'node:path';
import type { ProjectInfo, ResolvedImport } from './types';

const SOURCE_EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];

/** Maps a workspace file to its project by the longest matching project root. */
export function createProjectLocator(projects: Record<string, ProjectInfo>): (file: string) => string | undefined {
  const roots = Object.values(projects)
    .map((p) => ({ name: p.name, prefix: p.root === '' || p.root === '.' ? '' : p.root.replace(/\/$/, '') + '/' }))
    .sort((a, b) => b.prefix.length - a.prefix.length);
  return (file) => roots.find((r) => r.prefix === '' || file.startsWith(r.prefix))?.name;
}

/**
 * Builds the resolver for import specifiers: relative paths against the file set, workspace
 * aliases (tsconfig paths and package names) to projects, and everything else to npm packages.
 */
export function createImportResolver(
  projects: Record<string, ProjectInfo>,
  knownFiles: { has(file: string): boolean },
): (fromFile: string, specifier: string) => ResolvedImport {
  const locate = createProjectLocator(projects);
  // Longest alias first, so `@org/billing-api` is not taken for a deep import of `@org/billing`.
  const aliases = Object.values(projects)
    .flatMap((p) => p.importAliases.map((alias) => ({ alias, project: p })))
    .sort((a, b) => b.alias.length - a.alias.length);
  const findFile = (base: string): string | undefined => {
    if (knownFiles.has(base)) return base;
    for (const ext of SOURCE_EXTENSIONS) if (knownFiles.has(base + ext)) return base + ext;
    // `./x.js` written for a `./x.ts` file, as TS-solution (nodenext) workspaces require.
    const stem = base.replace(/\.[cm]?js$/, '');
    if (stem !== base) for (const ext of SOURCE_EXTENSIONS) if (knownFiles.has(stem + ext)) return stem + ext;
    for (const ext of SOURCE_EXTENSIONS) if (knownFiles.has(`${base}/index${ext}`)) return `${base}/index${ext}`;
    return undefined;
  };
  return (fromFile, specifier) => {
    if (specifier.startsWith('.') || specifier.startsWith('/')) {
      const joined = path.posix.normalize(path.posix.join(path.posix.dirname(fromFile), specifier));
      const file = findFile(joined) ?? joined;
      return { project: joined.startsWith('..') ? undefined : locate(file), file };
    }
    for (const { alias, project } of aliases) {
      if (specifier === alias) {
        return { project: project.name, file: project.aliasFiles?.[alias] ?? project.entryPoints[0], viaEntryPoint: true };
      }
      if (specifier.startsWith(alias + '/')) {
        const rest = specifier.slice(alias.length + 1);
        const base = project.root ? `${project.root}/${rest}` : rest;
        return { project: project.name, file: findFile(base) ?? base, viaEntryPoint: false };
      }
    }
    return { externalPackage: packageNameOf(specifier) };
  };
}

/** `@scope/pkg/deep` → `@scope/pkg`; `lodash/fp` → `lodash`; `node:fs` → `node:fs`. */
export function packageNameOf(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}
