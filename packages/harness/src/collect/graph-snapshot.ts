import * as fs from 'node:fs';
import type { FileData, ProjectGraph, ProjectGraphDependency } from '@nx/devkit';
import { writeCacheFile } from './cache-files';
import type { ProjectFiles } from './read-file-map';

/**
 * A compact copy of Nx's cached project graph and file map, for `harness check` and the MCP
 * server. Nx writes both files indented and spelled out (at 1,000 projects: 10 MB, 30,000 edge
 * objects, a 1 KB target definition repeated in every node), and parsing them was most of a
 * one-file check. The copy holds exactly the same data: names are interned, each distinct target
 * definition is stored once, edges are index pairs and file paths drop their project's root.
 * It is keyed by the size and time of Nx's two files, so it is used only while they are unchanged.
 */
const FORMAT = 1;

/** The copy as written: every field is plain JSON. */
interface Snapshot {
  format: number;
  key: string;
  strings: string[];
  targets: unknown[];
  /** Graph fields other than nodes and dependencies (externalNodes, version, ...), as Nx wrote them. */
  rest: Record<string, unknown>;
  /** [name, node without data.targets, target name → index into `targets`] */
  nodes: Array<[string, Record<string, unknown>, Record<string, number> | null]>;
  /** [source, flat edges]: a pair (target, type) of string indexes, or -1-i for `odd[i]`. */
  dependencies: Array<[number, number[]]>;
  /** Edges with fields beyond source, target and type, kept as Nx wrote them. */
  odd: ProjectGraphDependency[];
  /** [project, root prefix, files]: a file is [path, hash] or [path, hash, deps]. */
  files: Array<[number, string, Array<[string, string] | [string, string, Array<number | number[]>]>]>;
}

/** The key of Nx's two cache files as they are now: their sizes and modification times. */
export function describeCacheFiles(stats: Array<fs.Stats | undefined>): string | undefined {
  if (stats.some((s) => !s)) return undefined;
  return `${FORMAT};${stats.map((s) => `${s!.size}@${s!.mtimeMs}`).join(';')}`;
}

/** The graph and file map stored under `key`, or undefined when the copy is missing, older or unreadable. */
export function readGraphSnapshot(file: string, key: string): { graph: ProjectGraph; projectFiles: ProjectFiles } | undefined {
  try {
    const snapshot = JSON.parse(fs.readFileSync(file, 'utf8')) as Snapshot;
    if (snapshot?.format !== FORMAT || snapshot.key !== key) return undefined;
    return decodeSnapshot(snapshot);
  } catch {
    return undefined;
  }
}

/** Writes the copy of `graph` and `projectFiles` under `key` (atomically; a failure costs only speed). */
export function writeGraphSnapshot(file: string, key: string, graph: ProjectGraph, projectFiles: ProjectFiles): void {
  writeCacheFile(file, JSON.stringify(encodeSnapshot(key, graph, projectFiles)));
}

/** Builds the compact form; exported for the round-trip test. */
export function encodeSnapshot(key: string, graph: ProjectGraph, projectFiles: ProjectFiles): Snapshot {
  const strings: string[] = [];
  const stringIds = new Map<string, number>();
  const intern = (value: string) => {
    let id = stringIds.get(value);
    if (id === undefined) stringIds.set(value, (id = strings.push(value) - 1));
    return id;
  };
  const targets: unknown[] = [];
  const targetIds = new Map<string, number>();
  const nodes: Snapshot['nodes'] = Object.entries(graph.nodes).map(([name, node]) => {
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
  const dependencies: Snapshot['dependencies'] = Object.entries(graph.dependencies).map(([source, deps]) => {
    const flat: number[] = [];
    for (const dep of deps) {
      const plain = Object.keys(dep).length === 3 && dep.source === source && typeof dep.target === 'string' && typeof dep.type === 'string';
      if (plain) flat.push(intern(dep.target), intern(dep.type));
      else flat.push(-1 - (odd.push(dep) - 1));
    }
    return [intern(source), flat];
  });
  const files: Snapshot['files'] = Object.entries(projectFiles).map(([project, list]) => {
    const root = graph.nodes[project]?.data.root;
    const prefix = root && root !== '.' ? `${root}/` : '';
    return [intern(project), prefix, list.map((data) => encodeFile(data, prefix, intern))];
  });
  const { nodes: _nodes, dependencies: _dependencies, ...rest } = graph;
  return { format: FORMAT, key, strings, targets, rest, nodes, dependencies, odd, files };
}

/** A file under its project's root loses the root; any other keeps its path behind a `/`. */
function encodeFile(data: FileData, prefix: string, intern: (value: string) => number): Snapshot['files'][number][2][number] {
  const path = prefix && data.file.startsWith(prefix) ? data.file.slice(prefix.length) : `/${data.file}`;
  if (data.deps === undefined) return [path, data.hash];
  const deps = data.deps.map((dep) => (Array.isArray(dep) ? dep.map((part) => intern(part as string)) : intern(dep)));
  return [path, data.hash, deps];
}

function decodeSnapshot(snapshot: Snapshot): { graph: ProjectGraph; projectFiles: ProjectFiles } {
  const { strings, targets } = snapshot;
  const nodes: ProjectGraph['nodes'] = {};
  for (const [name, node, refs] of snapshot.nodes) {
    const data = node.data as Record<string, unknown>;
    // Target definitions are shared between nodes: the context rules read is read-only.
    if (refs) data.targets = Object.fromEntries(Object.entries(refs).map(([targetName, id]) => [targetName, targets[id]]));
    nodes[name] = node as unknown as ProjectGraph['nodes'][string];
  }
  const dependencies: ProjectGraph['dependencies'] = {};
  for (const [sourceId, flat] of snapshot.dependencies) {
    const source = strings[sourceId];
    const deps: ProjectGraphDependency[] = [];
    for (let i = 0; i < flat.length; i++) {
      if (flat[i] < 0) deps.push(snapshot.odd[-1 - flat[i]]);
      else deps.push({ source, target: strings[flat[i]], type: strings[flat[++i]] } as ProjectGraphDependency);
    }
    dependencies[source] = deps;
  }
  const projectFiles: ProjectFiles = {};
  for (const [projectId, prefix, list] of snapshot.files) {
    projectFiles[strings[projectId]] = list.map(([path, hash, deps]): FileData => {
      const file = path.startsWith('/') ? path.slice(1) : prefix + path;
      if (deps === undefined) return { file, hash };
      return { file, hash, deps: deps.map((dep) => (Array.isArray(dep) ? dep.map((id) => strings[id]) : strings[dep])) as FileData['deps'] };
    });
  }
  const graph = { ...snapshot.rest, nodes, dependencies } as unknown as ProjectGraph;
  return { graph, projectFiles };
}
