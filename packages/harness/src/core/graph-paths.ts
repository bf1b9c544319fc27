import type { ProjectGraph } from '@nx/devkit';

/** Project → the workspace projects it depends on, sorted, without `npm:` nodes or self edges. */
export type ProjectAdjacency = ReadonlyMap<string, readonly string[]>;

const adjacencyByGraph = new WeakMap<ProjectGraph, ProjectAdjacency>();

/**
 * Builds the project-only adjacency of an Nx graph once per graph object, because every project's
 * check asks for it. Sorted neighbours make every path below the same on each run.
 */
export function buildProjectAdjacency(graph: ProjectGraph): ProjectAdjacency {
  const cached = adjacencyByGraph.get(graph);
  if (cached) return cached;
  const adjacency = createAdjacency(Object.keys(graph.nodes), listGraphEdges(graph));
  adjacencyByGraph.set(graph, adjacency);
  return adjacency;
}

function* listGraphEdges(graph: ProjectGraph): Iterable<[string, string]> {
  for (const [source, deps] of Object.entries(graph.dependencies)) {
    for (const dep of deps) yield [source, dep.target];
  }
}

/**
 * The adjacency of `projects` from `[source, target]` pairs: edges to or from anything else (npm
 * nodes), self edges and repeats are dropped, and neighbours are sorted.
 */
export function createAdjacency(projects: Iterable<string>, edges: Iterable<readonly [string, string]>): ProjectAdjacency {
  const targetsOf = new Map<string, Set<string>>();
  for (const name of projects) targetsOf.set(name, new Set());
  for (const [source, target] of edges) {
    if (source !== target && targetsOf.has(target)) targetsOf.get(source)?.add(target);
  }
  return new Map([...targetsOf].map(([name, targets]) => [name, [...targets].sort()]));
}

/** Breadth-first parents from `start`: each reached project → the project it was reached from. */
export function findShortestParents(adjacency: ProjectAdjacency, start: string): Map<string, string | null> {
  const parents = new Map<string, string | null>([[start, null]]);
  const queue = [start];
  for (let i = 0; i < queue.length; i++) {
    for (const next of adjacency.get(queue[i]) ?? []) {
      if (parents.has(next)) continue;
      parents.set(next, queue[i]);
      queue.push(next);
    }
  }
  return parents;
}

/** The path `start … end` recorded in `parents`, or undefined when `end` was not reached. */
export function readPath(parents: ReadonlyMap<string, string | null>, end: string): string[] | undefined {
  if (!parents.has(end)) return undefined;
  const path: string[] = [];
  for (let node: string | null | undefined = end; node != null; node = parents.get(node)) path.push(node);
  return path.reverse();
}

/** A shortest path from `from` to `to` (both included), or undefined when there is none. */
export function findShortestPath(adjacency: ProjectAdjacency, from: string, to: string): string[] | undefined {
  return readPath(findShortestParents(adjacency, from), to);
}

const componentsByAdjacency = new WeakMap<ProjectAdjacency, Map<string, number>>();

/**
 * Strongly connected components (Tarjan), as project → component id, computed once per graph.
 * Two projects lie on a common cycle exactly when they share a component. Iterative, so a long
 * dependency chain in a 1,000-project workspace cannot overflow the stack.
 */
export function findComponents(adjacency: ProjectAdjacency): ReadonlyMap<string, number> {
  const cached = componentsByAdjacency.get(adjacency);
  if (cached) return cached;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const component = new Map<string, number>();
  let counter = 0;
  let componentCount = 0;
  for (const root of [...adjacency.keys()].sort()) {
    if (index.has(root)) continue;
    const work: Array<{ node: string; next: number }> = [{ node: root, next: 0 }];
    index.set(root, counter);
    low.set(root, counter++);
    stack.push(root);
    onStack.add(root);
    while (work.length > 0) {
      const frame = work[work.length - 1];
      const neighbours = adjacency.get(frame.node) ?? [];
      if (frame.next < neighbours.length) {
        const next = neighbours[frame.next++];
        if (!index.has(next)) {
          index.set(next, counter);
          low.set(next, counter++);
          stack.push(next);
          onStack.add(next);
          work.push({ node: next, next: 0 });
        } else if (onStack.has(next)) {
          low.set(frame.node, Math.min(low.get(frame.node)!, index.get(next)!));
        }
        continue;
      }
      work.pop();
      if (work.length > 0) {
        const parent = work[work.length - 1].node;
        low.set(parent, Math.min(low.get(parent)!, low.get(frame.node)!));
      }
      if (low.get(frame.node) === index.get(frame.node)) {
        let member: string;
        do {
          member = stack.pop()!;
          onStack.delete(member);
          component.set(member, componentCount);
        } while (member !== frame.node);
        componentCount++;
      }
    }
  }
  componentsByAdjacency.set(adjacency, component);
  return component;
}
