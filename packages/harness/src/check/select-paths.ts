import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ProjectGraph } from '@nx/devkit';
import type { ProjectFiles } from '../collect/read-file-map';
import { HarnessUsageError } from '../config/config-error';

/** What `harness check` judges in one project: all of it, or the findings of some files. */
export interface ProjectSelection {
  /** True for a project named on the command line, or whose root folder was. */
  whole: boolean;
  /** Workspace-relative files whose findings are kept (when not whole). */
  files: Set<string>;
}

export interface PathSelection {
  projects: Map<string, ProjectSelection>;
  /** Named files that belong to no project: nothing judges them, and the report says so. */
  outside: string[];
  /** Every selected file that Nx's file map does not list yet (new files). */
  unmapped: Map<string, string>;
}

/**
 * Turns the paths of `harness check` (files, folders or project names, relative to `cwd`) into
 * projects and files. Ownership comes from Nx's file map; a file it does not list yet belongs to
 * the project with the longest root above it. An unknown path is a usage error, never skipped.
 */
export function selectPaths(
  workspaceRoot: string,
  cwd: string,
  graph: ProjectGraph,
  projectFiles: ProjectFiles,
  paths: string[],
): PathSelection {
  // Every file's owner only when a folder or an unlisted file needs it: at 1,000 projects that map
  // is 21,000 entries, while a named file is nearly always listed under the project above it.
  let allOwners: Map<string, string> | undefined;
  const listOwners = () => (allOwners ??= mapOwners(projectFiles));
  const rootOf = (name: string) => (graph.nodes[name].data.root === '.' ? '' : graph.nodes[name].data.root);
  const roots = Object.keys(graph.nodes)
    .map((name) => ({ name, root: rootOf(name) }))
    .sort((a, b) => b.root.length - a.root.length);
  const selection: PathSelection = { projects: new Map(), outside: [], unmapped: new Map() };
  const select = (project: string) => {
    let entry = selection.projects.get(project);
    if (!entry) selection.projects.set(project, (entry = { whole: false, files: new Set() }));
    return entry;
  };
  for (const given of paths) {
    if (graph.nodes[given] && !fs.existsSync(path.resolve(cwd, given))) {
      select(given).whole = true;
      continue;
    }
    const rel = toWorkspacePath(workspaceRoot, cwd, given);
    const full = path.join(workspaceRoot, rel);
    if (!fs.existsSync(full)) {
      if (graph.nodes[given]) {
        select(given).whole = true;
        continue;
      }
      throw new HarnessUsageError(given, 'no such file, folder or project in this workspace', 'name a file or folder that exists, or a project from `nx show projects`');
    }
    if (fs.statSync(full).isDirectory()) {
      const project = roots.find((r) => r.root === rel);
      if (project) {
        select(project.name).whole = true;
        continue;
      }
      const prefix = rel === '' ? '' : `${rel}/`;
      for (const [file, owner] of listOwners()) if (file.startsWith(prefix)) select(owner).files.add(file);
      continue;
    }
    const above = roots.find((r) => r.root === '' || rel.startsWith(`${r.root}/`))?.name;
    const listed = above && projectFiles[above]?.some((f) => f.file === rel) ? above : listOwners().get(rel);
    const owner = listed ?? above;
    if (!owner) {
      selection.outside.push(rel);
      continue;
    }
    if (!listed) selection.unmapped.set(rel, owner);
    select(owner).files.add(rel);
  }
  return selection;
}

function mapOwners(projectFiles: ProjectFiles): Map<string, string> {
  const owners = new Map<string, string>();
  for (const [project, files] of Object.entries(projectFiles)) for (const f of files) owners.set(f.file, project);
  return owners;
}

/** A path as given on the command line, as a workspace-relative path with forward slashes. */
function toWorkspacePath(workspaceRoot: string, cwd: string, given: string): string {
  const rel = path.relative(workspaceRoot, path.resolve(cwd, given));
  if (rel.startsWith('..') || path.isAbsolute(rel)) {
    throw new HarnessUsageError(given, 'is outside the workspace', `name a path inside ${workspaceRoot}`);
  }
  return rel.split(path.sep).join('/');
}
