import type { ProjectGraph } from '@nx/devkit';
import fc from 'fast-check';
import { buildProjectAdjacency, findComponentOf, findComponents, isDependedOn, replaceNeighbours } from './graph-paths';

/**
 * A check of one project finds its component and its dependents from what it reaches alone, and
 * builds the adjacency one project at a time; all three must agree with a pass over the whole graph.
 */
function createGraph(size: number, edges: Array<[number, number]>): ProjectGraph {
  const graph: ProjectGraph = { nodes: {}, dependencies: {}, externalNodes: {} };
  for (let i = 0; i < size; i++) {
    graph.nodes[`p${i}`] = { name: `p${i}`, type: 'lib', data: { root: `p${i}` } };
    graph.dependencies[`p${i}`] = [];
  }
  for (const [a, b] of edges) graph.dependencies[`p${a % size}`].push({ source: `p${a % size}`, target: b < 0 ? 'npm:x' : `p${b % size}`, type: 'static' });
  return graph;
}

const graphs = fc
  .integer({ min: 1, max: 12 })
  .chain((size) => fc.tuple(fc.constant(size), fc.array(fc.tuple(fc.nat(size * 2), fc.integer({ min: -1, max: size * 2 })), { maxLength: size * 3 })));

function listComponentOf(components: ReadonlyMap<string, number>, project: string): string[] {
  return [...components].filter(([, id]) => id === components.get(project)).map(([name]) => name).sort();
}

describe('one project against the whole graph', () => {
  it('gives every project the component findComponents gives, asked once or many times', () => {
    fc.assert(
      fc.property(graphs, ([size, edges]) => {
        const graph = createGraph(size, edges);
        const whole = findComponents(buildProjectAdjacency(createGraph(size, edges)));
        // A fresh adjacency per project: each ask is local. The shared one switches to one pass.
        for (const name of Object.keys(graph.nodes)) {
          expect([...findComponentOf(buildProjectAdjacency(createGraph(size, edges)), name)].sort()).toEqual(listComponentOf(whole, name));
          expect([...findComponentOf(buildProjectAdjacency(graph), name)].sort()).toEqual(listComponentOf(whole, name));
        }
      }),
    );
  });

  it('says a project is depended on exactly when some adjacency lists it', () => {
    fc.assert(
      fc.property(graphs, ([size, edges]) => {
        const graph = createGraph(size, edges);
        const listed = new Set([...buildProjectAdjacency(createGraph(size, edges)).values()].flat());
        for (let round = 0; round < 2; round++) {
          for (const name of Object.keys(graph.nodes)) expect(isDependedOn(graph, name)).toBe(listed.has(name));
        }
      }),
    );
  });

  it('iterates like a map and reads replaced neighbours through an overlay', () => {
    const adjacency = buildProjectAdjacency(createGraph(3, [[0, 2], [0, 1], [0, 0], [0, -1], [1, 2]]));
    expect([...adjacency]).toEqual([['p0', ['p1', 'p2']], ['p1', ['p2']], ['p2', []]]);
    expect(adjacency.size).toBe(3);
    expect(adjacency.has('p3')).toBe(false);
    const overlay = replaceNeighbours(adjacency, 'p2', ['p0']);
    expect([...overlay.entries()]).toEqual([['p0', ['p1', 'p2']], ['p1', ['p2']], ['p2', ['p0']]]);
    expect([...findComponentOf(overlay, 'p1')].sort()).toEqual(['p0', 'p1', 'p2']);
  });
});
