import type { ProjectGraph } from '@nx/devkit';
import { createFileIndex } from './file-index';

const graph = {
  nodes: {
    repo: { name: 'repo', type: 'lib', data: { root: '.' } },
    cart: { name: 'cart', type: 'lib', data: { root: 'libs/cart' } },
    'cart-e2e': { name: 'cart-e2e', type: 'app', data: { root: 'libs/cart/e2e' } },
  },
  dependencies: {},
} as unknown as ProjectGraph;
const projectFiles = {
  repo: [{ file: 'nx.json', hash: 'a' }, { file: 'docs/x.md', hash: 'b' }],
  cart: [{ file: 'libs/cart/src/a.ts', hash: 'c', deps: ['repo'] }],
  'cart-e2e': [{ file: 'libs/cart/e2e/src/b.ts', hash: 'd' }],
  stray: [{ file: 'stray/z.ts', hash: 'e' }],
};

describe('createFileIndex', () => {
  const index = createFileIndex(graph, projectFiles);

  it("finds a file's entry under the project with the deepest root above it", () => {
    expect(index.locate('libs/cart/src/a.ts')).toEqual({ project: 'cart', data: projectFiles.cart[0] });
    expect(index.locate('libs/cart/e2e/src/b.ts')?.project).toBe('cart-e2e');
    expect(index.locate('nx.json')?.project).toBe('repo');
    expect(index.locate('docs/x.md')?.project).toBe('repo');
  });

  it('knows no file the file map does not list, nor files of projects outside the graph', () => {
    expect(index.has('libs/cart/src/missing.ts')).toBe(false);
    expect(index.has('stray/z.ts')).toBe(false);
    expect(index.listFiles().sort()).toEqual(['docs/x.md', 'libs/cart/e2e/src/b.ts', 'libs/cart/src/a.ts', 'nx.json']);
  });
});
