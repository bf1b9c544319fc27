import * as fs from 'node:fs';
import type { FileData, ProjectGraph, ProjectGraphDependency } from '@nx/devkit';
import { writeCacheFile } from './cache-files';
import { summarizeFiles, type FilesSummary } from './file-deps-summary';
import { rememberDependedOn } from '../core/graph-paths';
import { createLazyRecord, defineLazyProperty } from '../core/lazy-values';
import type { ProjectFiles } from './read-file-map';

/**
 * A compact copy of Nx's cached project graph and file map, for `harness check` and the MCP
 * server. Nx writes both files indented and spelled out (at 1,000 projects: 10 MB, 30,000 edge
 * objects, a 1 KB target definition repeated in every node), and parsing them was most of a
 * one-file check. The copy holds exactly the same data: names are interned, each distinct target
 * definition is stored once, edges are index pairs and file paths drop their project's root.
 * It is keyed by the size and time of Nx's two files, so it is used only while they are unchanged.
 *
 * The file is a header line (the nodes, the edges, and an index of what follows), a line with the
 * graph's other fields (externalNodes: hundreds of npm packages), and one line per project's file
 * list. The other fields, each project's edges and each file list are decoded when something first
 * asks for them: a one-file check reads the lists of the projects it checks and the stored summary
 * of every other one, and the edges of the projects it walks.
 */
const FORMAT = 3;

/** The header line: every field is plain JSON. */
interface SnapshotHeader {
  format: number;
  key: string;
  strings: string[];
  targets: unknown[];
  /** The names of the graph's fields other than nodes and dependencies (externalNodes, version, ...), and their line's length in bytes. */
  rest: [string[], number];
  /** [name, node without data.targets, target name → index into `targets`] */
  nodes: Array<[string, Record<string, unknown>, Record<string, number> | null]>;
  /** [source, flat edges]: a pair (target, type) of string indexes, or -1-i for `odd[i]`. */
  dependencies: Array<[number, number[]]>;
  /** Edges with fields beyond source, target and type, kept as Nx wrote them. */
  odd: ProjectGraphDependency[];
  /** Per project line, in order: [project, root prefix, the line's length in bytes, summary bits (SUMMARY_*)]. */
  files: Array<[number, string, number, number]>;
}

/** One project's line: a file is [path, hash] or [path, hash, deps]. */
type EncodedFiles = Array<[string, string] | [string, string, Array<number | number[]>]>;

const SUMMARY_PLAIN = 1;
const SUMMARY_SOURCE_EDGE = 2;

/** What the snapshot gives back: the graph, the file map (decoded per project on first read) and each list's summary. */
export interface SnapshotContents {
  graph: ProjectGraph;
  projectFiles: ProjectFiles;
  fileSummaries: ReadonlyMap<string, FilesSummary>;
}

/** The key of Nx's two cache files as they are now: their sizes and modification times. */
export function describeCacheFiles(stats: Array<fs.Stats | undefined>): string | undefined {
  if (stats.some((s) => !s)) return undefined;
  return `${FORMAT};${stats.map((s) => `${s!.size}@${s!.mtimeMs}`).join(';')}`;
}

/** The graph and file map stored under `key`, or undefined when the copy is missing, older, cut short or unreadable. */
export function readGraphSnapshot(file: string, key: string): SnapshotContents | undefined {
  try {
    const buffer = fs.readFileSync(file);
    const headerEnd = buffer.indexOf(10);
    if (headerEnd < 0) return undefined;
    const header = JSON.parse(buffer.toString('utf8', 0, headerEnd)) as SnapshotHeader;
    if (header?.format !== FORMAT || header.key !== key) return undefined;
    return decodeSnapshot(header, buffer, headerEnd + 1);
  } catch {
    return undefined;
  }
}

