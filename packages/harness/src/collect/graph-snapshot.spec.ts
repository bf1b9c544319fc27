import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { ProjectGraph } from '@nx/devkit';
import { isDependedOn } from '../core/graph-paths';
import { describeCacheFiles, readGraphSnapshot, writeGraphSnapshot } from './graph-snapshot';
import type { ProjectFiles } from './read-file-map';

const target = { executor: 'harness:check', inputs: ['{projectRoot}/**/*'], options: {} };
const graph = {
  version: '6.0',
  nodes: {
    cart: { name: 'cart', type: 'lib', data: { root: 'libs/cart', tags: ['scope:shop'], targets: { 'harness-check': target, build: { executor: 'x' } } } },
    products: { name: 'products', type: 'lib', data: { root: 'libs/products', tags: [], targets: { 'harness-check': { ...target } } } },
    repo: { name: 'repo', type: 'lib', data: { root: '.' } },
  },
  externalNodes: { 'npm:yaml': { name: 'npm:yaml', type: 'npm', data: { version: '2.0.0', packageName: 'yaml' } } },
  dependencies: {
    cart: [
      { source: 'cart', target: 'products', type: 'static' },
      { source: 'cart', target: 'npm:yaml', type: 'static', sourceFile: 'libs/cart/src/a.ts' },
    ],
    products: [],
    repo: [{ source: 'repo', target: 'cart', type: 'implicit' }],
  },
} as unknown as ProjectGraph;
const projectFiles: ProjectFiles = {
  cart: [
    { file: 'libs/cart/src/a.ts', hash: '1', deps: ['products', ['npm:yaml', 'static']] as unknown as string[] },
    { file: 'libs/cart/README.md', hash: '2' },
    { file: 'elsewhere/odd.ts', hash: '3', deps: [] },
  ],
  products: [{ file: 'libs/products/src/index.ts', hash: '4', deps: ['npm:yaml'] }],
  repo: [{ file: 'nx.json', hash: '5' }],
};

describe('graph snapshot', () => {
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'harness-snapshot-'))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('gives back the same graph and file map it was written from', () => {
    const file = path.join(dir, 'snapshot.json');
    writeGraphSnapshot(file, 'k1', graph, projectFiles);
    const read = readGraphSnapshot(file, 'k1');
    expect(read?.graph).toEqual(graph);
    expect(read?.projectFiles).toEqual(projectFiles);
    expect(fs.statSync(file).size).toBeLessThan(JSON.stringify({ graph, projectFiles }).length);
  });

  it('answers isDependedOn from its compact edges as the decoded graph would', () => {
    const file = path.join(dir, 'snapshot.json');
    writeGraphSnapshot(file, 'k1', graph, projectFiles);
    const read = readGraphSnapshot(file, 'k1')!;
    for (const name of Object.keys(graph.nodes)) expect([name, isDependedOn(read.graph, name)]).toEqual([name, isDependedOn(graph, name)]);
    expect(isDependedOn(read.graph, 'products')).toBe(true);
    expect(isDependedOn(read.graph, 'repo')).toBe(false);
  });

  it('is ignored under another key, or when missing or unreadable', () => {
    const file = path.join(dir, 'snapshot.json');
    writeGraphSnapshot(file, 'k1', graph, projectFiles);
    expect(readGraphSnapshot(file, 'k2')).toBeUndefined();
    expect(readGraphSnapshot(path.join(dir, 'none.json'), 'k1')).toBeUndefined();
    fs.writeFileSync(file, '{"format":2,"key":"k1"');
    expect(readGraphSnapshot(file, 'k1')).toBeUndefined();
  });

  it('is ignored when cut short or longer than its header says', () => {
    const file = path.join(dir, 'snapshot.json');
    writeGraphSnapshot(file, 'k1', graph, projectFiles);
    const whole = fs.readFileSync(file);
    fs.writeFileSync(file, whole.subarray(0, whole.length - 5));
    expect(readGraphSnapshot(file, 'k1')).toBeUndefined();
    fs.writeFileSync(file, Buffer.concat([whole, Buffer.from('[]\n')]));
    expect(readGraphSnapshot(file, 'k1')).toBeUndefined();
  });

  it("stores each project's file-list summary, and decodes a list only when it is read", () => {
    const file = path.join(dir, 'snapshot.json');
    writeGraphSnapshot(file, 'k1', graph, projectFiles);
    const lines = fs.readFileSync(file, 'utf8').split('\n');
    // Spoil the products line (same length): reading only cart's list must not notice.
    const products = lines.findIndex((line) => line.includes('src/index.ts'));
    lines[products] = lines[products].replace(/[^\s]/g, ' ');
    fs.writeFileSync(file, lines.join('\n'));
    const read = readGraphSnapshot(file, 'k1')!;
    expect(read.projectFiles.cart).toEqual(projectFiles.cart);
    expect(() => read.projectFiles.products).toThrow();
    expect(Object.fromEntries(read.fileSummaries)).toEqual({
      cart: { plain: false, sourceEdge: false },
      products: { plain: true, sourceEdge: true },
      repo: { plain: true, sourceEdge: false },
    });
  });

  it('keys on the size and time of every cache file, and on none when one is missing', () => {
    const a = path.join(dir, 'a.json');
    fs.writeFileSync(a, '{}');
    const key = describeCacheFiles([fs.statSync(a), fs.statSync(a)]);
    fs.writeFileSync(a, '{"x":1}');
    expect(describeCacheFiles([fs.statSync(a), fs.statSync(a)])).not.toBe(key);
    expect(describeCacheFiles([fs.statSync(a), undefined])).toBeUndefined();
  });
});
