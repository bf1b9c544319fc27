import type { ProjectGraph } from '@nx/devkit';
import { createFileIndex, createLazyRecord } from './file-index';

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

describe('createLazyRecord', () => {
  it('computes each value on first read and behaves as a plain record', () => {
    let calls = 0;
    const record = createLazyRecord<string[]>((key) => (calls++, key.startsWith('a') ? [key] : undefined), () => ['a1', 'b1']);
    expect(record.a1).toEqual(['a1']);
    expect(record.a1).toBe(record.a1);
    expect(calls).toBe(1);
    expect(record.b1).toBeUndefined();
    expect('a2' in record).toBe(true);
    record.c = ['set'];
    delete record.a2;
    expect(Object.keys(record).sort()).toEqual(['a1', 'c']);
    expect({ ...record }).toEqual({ a1: ['a1'], c: ['set'] });
  });
});
