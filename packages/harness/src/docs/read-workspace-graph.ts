import { getProjects, readCachedProjectGraph, workspaceRoot, type Tree } from '@nx/devkit';
import * as path from 'node:path';

/** Projects with their tags, targets and project-level edges, as the docs need them. */
export interface WorkspaceGraph {
  projects: Array<{ name: string; root: string; tags: string[]; targets: string[] }>;
  edges: Array<[string, string]>;
}

/**
 * Projects and targets as the tree declares them (plus the inferred `harness-check`), and the
 * import edges of Nx's cached graph. Targets come from the tree, not the graph, on purpose: a
 * generator runs before Nx has inferred the new module's targets, and `nx sync` runs after, so
 * only declared targets give both the same commands list and keep `nx sync:check` green after
 * `nx g harness:module`. Every target listed therefore exists.
 */
export function readWorkspaceGraph(tree: Tree): WorkspaceGraph {
  const declared = [...getProjects(tree).entries()]
    .filter(([, p]) => p.root && p.root !== '.')
    .map(([name, p]) => ({ name, root: p.root, tags: p.tags ?? [], targets: Object.keys(p.targets ?? {}) }));
  if (path.resolve(tree.root) !== path.resolve(workspaceRoot)) return { projects: declared, edges: [] };
  let graph;
  try {
    graph = readCachedProjectGraph();
  } catch {
    return { projects: declared, edges: [] };
  }
  const inGraph = new Set(Object.keys(graph.nodes));
  const projects = declared;
  const edges: Array<[string, string]> = [];
  for (const [source, deps] of Object.entries(graph.dependencies)) {
    if (!inGraph.has(source)) continue;
    for (const d of deps) if (inGraph.has(d.target) && d.target !== source) edges.push([source, d.target]);
  }
  return { projects, edges };
}
