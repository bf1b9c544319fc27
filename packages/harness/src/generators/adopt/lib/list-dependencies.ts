import * as path from 'node:path';
import { builtinModules } from 'node:module';
import type { SourceFacts } from '../../../core/source-facts';
import { findOwner, matchAlias, type ProjectPlace, type WorkspaceAlias } from './read-workspace-aliases';

/** What a project imports from outside itself. */
export interface ProjectDependencies {
  /** Workspace projects, each with the specifier it is first imported by. */
  projects: Array<{ name: string; specifier: string }>;
  /** npm packages, by package name. */
  packages: string[];
}

const BUILTINS = new Set(builtinModules);

/**
 * The project graph is not available to a generator, so the edges are read from the project's own
 * imports: a specifier that matches another project's alias or package name, or a relative path
 * that lands in another project's root, is a workspace dependency; any other bare specifier is an
 * npm package.
 */
export function listDependencies(sources: SourceFacts[], self: ProjectPlace, projects: ProjectPlace[], aliases: WorkspaceAlias[]): ProjectDependencies {
  const found = new Map<string, string>();
  const packages = new Set<string>();
  for (const source of sources) {
    for (const { specifier } of source.imports) {
      const project = specifier.startsWith('.')
        ? findOwner(path.posix.join(path.posix.dirname(source.file), specifier), projects)?.name
        : matchAlias(specifier, aliases)?.project;
      if (project) {
        if (project !== self.name && !found.has(project)) found.set(project, specifier);
      } else if (!specifier.startsWith('.') && !specifier.startsWith('/')) {
        const name = toPackageName(specifier);
        if (name) packages.add(name);
      }
    }
  }
  return {
    projects: [...found.entries()].map(([name, specifier]) => ({ name, specifier })).sort((a, b) => a.name.localeCompare(b.name)),
    packages: [...packages].sort(),
  };
}

/** `@scope/pkg/deep` → `@scope/pkg`, `pkg/deep` → `pkg`; undefined for Node built-ins and non-package specifiers. */
function toPackageName(specifier: string): string | undefined {
  if (specifier.startsWith('node:')) return undefined;
  const parts = specifier.split('/');
  const name = specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
  if (BUILTINS.has(name) || !/^(@[\w.-]+\/)?[\w.-]+$/.test(name)) return undefined;
  return name;
}
