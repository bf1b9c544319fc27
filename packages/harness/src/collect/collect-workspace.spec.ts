import { DependencyType } from '@nx/devkit';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { ProjectGraph } from '@nx/devkit';
import { DEFAULT_CONVENTIONS } from '../config/defaults';
import { collectWorkspace } from './collect-workspace';
import { summarizeFiles } from './file-deps-summary';

/**
 * The shape Nx leaves in some npm TS-solution workspaces: the file imports a linked workspace
 * package, and Nx's file map names it `npm:@shop/products`, a node in neither list of the graph.
 */
describe('collectWorkspace: file deps mapped to the projects they reach', () => {
  let root = '';
  beforeAll(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'harness-collect-'));
    const write = (file: string, text: string) => {
      fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      fs.writeFileSync(path.join(root, file), text);
    };
    write('package.json', JSON.stringify({ name: 'shop', devDependencies: { nx: '23.2.1' } }));
    write('libs/products/package.json', JSON.stringify({ name: '@shop/products' }));
    write('libs/cart/package.json', JSON.stringify({ name: '@shop/cart' }));
  });
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  const graph: ProjectGraph = {
    nodes: {
      cart: { name: 'cart', type: 'lib', data: { root: 'libs/cart' } },
      products: { name: 'products', type: 'lib', data: { root: 'libs/products' } },
      orders: {
        name: 'orders',
        type: 'lib',
        data: {
          root: 'libs/orders',
          metadata: { js: { packageName: '@shop/orders', packageExports: { '.': './src/index.ts', './testing': './src/testing.ts', './lib/*': './src/lib/*.ts' } } },
        } as never,
      },
    },
    externalNodes: {},
    dependencies: { cart: [], products: [], orders: [] },
  };
  const collect = (cartDeps = true) =>
    collectWorkspace({
      workspaceRoot: root,
      graph,
      config: { file: 'harness.yaml', constraints: [], rules: {}, conventions: DEFAULT_CONVENTIONS },
      projectFiles: {
        cart: [
          { file: 'libs/cart/src/a.ts', hash: '1', deps: cartDeps ? [['npm:@shop/products', DependencyType.static], 'npm:@shop/orders@1.0.0'] : [] },
          { file: 'libs/cart/src/b.ts', hash: '2', deps: cartDeps ? ['npm:@shop/nowhere'] : [] },
          { file: 'libs/cart/package.json', hash: '3', deps: ['products'] },
        ],
        products: [],
        orders: [],
      },
    });

  it("maps npm: nodes of workspace packages to their projects, by package.json name or Nx's packageName", async () => {
    const ctx = await collect();
    expect(ctx.fileDeps['libs/cart/src/a.ts']).toEqual(['products', 'orders']);
  });

  it("adds the edges they carry to the graph the rules read, not to Nx's own", async () => {
    const ctx = await collect();
    expect(ctx.graph.dependencies.cart.map((d) => d.target)).toEqual(['products', 'orders']);
    expect(graph.dependencies.cart).toEqual([]);
  });

  it('records a node nobody owns', async () => {
    const ctx = await collect();
    expect(ctx.unknownDeps).toEqual({ 'libs/cart/src/b.ts': [{ node: 'npm:@shop/nowhere', packageName: '@shop/nowhere' }] });
  });

  it('knows Nx analysed imports when a source file has deps, even without @nx/js declared', async () => {
    expect((await collect()).importAnalysis).toBe(true);
  });

  it('knows Nx analysed no imports when only package.json files have deps and no @nx/js is declared', async () => {
    expect((await collect(false)).importAnalysis).toBe(false);
  });

  it("takes the subpaths in a package's exports for entry points, but not its patterns", async () => {
    const ctx = await collect();
    expect(ctx.projects.orders.importAliases).toEqual(['@shop/orders', '@shop/orders/testing']);
    expect(ctx.resolveImport('libs/cart/src/a.ts', '@shop/orders/testing')).toMatchObject({ project: 'orders', viaEntryPoint: true });
    expect(ctx.resolveImport('libs/cart/src/a.ts', '@shop/orders/lib/x')).toMatchObject({ project: 'orders', viaEntryPoint: false });
  });
});

/**
 * `harness check` hands collect the file summaries of harness's graph snapshot, so that a project
 * whose deps are all plain is not walked. The context must be the one a full walk gives.
 */
