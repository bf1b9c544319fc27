import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ProjectGraph } from '@nx/devkit';
import { markTiming } from '../core/mark-timing';
import { cachesDisabled } from './cache-files';
import type { FilesSummary } from './file-deps-summary';
import { describeCacheFiles, readGraphSnapshot, writeGraphSnapshot } from './graph-snapshot';
import { findWorkspaceDataDirectory, readProjectFiles, type ProjectFiles } from './read-file-map';

/** Nx's project graph and file map as `harness check` judges with them. */
export interface FreshGraph {
  graph: ProjectGraph;
  projectFiles: ProjectFiles;
  /** Each project's file-list summary, when the graph came from harness's snapshot (collect reads only what it must). */
  fileSummaries?: ReadonlyMap<string, FilesSummary>;
  /** When Nx wrote them (ms); a source file changed later is re-read and re-resolved. */
  writtenAt: number;
  /** True when the cached graph was stale or missing and Nx built it again. */
  rebuilt: boolean;
}

/** Workspace files whose change can change the graph (projects, tags, plugins, aliases). */
const GRAPH_INPUTS = ['nx.json', 'package.json', 'tsconfig.base.json', 'tsconfig.json', 'pnpm-workspace.yaml'];
const PROJECT_MANIFESTS = ['project.json', 'package.json'];
const NX_CACHE_FILES = ['project-graph.json', 'file-map.json'];
/** harness's compact copy of the two (collect/graph-snapshot.ts), beside them. */
const SNAPSHOT_FILE = 'harness-graph-snapshot.json';

/** Nx building the graph and file map again; injectable so tests can count rebuilds. */
export type BuildGraph = () => Promise<{ graph: ProjectGraph; projectFiles: ProjectFiles }>;

/**
 * The graph a long-lived process (the MCP server) read last: reused while Nx's cache files keep
 * the same time, so a check costs a few stat calls instead of parsing the graph again.
 */
export interface GraphMemo {
  last?: Omit<FreshGraph, 'rebuilt'>;
}

/**
 * Reads Nx's cached project graph and file map without Nx's task runner, and asks Nx to build
 * them again only when they may be stale: a graph input, or a project.json or package.json of a
 * known project, changed after Nx wrote them, or a checked file sits under a manifest Nx has not
 * seen (a new project). Never judges with a graph older than the tags it would apply.
 */
export async function loadFreshGraph(
  workspaceRoot: string,
  checkedFiles: string[] = [],
  buildGraph: BuildGraph = buildGraphWithNx,
  memo: GraphMemo = {},
): Promise<FreshGraph> {
  const cached = readCachedGraph(workspaceRoot, memo);
  markTiming('cached graph read');
  if (cached && !isGraphStale(workspaceRoot, cached.graph, cached.writtenAt, checkedFiles)) {
    return { ...(memo.last = cached), rebuilt: false };
  }
  const { graph, projectFiles } = await buildGraph();
  const dir = findWorkspaceDataDirectory(workspaceRoot);
  memo.last = { graph, projectFiles, writtenAt: readWrittenAt(NX_CACHE_FILES.map((f) => statOf(path.join(dir, f)))) ?? Date.now() };
  return { ...memo.last, rebuilt: true };
}

/**
 * The graph and file map Nx last wrote, or undefined when either is missing or unreadable. Read
 * from harness's compact copy while Nx's files are unchanged; otherwise parsed, and copied.
 */
