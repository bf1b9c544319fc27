import type { ProjectGraph } from '@nx/devkit';

/** Project → the workspace projects it depends on, sorted, without `npm:` nodes or self edges. */
export type ProjectAdjacency = ReadonlyMap<string, readonly string[]>;

const adjacencyByGraph = new WeakMap<ProjectGraph, ProjectAdjacency>();

/**
 * The project-only adjacency of an Nx graph, one object per graph object, because every project's
 * check asks for it. A project's neighbours are worked out when first asked for: a check of one
 * project walks only what that project reaches, not the 29,000 edges of a 1,000-project graph.
 * Sorted neighbours make every path below the same on each run.
 */
export function buildProjectAdjacency(graph: ProjectGraph): ProjectAdjacency {
  let adjacency = adjacencyByGraph.get(graph);
  if (!adjacency) adjacencyByGraph.set(graph, (adjacency = new LazyAdjacency(graph)));
  return adjacency;
}

/** Iteration for the adjacency views below, over `keys()` and `get()`. */
abstract class AdjacencyView implements ProjectAdjacency {
  abstract readonly size: number;
  abstract has(name: string): boolean;
  abstract get(name: string): readonly string[] | undefined;
  abstract keys(): MapIterator<string>;

  *values(): MapIterator<readonly string[]> {
    for (const name of this.keys()) yield this.get(name)!;
  }

  *entries(): MapIterator<[string, readonly string[]]> {
    for (const name of this.keys()) yield [name, this.get(name)!];
  }

  [Symbol.iterator](): MapIterator<[string, readonly string[]]> {
    return this.entries();
  }

  forEach(callback: (value: readonly string[], key: string, map: ProjectAdjacency) => void): void {
    for (const [name, targets] of this.entries()) callback(targets, name, this);
  }
}

class LazyAdjacency extends AdjacencyView {
  private readonly built = new Map<string, string[]>();
  constructor(private readonly graph: ProjectGraph) {
    super();
  }

  get size(): number {
    return Object.keys(this.graph.nodes).length;
  }

  has(name: string): boolean {
    return Object.prototype.hasOwnProperty.call(this.graph.nodes, name);
  }

  get(name: string): readonly string[] | undefined {
    let targets = this.built.get(name);
    if (targets || !this.has(name)) return targets;
    const unique = new Set<string>();
    for (const dep of this.graph.dependencies[name] ?? []) {
      if (dep.target !== name && this.has(dep.target)) unique.add(dep.target);
    }
    this.built.set(name, (targets = [...unique].sort()));
    return targets;
  }

  keys(): MapIterator<string> {
    return Object.keys(this.graph.nodes)[Symbol.iterator]();
  }
}

class OverlayAdjacency extends AdjacencyView {
  constructor(
    private readonly base: ProjectAdjacency,
    private readonly project: string,
    private readonly targets: readonly string[],
  ) {
    super();
  }

  get size(): number {
    return this.base.size;
  }

  has(name: string): boolean {
    return this.base.has(name);
  }

  get(name: string): readonly string[] | undefined {
    return name === this.project ? this.targets : this.base.get(name);
  }

  keys(): MapIterator<string> {
    return this.base.keys();
  }
}

/** `adjacency` with `project`'s neighbours replaced by `targets`, the rest read through. */
export function replaceNeighbours(adjacency: ProjectAdjacency, project: string, targets: readonly string[]): ProjectAdjacency {
  return new OverlayAdjacency(adjacency, project, targets);
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

/**
 * A check asks this many times per adjacency before the whole graph's components (or its set of
 * depended-on projects) are computed once instead: one-file checks ask once, batches ask for
 * every project and are better served by one pass over the graph.
 */
const LOCAL_LIMIT = 8;
const componentLookups = new WeakMap<ProjectAdjacency, { calls: number; byProject?: Map<string, ReadonlySet<string>> }>();

/**
 * The projects on a common cycle with `project` (its strongly connected component, itself
 * included): the same set as findComponents gives, found from what the project reaches alone.
 */
export function findComponentOf(adjacency: ProjectAdjacency, project: string): ReadonlySet<string> {
  let state = componentLookups.get(adjacency);
  if (!state) componentLookups.set(adjacency, (state = { calls: 0 }));
  if (!state.byProject && ++state.calls > LOCAL_LIMIT) state.byProject = groupComponents(findComponents(adjacency));
  return state.byProject?.get(project) ?? findLocalComponent(adjacency, project);
}

function groupComponents(components: ReadonlyMap<string, number>): Map<string, ReadonlySet<string>> {
  const members = new Map<number, Set<string>>();
  for (const [project, id] of components) {
    let set = members.get(id);
    if (!set) members.set(id, (set = new Set()));
    set.add(project);
  }
  return new Map([...components].map(([project, id]) => [project, members.get(id)!]));
}

/**
 * Forward from `start` over everything it reaches, noting each edge backwards; then back from
 * `start` over those edges. A project found both ways reaches `start` and is reached from it, and
 * any path back to `start` stays among the reached projects, so this is exactly its component.
 */
function findLocalComponent(adjacency: ProjectAdjacency, start: string): Set<string> {
  const reached = new Set([start]);
  const predecessors = new Map<string, string[]>();
  const queue = [start];
  for (let i = 0; i < queue.length; i++) {
    for (const next of adjacency.get(queue[i]) ?? []) {
      let list = predecessors.get(next);
      if (!list) predecessors.set(next, (list = []));
      list.push(queue[i]);
      if (reached.has(next)) continue;
      reached.add(next);
      queue.push(next);
    }
  }
  const component = new Set([start]);
  const back = [start];
  for (let i = 0; i < back.length; i++) {
    for (const previous of predecessors.get(back[i]) ?? []) {
      if (component.has(previous)) continue;
      component.add(previous);
      back.push(previous);
    }
  }
  return component;
}

const dependedOnByGraph = new WeakMap<ProjectGraph, { calls: number; targets?: ReadonlySet<string> }>();

/**
 * Tells isDependedOn the projects that some other project depends on in `graph`, when the caller
 * already knows them cheaply (the graph snapshot reads them off its compact edges), so that a
 * one-file check does not build thousands of edge objects to answer one question.
 */
export function rememberDependedOn(graph: ProjectGraph, targets: ReadonlySet<string>): void {
  dependedOnByGraph.set(graph, { calls: 0, targets });
}

/**
 * Whether another project depends on `project` (it is in some project's adjacency). The first
 * asks scan the graph's edges without building the adjacency; later ones share one set.
 */
export function isDependedOn(graph: ProjectGraph, project: string): boolean {
  let state = dependedOnByGraph.get(graph);
  if (!state) dependedOnByGraph.set(graph, (state = { calls: 0 }));
  if (!state.targets && ++state.calls > LOCAL_LIMIT) state.targets = new Set([...buildProjectAdjacency(graph).values()].flat());
  if (state.targets) return state.targets.has(project);
  // Over the nodes, not the dependency record's keys: a snapshot's record decodes a project's
  // edges when they are read, and this stops at the first project that depends on `project`.
  for (const source of Object.keys(graph.nodes)) {
    if (source === project) continue;
    for (const dep of graph.dependencies[source] ?? []) if (dep.target === project) return true;
  }
  return false;
}