describe('collectWorkspace: with the snapshot file summaries', () => {
  let root = '';
  beforeAll(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'harness-collect-summary-'));
    fs.writeFileSync(path.join(root, 'package.json'), JSON.stringify({ name: 'shop' }));
    fs.mkdirSync(path.join(root, 'libs/products'), { recursive: true });
    fs.writeFileSync(path.join(root, 'libs/products/package.json'), JSON.stringify({ name: '@shop/products' }));
  });
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  const graph: ProjectGraph = {
    nodes: {
      cart: { name: 'cart', type: 'lib', data: { root: 'libs/cart' } },
      products: { name: 'products', type: 'lib', data: { root: 'libs/products' } },
      ui: { name: 'ui', type: 'lib', data: { root: 'libs/ui', tags: ['type:ui'] } },
    },
    externalNodes: { 'npm:react': { name: 'npm:react', type: 'npm', data: { version: '19.0.0', packageName: 'react' } } },
    dependencies: { cart: [{ source: 'cart', target: 'ui', type: 'static' }], products: [], ui: [] },
  };
  const projectFiles = {
    // cart reaches products through an npm: node Nx did not match: it needs mapping.
    cart: [
      { file: 'libs/cart/src/index.ts', hash: '1', deps: ['ui', 'npm:@shop/products'] },
      { file: 'libs/cart/README.md', hash: '2' },
    ],
    products: [{ file: 'libs/products/src/index.ts', hash: '3', deps: [] }],
    ui: [
      { file: 'libs/ui/src/index.tsx', hash: '4', deps: ['npm:react'] },
      { file: 'libs/ui/src/button.tsx', hash: '5', deps: ['npm:react'] },
    ],
  };
  const collect = (withSummaries: boolean) => {
    const fileSummaries = new Map(Object.entries(projectFiles).map(([name, list]) => [name, summarizeFiles(list, graph)]));
    return collectWorkspace({
      workspaceRoot: root,
      graph,
      config: { file: 'harness.yaml', constraints: [], rules: {}, conventions: DEFAULT_CONVENTIONS },
      projectFiles,
      fileSummaries: withSummaries ? fileSummaries : undefined,
    });
  };
  const describeContext = async (withSummaries: boolean) => {
    const ctx = await collect(withSummaries);
    return {
      projects: JSON.parse(JSON.stringify(ctx.projects)),
      fileDeps: Object.fromEntries(Object.keys(ctx.fileDeps).sort().map((file) => [file, ctx.fileDeps[file]])),
      unknownDeps: ctx.unknownDeps,
      importAnalysis: ctx.importAnalysis,
      dependencies: ctx.graph.dependencies,
    };
  };

  it('summarises a list as plain only when no file needs mapping', () => {
    expect(summarizeFiles(projectFiles.cart, graph)).toEqual({ plain: false, sourceEdge: false });
    expect(summarizeFiles(projectFiles.products, graph)).toEqual({ plain: true, sourceEdge: false });
    expect(summarizeFiles(projectFiles.ui, graph)).toEqual({ plain: true, sourceEdge: true });
    expect(summarizeFiles([{ file: 'libs/ui/README.md', hash: '6', deps: ['ui', 'ui'] }], graph).plain).toBe(false);
  });

  it('builds the same context as a walk of every file', async () => {
    const walked = await describeContext(false);
    expect(walked.dependencies.cart.map((d) => d.target)).toEqual(['ui', 'products']);
    expect(walked.projects.ui.entryPoints).toEqual(['libs/ui/src/index.tsx']);
    expect(await describeContext(true)).toEqual(walked);
  });

  it("reads a summarised project's file list only when a rule asks for it", async () => {
    const read: string[] = [];
    const watched = new Proxy(projectFiles, { get: (target, key: string) => (read.push(key), target[key as keyof typeof target]) });
    const ctx = await collectWorkspace({
      workspaceRoot: root,
      graph,
      config: { file: 'harness.yaml', constraints: [], rules: {}, conventions: DEFAULT_CONVENTIONS },
      projectFiles: watched,
      fileSummaries: new Map(Object.entries(projectFiles).map(([name, list]) => [name, summarizeFiles(list, graph)])),
    });
    expect(read).toEqual(['cart']);
    expect(ctx.importAnalysis).toBe(true);
    expect(ctx.projects.ui.files).toEqual(['libs/ui/src/index.tsx', 'libs/ui/src/button.tsx']);
    expect(read).toEqual(['cart', 'ui']);
    ctx.projects.ui.files = [];
    expect(ctx.projects.ui.files).toEqual([]);
  });
});