/** Writes the copy of `graph` and `projectFiles` under `key` (atomically; a failure costs only speed). */
export function writeGraphSnapshot(file: string, key: string, graph: ProjectGraph, projectFiles: ProjectFiles): void {
  const { header, lines } = encodeSnapshot(key, graph, projectFiles);
  writeCacheFile(file, [JSON.stringify(header), ...lines, ''].join('\n'));
}

function encodeSnapshot(key: string, graph: ProjectGraph, projectFiles: ProjectFiles): { header: SnapshotHeader; lines: string[] } {
  const strings: string[] = [];
  const stringIds = new Map<string, number>();
  const intern = (value: string) => {
    let id = stringIds.get(value);
    if (id === undefined) stringIds.set(value, (id = strings.push(value) - 1));
    return id;
  };
  const targets: unknown[] = [];
  const targetIds = new Map<string, number>();
  const nodes: SnapshotHeader['nodes'] = Object.entries(graph.nodes).map(([name, node]) => {
    const { targets: nodeTargets, ...data } = node.data as unknown as Record<string, unknown> & { targets?: Record<string, unknown> };
    let refs: Record<string, number> | null = null;
    if (nodeTargets) {
      refs = {};
      for (const [targetName, definition] of Object.entries(nodeTargets)) {
        const text = JSON.stringify(definition);
        let id = targetIds.get(text);
        if (id === undefined) targetIds.set(text, (id = targets.push(definition) - 1));
        refs[targetName] = id;
      }
    }
    return [name, { ...node, data }, refs];
  });
  const odd: ProjectGraphDependency[] = [];
  const dependencies: SnapshotHeader['dependencies'] = Object.entries(graph.dependencies).map(([source, deps]) => {
    const flat: number[] = [];
    for (const dep of deps) {
      const plain = Object.keys(dep).length === 3 && dep.source === source && typeof dep.target === 'string' && typeof dep.type === 'string';
      if (plain) flat.push(intern(dep.target), intern(dep.type));
      else flat.push(-1 - (odd.push(dep) - 1));
    }
    return [intern(source), flat];
  });
  const { nodes: _nodes, dependencies: _dependencies, ...rest } = graph;
  const restLine = JSON.stringify(rest);
  const lines: string[] = [restLine];
  const files: SnapshotHeader['files'] = Object.entries(projectFiles).map(([project, list]) => {
    const root = graph.nodes[project]?.data.root;
    const prefix = root && root !== '.' ? `${root}/` : '';
    const line = JSON.stringify(list.map((data) => encodeFile(data, prefix, intern)));
    lines.push(line);
    const summary = summarizeFiles(list, graph);
    const bits = (summary.plain ? SUMMARY_PLAIN : 0) | (summary.sourceEdge ? SUMMARY_SOURCE_EDGE : 0);
    return [intern(project), prefix, Buffer.byteLength(line), bits];
  });
  const restEntry: SnapshotHeader['rest'] = [Object.keys(rest), Buffer.byteLength(restLine)];
  return { header: { format: FORMAT, key, strings, targets, rest: restEntry, nodes, dependencies, odd, files }, lines };
}

/** A file under its project's root loses the root; any other keeps its path behind a `/`. */
function encodeFile(data: FileData, prefix: string, intern: (value: string) => number): EncodedFiles[number] {
  const path = prefix && data.file.startsWith(prefix) ? data.file.slice(prefix.length) : `/${data.file}`;
  if (data.deps === undefined) return [path, data.hash];
  const deps = data.deps.map((dep) => (Array.isArray(dep) ? dep.map((part) => intern(part as string)) : intern(dep)));
  return [path, data.hash, deps];
}

