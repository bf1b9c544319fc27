import type { ProjectGraph } from '@nx/devkit';
import { buildProjectAdjacency, findComponents, findShortestPath } from './graph-paths';

function createGraph(edges: Array<[string, string]>, extraNodes: string[] = []): ProjectGraph {
  const graph: ProjectGraph = { nodes: {}, dependencies: {}, externalNodes: {} };
  const names = new Set([...edges.flat(), ...extraNodes].filter((n) => !n.startsWith('npm:')));
  for (const name of names) {
    graph.nodes[name] = { name, type: 'lib', data: { root: name } };
    graph.dependencies[name] = [];
  }
  for (const [source, target] of edges) graph.dependencies[source].push({ source, target, type: 'static' });
  return graph;
}

describe('buildProjectAdjacency', () => {
  it('keeps sorted project edges and drops npm nodes and self edges', () => {
    const adjacency = buildProjectAdjacency(
      createGraph([
        ['a', 'c'],
        ['a', 'b'],
        ['a', 'npm:lodash'],
        ['a', 'a'],
      ]),
    );
    expect(adjacency.get('a')).toEqual(['b', 'c']);
  });

  it('returns the same adjacency for the same graph object', () => {
    const graph = createGraph([['a', 'b']]);
    expect(buildProjectAdjacency(graph)).toBe(buildProjectAdjacency(graph));
  });
});

describe('findShortestPath', () => {
  it('takes the shortest route', () => {
    const adjacency = buildProjectAdjacency(
      createGraph([
        ['a', 'b'],
        ['b', 'c'],
        ['c', 'd'],
        ['a', 'd'],
      ]),
    );
    expect(findShortestPath(adjacency, 'a', 'd')).toEqual(['a', 'd']);
    expect(findShortestPath(adjacency, 'b', 'd')).toEqual(['b', 'c', 'd']);
  });

  it('returns undefined when the target is out of reach', () => {
    const adjacency = buildProjectAdjacency(createGraph([['a', 'b']]));
    expect(findShortestPath(adjacency, 'b', 'a')).toBeUndefined();
  });
});

describe('findComponents', () => {
  it('puts the projects of a cycle in one component and the rest alone', () => {
    const components = findComponents(
      buildProjectAdjacency(
        createGraph([
          ['a', 'b'],
          ['b', 'c'],
          ['c', 'a'],
          ['c', 'd'],
          ['e', 'd'],
        ]),
      ),
    );
    expect(components.get('a')).toBe(components.get('b'));
    expect(components.get('a')).toBe(components.get('c'));
    expect(components.get('d')).not.toBe(components.get('a'));
    expect(components.get('e')).not.toBe(components.get('d'));
  });

  it('handles a 5,000-project chain without overflowing the stack', () => {
    const edges: Array<[string, string]> = [];
    for (let i = 0; i < 5000; i++) edges.push([`p${i}`, `p${i + 1}`]);
    edges.push(['p5000', 'p0']);
    const components = findComponents(buildProjectAdjacency(createGraph(edges)));
    expect(new Set(components.values()).size).toBe(1);
  });
});
