import * as path from 'node:path';
import type { FileData, ProjectGraph } from '@nx/devkit';

/** Files of each project with the project-level deps Nx found in each file. */
export type ProjectFiles = Record<string, FileData[]>;

/**
 * Reads Nx's own file map, which carries the dependencies Nx found per file. Nx writes it next to
 * the project graph before any task runs, so reading it costs one JSON parse and no re-analysis.
 * Falls back to the devkit's file list (without deps) when the cache is not there.
 */
export async function readProjectFiles(graph: ProjectGraph): Promise<{ files: ProjectFiles; hasDeps: boolean }> {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { readFileMapCache } = require('nx/src/project-graph/nx-deps-cache');
    const cache = readFileMapCache();
    const projectFileMap = cache?.fileMap?.projectFileMap as ProjectFiles | undefined;
    if (projectFileMap && Object.keys(graph.nodes).every((name) => name in projectFileMap)) {
      return { files: projectFileMap, hasDeps: true };
    }
  } catch {
    // An Nx without this internal module: use the public API below.
  }
  const { createProjectFileMapUsingProjectGraph } = await import('@nx/devkit');
  return { files: await createProjectFileMapUsingProjectGraph(graph), hasDeps: false };
}

/** Flattens a file's `deps` (strings or `[target, type]` tuples) to target names. */
export function listFileDeps(data: FileData): string[] {
  // A dependency is a target, [target, type], or [source, target, type] (Nx's FileDataDependency).
  return (data.deps ?? []).map((d) => (Array.isArray(d) ? d[d.length - 2] : d)).filter((d): d is string => typeof d === 'string');
}

/**
 * Nx's workspace data folder (`.nx/workspace-data` unless configured), where Nx keeps the graph
 * and file map and where harness keeps its own caches, so that `nx reset` clears them all. This is
 * Nx 21–23's own rule (its `workspaceDataDirectory`), written out rather than required: Nx's module
 * computes its shared cache location when it loads, a git call that `harness check` would pay on
 * every run for a path it does not use.
 */
export function findWorkspaceDataDirectory(workspaceRoot: string): string {
  const configured = process.env.NX_WORKSPACE_DATA_DIRECTORY ?? process.env.NX_PROJECT_GRAPH_CACHE_DIRECTORY;
  return configured ? path.resolve(workspaceRoot, configured) : path.join(workspaceRoot, '.nx', 'workspace-data');
}