function decodeSnapshot(header: SnapshotHeader, buffer: Buffer, start: number): SnapshotContents | undefined {
  const { strings, targets } = header;
  const nodes: ProjectGraph['nodes'] = {};
  for (const [name, node, refs] of header.nodes) {
    const data = node.data as Record<string, unknown>;
    // Target definitions are shared between nodes: the context rules read is read-only.
    if (refs) data.targets = Object.fromEntries(Object.entries(refs).map(([targetName, id]) => [targetName, targets[id]]));
    nodes[name] = node as unknown as ProjectGraph['nodes'][string];
  }
  const flatBySource = new Map(header.dependencies.map(([sourceId, flat]) => [strings[sourceId], flat]));
  const decodeEdges = (source: string): ProjectGraphDependency[] | undefined => {
    const flat = flatBySource.get(source);
    if (!flat) return undefined;
    const deps: ProjectGraphDependency[] = [];
    for (let i = 0; i < flat.length; i++) {
      if (flat[i] < 0) deps.push(header.odd[-1 - flat[i]]);
      else deps.push({ source, target: strings[flat[i]], type: strings[flat[++i]] } as ProjectGraphDependency);
    }
    return deps;
  };
  const dependencies = createLazyRecord(decodeEdges, () => [...flatBySource.keys()]);
  const dependedOn = listDependedOn(header, nodes);
  const [restKeys, restLength] = header.rest;
  const restStart = start;
  let rest: Record<string, unknown> | undefined;
  const readRest = () => (rest ??= JSON.parse(buffer.toString('utf8', restStart, restStart + restLength)) as Record<string, unknown>);
  start += restLength + 1;
  const lines = new Map<string, { prefix: string; start: number; end: number }>();
  const fileSummaries = new Map<string, FilesSummary>();
  let at = start;
  for (const [projectId, prefix, length, bits] of header.files) {
    const project = strings[projectId];
    lines.set(project, { prefix, start: at, end: at + length });
    fileSummaries.set(project, { plain: (bits & SUMMARY_PLAIN) !== 0, sourceEdge: (bits & SUMMARY_SOURCE_EDGE) !== 0 });
    at += length + 1;
  }
  // A file cut short (or longer than its index says) is not the file this header was written with.
  if (at !== buffer.length) return undefined;
  const decodeFiles = (project: string): FileData[] | undefined => {
    const line = lines.get(project);
    if (!line) return undefined;
    const list = JSON.parse(buffer.toString('utf8', line.start, line.end)) as EncodedFiles;
    return list.map(([path, hash, deps]): FileData => {
      const file = path.startsWith('/') ? path.slice(1) : line.prefix + path;
      if (deps === undefined) return { file, hash };
      return { file, hash, deps: deps.map((dep) => (Array.isArray(dep) ? dep.map((id) => strings[id]) : strings[dep])) as FileData['deps'] };
    });
  };
  const projectFiles = createLazyRecord(decodeFiles, () => [...lines.keys()]);
  const graph = { nodes, dependencies } as Record<string, unknown>;
  for (const key of restKeys) defineLazyProperty(graph, key, () => readRest()[key]);
  rememberDependedOn(graph as unknown as ProjectGraph, dependedOn);
  return { graph: graph as unknown as ProjectGraph, projectFiles, fileSummaries };
}

/** The projects another project has an edge to, read off the compact edges without decoding them (see isDependedOn). */
function listDependedOn(header: SnapshotHeader, nodes: ProjectGraph['nodes']): Set<string> {
  const { strings, odd } = header;
  // By string index: 1 for a project name; 2 once some other project depends on it.
  const marks = new Uint8Array(strings.length);
  for (let id = 0; id < strings.length; id++) if (Object.prototype.hasOwnProperty.call(nodes, strings[id])) marks[id] = 1;
  const targets = new Set<string>();
  for (const [sourceId, flat] of header.dependencies) {
    if (marks[sourceId] === 0) continue;
    for (let i = 0; i < flat.length; i++) {
      if (flat[i] < 0) {
        const { target } = odd[-1 - flat[i]];
        if (target !== strings[sourceId] && Object.prototype.hasOwnProperty.call(nodes, target)) targets.add(target);
        continue;
      }
      const targetId = flat[i++];
      if (targetId !== sourceId && marks[targetId] === 1) marks[targetId] = 2;
    }
  }
  for (let id = 0; id < strings.length; id++) if (marks[id] === 2) targets.add(strings[id]);
  return targets;
}
