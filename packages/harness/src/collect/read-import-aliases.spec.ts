import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { ProjectGraph } from '@nx/devkit';
import { createPackageOwnerLookup, readExportedSubpaths } from './read-import-aliases';

const graph: ProjectGraph = {
  nodes: {
    data: {
      name: 'data',
      type: 'lib',
      data: { root: 'libs/data', metadata: { js: { packageName: '@shop/data', packageExports: { '.': './src/index.ts', './testing': {}, './*': {} } } } } as never,
    },
    cart: { name: 'cart', type: 'lib', data: { root: 'libs/cart' } },
    plain: { name: 'plain', type: 'lib', data: { root: 'libs/plain', metadata: { js: { packageName: '@shop/plain', packageExports: './index.js' } } } as never },
  },
  dependencies: {},
};

describe('readExportedSubpaths', () => {
  it('lists the exact subpaths of a package.json exports map as specifiers, leaving out "." and patterns', () => {
    expect(readExportedSubpaths(graph, 'data')).toEqual(['@shop/data/testing']);
  });

  it('is empty without a package name or with a string exports field', () => {
    expect(readExportedSubpaths(graph, 'cart')).toEqual([]);
    expect(readExportedSubpaths(graph, 'plain')).toEqual([]);
  });
});

describe('createPackageOwnerLookup', () => {
  let root = '';
  beforeAll(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'harness-owners-'));
    fs.mkdirSync(path.join(root, 'libs/cart'), { recursive: true });
    fs.writeFileSync(path.join(root, 'libs/cart/package.json'), '{ "name": "@shop/cart" }');
  });
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  it("finds a project by Nx's packageName or by its package.json name", () => {
    const ownerOf = createPackageOwnerLookup(root, graph);
    expect(ownerOf('@shop/data')).toBe('data');
    expect(ownerOf('@shop/cart')).toBe('cart');
    expect(ownerOf('@shop/nobody')).toBeUndefined();
  });
});
