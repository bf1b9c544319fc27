import type { ProjectGraph } from '@nx/devkit';
import { addMissingEdges, createDepResolver, mapFileDeps, readPackageOfNode, type DepGaps } from './resolve-file-deps';

function createGraph(): ProjectGraph {
  return {
    nodes: {
      cart: { name: 'cart', type: 'lib', data: { root: 'libs/cart' } },
      products: { name: 'products', type: 'lib', data: { root: 'libs/products' } },
    },
    externalNodes: { 'npm:react': { name: 'npm:react', type: 'npm', data: { version: '18.0.0', packageName: 'react' } } },
    dependencies: { cart: [], products: [] },
  };
}

const owners: Record<string, string> = { '@shop/products': 'products', '@shop/cart': 'cart' };

describe('readPackageOfNode', () => {
  it.each([
    ['npm:@shop/products', '@shop/products'],
    ['npm:@shop/products@0.0.1', '@shop/products'],
    ['npm:@shop/products/sub', '@shop/products'],
    ['npm:lodash', 'lodash'],
    ['npm:lodash@4.17.21', 'lodash'],
    ['npm:alias@npm:real@1.0.0', 'alias'],
    ['products', undefined],
    ['npm:@', undefined],
  ])('%s names %s', (node, pkg) => {
    expect(readPackageOfNode(node)).toBe(pkg);
  });
});

describe('createDepResolver', () => {
  const resolve = createDepResolver(createGraph(), (pkg) => owners[pkg]);

  it('keeps projects and external nodes as they are', () => {
    expect(resolve('products')).toEqual({ kind: 'project', project: 'products' });
    expect(resolve('npm:react')).toEqual({ kind: 'external', node: 'npm:react' });
  });

  it("maps an npm: node that Nx's graph lacks to the project owning the package, with or without a version", () => {
    expect(resolve('npm:@shop/products')).toEqual({ kind: 'project', project: 'products' });
    expect(resolve('npm:@shop/products@0.0.1')).toEqual({ kind: 'project', project: 'products' });
  });

  it('calls a node unknown when no project owns it', () => {
    expect(resolve('npm:@shop/gone')).toEqual({ kind: 'unknown', node: 'npm:@shop/gone', packageName: '@shop/gone' });
    expect(resolve('deleted-project')).toEqual({ kind: 'unknown', node: 'deleted-project', packageName: undefined });
  });

  it('does not read package owners for deps Nx already placed', () => {
    const ownerOf = jest.fn((pkg: string) => owners[pkg]);
    const lookup = createDepResolver(createGraph(), ownerOf);
    lookup('products');
    lookup('npm:react');
    expect(ownerOf).not.toHaveBeenCalled();
  });
});

describe('mapFileDeps', () => {
  it('maps the deps, and records the edges it mapped and the nodes it could not', () => {
    const gaps: DepGaps = { unknownDeps: {}, mappedEdges: [] };
    const resolve = createDepResolver(createGraph(), (pkg) => owners[pkg]);
    const file = 'libs/cart/src/a.ts';
    expect(mapFileDeps('cart', file, ['npm:@shop/products', 'products', 'npm:react', 'npm:@shop/gone'], resolve, gaps)).toEqual([
      'products',
      'npm:react',
      'npm:@shop/gone',
    ]);
    expect(gaps.mappedEdges).toEqual([{ source: 'cart', target: 'products', file }]);
    expect(gaps.unknownDeps).toEqual({ [file]: [{ node: 'npm:@shop/gone', packageName: '@shop/gone' }] });
  });
});

describe('addMissingEdges', () => {
  it("returns Nx's graph itself when every mapped edge is already there", () => {
    const graph = createGraph();
    graph.dependencies.cart.push({ source: 'cart', target: 'products', type: 'static' });
    expect(addMissingEdges(graph, [{ source: 'cart', target: 'products', file: 'a.ts' }])).toBe(graph);
  });

  it("adds a missing edge in a copy, leaving Nx's graph untouched", () => {
    const graph = createGraph();
    const added = addMissingEdges(graph, [
      { source: 'cart', target: 'products', file: 'a.ts' },
      { source: 'cart', target: 'products', file: 'b.ts' },
      { source: 'cart', target: 'cart', file: 'c.ts' },
    ]);
    expect(added.dependencies.cart).toEqual([{ source: 'cart', target: 'products', type: 'static', sourceFile: 'a.ts' }]);
    expect(graph.dependencies.cart).toEqual([]);
    expect(added.nodes).toBe(graph.nodes);
  });
});