function readCachedGraph(workspaceRoot: string, memo: GraphMemo): Omit<FreshGraph, 'rebuilt'> | undefined {
  const dir = findWorkspaceDataDirectory(workspaceRoot);
  const stats = NX_CACHE_FILES.map((f) => statOf(path.join(dir, f)));
  const writtenAt = readWrittenAt(stats);
  const key = describeCacheFiles(stats);
  if (writtenAt === undefined || key === undefined) return undefined;
  if (memo.last?.writtenAt === writtenAt) return memo.last;
  const snapshotFile = path.join(dir, SNAPSHOT_FILE);
  const copied = cachesDisabled() ? undefined : readGraphSnapshot(snapshotFile, key);
  if (copied) return { ...copied, writtenAt };
  try {
    const { computedAt: _computedAt, errors, ...graph } = JSON.parse(fs.readFileSync(path.join(dir, 'project-graph.json'), 'utf8'));
    // A graph Nx wrote with errors is not one to judge by; building it again surfaces them.
    if (Array.isArray(errors) && errors.length > 0) return undefined;
    const fileMap = JSON.parse(fs.readFileSync(path.join(dir, 'file-map.json'), 'utf8'));
    const projectFiles = fileMap?.fileMap?.projectFileMap as ProjectFiles | undefined;
    if (!graph.nodes || !projectFiles) return undefined;
    if (!Object.keys(graph.nodes).every((name) => name in projectFiles)) return undefined;
    if (!cachesDisabled()) writeGraphSnapshot(snapshotFile, key, graph as ProjectGraph, projectFiles);
    return { graph: graph as ProjectGraph, projectFiles, writtenAt };
  } catch {
    return undefined;
  }
}

/** The older of the two cache files' times: both must postdate a change for the graph to count. */
function readWrittenAt(stats: Array<fs.Stats | undefined>): number | undefined {
  if (stats.some((s) => s === undefined)) return undefined;
  return Math.min(...stats.map((s) => s!.mtimeMs));
}

function isGraphStale(workspaceRoot: string, graph: ProjectGraph, writtenAt: number, checkedFiles: string[]): boolean {
  // Concatenated, not path.join: the names are already normal, and this runs 2,000 times at 1,000 projects.
  const newer = (file: string) => (mtimeOf(`${workspaceRoot}/${file}`) ?? 0) > writtenAt;
  if (GRAPH_INPUTS.some(newer)) return true;
  const roots = new Set<string>();
  for (const node of Object.values(graph.nodes)) {
    const root = node.data.root === '.' ? '' : node.data.root;
    roots.add(root);
    if (PROJECT_MANIFESTS.some((m) => newer(root ? `${root}/${m}` : m))) return true;
  }
  return checkedFiles.some((file) => hasNewManifestAbove(file, roots, newer));
}

/**
 * A project.json or package.json written after the graph, between the file and its nearest known
 * project root: a project Nx has not seen yet. Older manifests there (fixtures, nested packages
 * Nx does not treat as projects) are left alone, or every check of such a file would rebuild.
 */
function hasNewManifestAbove(file: string, roots: Set<string>, newer: (file: string) => boolean): boolean {
  let dir = path.posix.dirname(file);
  while (dir !== '.' && dir !== '' && !roots.has(dir)) {
    if (PROJECT_MANIFESTS.some((m) => newer(`${dir}/${m}`))) return true;
    dir = path.posix.dirname(dir);
  }
  return false;
}

/** A missing file is undefined, without the cost of an exception: a check stats 2,000 manifests at 1,000 projects. */
function statOf(full: string): fs.Stats | undefined {
  return fs.statSync(full, { throwIfNoEntry: false });
}

function mtimeOf(full: string): number | undefined {
  return statOf(full)?.mtimeMs;
}

/** Nx's own graph construction (plugins, file map, cache write), resolved from the workspace. */
async function buildGraphWithNx(): Promise<{ graph: ProjectGraph; projectFiles: ProjectFiles }> {
  const { createProjectGraphAsync } = await import('@nx/devkit');
  const graph = await createProjectGraphAsync({ exitOnError: false });
  const { files, hasDeps } = await readProjectFiles(graph);
  if (!hasDeps) {
    throw new Error("Nx wrote no file map with per-file dependencies after building the graph; run 'nx reset' and try again");
  }
  return { graph, projectFiles: files };
}
