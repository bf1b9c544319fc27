import type { ProjectGraph, ProjectGraphDependency } from '@nx/devkit';
import type { UnknownDep } from './types';

/** What one file dependency of Nx's file map names, once mapped. */
export type ResolvedDep =
  | { kind: 'project'; project: string }
  | { kind: 'external'; node: string }
  | { kind: 'unknown'; node: string; packageName?: string };

/**
 * Maps the nodes Nx's file map names to what they reach. An `npm:` node that is not among Nx's
 * external nodes but names a workspace project's package (`npm:@org/cart`, `npm:@org/cart@1.0.0`)
 * is that project: Nx's npm resolution records a linked workspace package that way in some
 * layouts, while its graph holds no such node, so every rule would otherwise skip the edge.
 * `ownerOf` is asked only for such nodes, so the common case reads no package.json.
 */
export function createDepResolver(
  graph: ProjectGraph,
  ownerOf: (packageName: string) => string | undefined,
): (dep: string) => ResolvedDep {
  return (dep) => {
    if (graph.nodes[dep]) return { kind: 'project', project: dep };
    if (graph.externalNodes?.[dep]) return { kind: 'external', node: dep };
    const pkg = readPackageOfNode(dep);
    const project = pkg ? ownerOf(pkg) : undefined;
    return project ? { kind: 'project', project } : { kind: 'unknown', node: dep, packageName: pkg };
  };
}

/** What mapping a file map's deps found beside the deps: edges Nx's graph may lack, and nodes nobody owns. */
export interface DepGaps {
  unknownDeps: Record<string, UnknownDep[]>;
  mappedEdges: MappedEdge[];
}

/** A file's deps with workspace packages mapped to their projects; records what it mapped and what it could not. */
export function mapFileDeps(
  project: string,
  file: string,
  deps: string[],
  resolve: (dep: string) => ResolvedDep,
  gaps: DepGaps,
): string[] {
  const mapped = new Set<string>();
  for (const dep of deps) {
    const resolved = resolve(dep);
    if (resolved.kind === 'project') {
      mapped.add(resolved.project);
      if (resolved.project !== dep) gaps.mappedEdges.push({ source: project, target: resolved.project, file });
      continue;
    }
    // An unknown node stays listed too: an `npm:` one is still judged as an external package.
    if (resolved.kind === 'unknown') (gaps.unknownDeps[file] ??= []).push({ node: dep, packageName: resolved.packageName });
    mapped.add(dep);
  }
  return [...mapped];
}

/**
 * The package an `npm:` node names: `npm:@org/cart` and `npm:@org/cart@1.0.0` → `@org/cart`,
 * `npm:@org/cart/sub` → `@org/cart`, `npm:alias@npm:real@1.0.0` → `alias` (what the file imports).
 */
export function readPackageOfNode(node: string): string | undefined {
  if (!node.startsWith('npm:')) return undefined;
  const rest = node.slice('npm:'.length);
  const versionAt = rest.indexOf('@', rest.startsWith('@') ? 1 : 0);
  const spec = versionAt < 0 ? rest : rest.slice(0, versionAt);
  const parts = spec.split('/');
  const name = spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
  return name && name !== '@' ? name : undefined;
}

/** A project edge found through a mapped file dependency. */
export interface MappedEdge {
  source: string;
  target: string;
  file: string;
}

/**
 * Adds the project edges that mapped file dependencies carry and Nx's graph lacks, so that rules
 * reading the graph (cycles, transitive constraints) see them too. Returns `graph` itself when
 * nothing is missing; otherwise a copy, leaving Nx's object untouched.
 */
export function addMissingEdges(graph: ProjectGraph, edges: MappedEdge[]): ProjectGraph {
  const missing = edges.filter(
    (e) => e.source !== e.target && !(graph.dependencies[e.source] ?? []).some((d) => d.target === e.target),
  );
  if (missing.length === 0) return graph;
  const dependencies: Record<string, ProjectGraphDependency[]> = { ...graph.dependencies };
  for (const { source, target, file } of missing) {
    const list = (dependencies[source] = [...(dependencies[source] ?? [])]);
    if (!list.some((d) => d.target === target)) list.push({ source, target, type: 'static', sourceFile: file } as ProjectGraphDependency);
  }
  return { ...graph, dependencies };
}
