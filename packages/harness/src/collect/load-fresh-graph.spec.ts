import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { ProjectGraph } from '@nx/devkit';
import { loadFreshGraph, type GraphMemo } from './load-fresh-graph';
import type { ProjectFiles } from './read-file-map';

const graph = {
  nodes: { billing: { name: 'billing', type: 'lib', data: { root: 'modules/billing', tags: ['scope:billing'] } } },
  dependencies: { billing: [] },
} as unknown as ProjectGraph;
const projectFiles: ProjectFiles = { billing: [{ file: 'modules/billing/src/index.ts', hash: 'h1', deps: [] }] };
const rebuiltGraph = { ...graph, nodes: { ...graph.nodes } } as ProjectGraph;

describe('loadFreshGraph', () => {
  let root: string;
  let builds: number;
  const build = async () => {
    builds++;
    return { graph: rebuiltGraph, projectFiles };
  };
  /** Writes a file and dates it `age` seconds before now (negative: in the future). */
  const write = (file: string, text: string, age = 100) => {
    const full = path.join(root, file);
    fs.mkdirSync(path.dirname(full), { recursive: true });
    fs.writeFileSync(full, text);
    const when = new Date(Date.now() - age * 1000);
    fs.utimesSync(full, when, when);
  };
  const writeCache = (age = 50) => {
    write('.nx/workspace-data/project-graph.json', JSON.stringify({ ...graph, computedAt: 1 }), age);
    write('.nx/workspace-data/file-map.json', JSON.stringify({ fileMap: { projectFileMap: projectFiles } }), age);
  };

  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'harness-fresh-graph-'));
    builds = 0;
    write('nx.json', '{}');
    write('package.json', '{}');
    write('modules/billing/project.json', '{}');
    write('modules/billing/src/index.ts', '');
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  it("uses Nx's cached graph and file map when nothing changed after Nx wrote them", async () => {
    writeCache();
    const fresh = await loadFreshGraph(root, ['modules/billing/src/index.ts'], build);
    expect(fresh).toMatchObject({ rebuilt: false, projectFiles });
    expect(fresh.graph.nodes.billing.data.tags).toEqual(['scope:billing']);
    expect(builds).toBe(0);
  });

  it.each(['modules/billing/project.json', 'nx.json', 'tsconfig.base.json', 'package.json'])('builds again when %s changed after the graph', async (file) => {
    writeCache();
    write(file, '{"changed":true}', 10);
    expect(await loadFreshGraph(root, [], build)).toMatchObject({ rebuilt: true, graph: rebuiltGraph });
    expect(builds).toBe(1);
  });

  it('builds when there is no cached graph', async () => {
    expect(await loadFreshGraph(root, [], build)).toMatchObject({ rebuilt: true });
  });

  it('builds when a checked file sits under a project.json Nx has not seen', async () => {
    writeCache();
    write('modules/ledger/project.json', '{}', 10);
    write('modules/ledger/src/index.ts', '', 10);
    expect((await loadFreshGraph(root, ['modules/billing/src/index.ts'], build)).rebuilt).toBe(false);
    expect((await loadFreshGraph(root, ['modules/ledger/src/index.ts'], build)).rebuilt).toBe(true);
  });

  it('does not build for an old nested package.json that Nx does not treat as a project', async () => {
    write('modules/billing/fixtures/pkg/package.json', '{}', 200);
    writeCache();
    expect((await loadFreshGraph(root, ['modules/billing/fixtures/pkg/index.ts'], build)).rebuilt).toBe(false);
  });

  it('keeps the parsed graph in a memo until Nx writes the cache again', async () => {
    writeCache();
    const memo: GraphMemo = {};
    const first = await loadFreshGraph(root, [], build, memo);
    // Without the memo every call parses the files again and returns a new object.
    expect((await loadFreshGraph(root, [], build)).graph).not.toBe(first.graph);
    expect((await loadFreshGraph(root, [], build, memo)).graph).toBe(first.graph);
    writeCache(5);
    expect((await loadFreshGraph(root, [], build, memo)).graph).not.toBe(first.graph);
  });
});
