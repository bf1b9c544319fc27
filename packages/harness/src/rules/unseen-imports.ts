import * as path from 'node:path';
import { readImportSites } from './import-sites';
import type { CheckContext, ProjectInfo } from '../collect/types';

type EdgeContext = Pick<CheckContext, 'readSource' | 'resolveImport' | 'fileDeps' | 'projects' | 'readText'>;

/** Every text that follows a quote: each import specifier is one of them (with some noise). */
const AFTER_QUOTE = /['"`]([^'"`\s]+)/g;

const aliasOwnersByProjects = new WeakMap<object, Map<string, string>>();

/**
 * Every node `file` depends on: Nx's file-map deps, plus the workspace projects it imports that
 * Nx's file map lacks (an undeclared workspace package in a TS-solution repo, a file SWC could not
 * read, a graph built without import analysis). So each rule that reads edges judges those too.
 */
export function listFileEdges(ctx: EdgeContext, file: string, self: ProjectInfo): string[] {
  const deps = ctx.fileDeps[file] ?? [];
  const unseen = findUnseenProjects(ctx, file, self);
  return unseen.length > 0 ? [...deps, ...unseen] : deps;
}

/**
 * The projects `file` imports, by harness's own parse, that its file-map deps lack. The file's
 * text is scanned first and parsed only when some quoted text could reach a project the deps do
 * not name, so on a workspace whose graph is complete almost nothing is parsed. (Reading every
 * file's facts from the facts cache instead was slower than the scan: 310-350 ms against 285 ms
 * of CPU for a dependency-rules run at 200 projects, since the cache holds every declaration too.)
 */
export function findUnseenProjects(ctx: EdgeContext, file: string, self: ProjectInfo): string[] {
  // Every rule of a run shares one fileDeps object, so the dependency and cycle rules scan once.
  let known = unseenByRun.get(ctx.fileDeps);
  if (!known) unseenByRun.set(ctx.fileDeps, (known = new Map()));
  let unseen = known.get(file);
  if (!unseen) known.set(file, (unseen = scanForUnseen(ctx, file, self)));
  return unseen;
}

const unseenByRun = new WeakMap<object, Map<string, string[]>>();

function scanForUnseen(ctx: EdgeContext, file: string, self: ProjectInfo): string[] {
  const deps = ctx.fileDeps[file] ?? [];
  if (!mayImportUnseen(ctx, file, self, deps)) return [];
  const unseen = new Set<string>();
  for (const site of readImportSites(ctx, file)) {
    const project = site.resolved.project;
    if (project && project !== self.name && ctx.projects[project] && !deps.includes(project)) unseen.add(project);
  }
  return [...unseen];
}

/** Whether any quoted text of the file reaches another project missing from `deps`. */
function mayImportUnseen(ctx: EdgeContext, file: string, self: ProjectInfo, deps: readonly string[]): boolean {
  const text = ctx.readText(file);
  if (text === undefined) return false;
  const owners = readAliasOwners(ctx.projects);
  const ownPrefix = self.root ? `${self.root}/` : '';
  const dir = path.posix.dirname(file);
  for (const match of text.matchAll(AFTER_QUOTE)) {
    const quoted = match[1];
    let project: string | undefined;
    if (quoted.startsWith('.')) {
      // A relative path that stays below the project's root stays in it, unless another project is nested there.
      const target = path.posix.join(dir, quoted);
      if (target.startsWith(ownPrefix) && !hasNestedProject(ctx.projects, self)) continue;
      project = ctx.resolveImport(file, quoted).project;
    } else {
      project = findAliasOwner(owners, quoted);
    }
    if (project && project !== self.name && !deps.includes(project)) return true;
  }
  return false;
}

/** The project whose longest alias the text starts with (`@org/a/b` → owner of `@org/a`), as the resolver picks. */
function findAliasOwner(owners: ReadonlyMap<string, string>, quoted: string): string | undefined {
  for (let end = quoted.length; end > 0; end = quoted.lastIndexOf('/', end - 1)) {
    const owner = owners.get(quoted.slice(0, end));
    if (owner) return owner;
  }
  return undefined;
}

/** Per workspace: every import alias and the project it reaches, so a string is placed in a few lookups. */
function readAliasOwners(projects: Record<string, ProjectInfo>): ReadonlyMap<string, string> {
  let owners = aliasOwnersByProjects.get(projects);
  if (!owners) {
    owners = new Map(Object.values(projects).flatMap((p) => p.importAliases.map((alias): [string, string] => [alias, p.name])));
    aliasOwnersByProjects.set(projects, owners);
  }
  return owners;
}

const nestedByProject = new WeakMap<ProjectInfo, boolean>();

/** Whether another project's root lies inside this project's root (the root project holds them all). */
function hasNestedProject(projects: Record<string, ProjectInfo>, self: ProjectInfo): boolean {
  let nested = nestedByProject.get(self);
  if (nested === undefined) {
    const prefix = self.root ? `${self.root}/` : '';
    nested = Object.values(projects).some((p) => p !== self && p.root.startsWith(prefix) && p.root !== self.root);
    nestedByProject.set(self, nested);
  }
  return nested;
}
