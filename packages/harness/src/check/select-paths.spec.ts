import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { ProjectGraph } from '@nx/devkit';
import type { ProjectFiles } from '../collect/read-file-map';
import { selectPaths } from './select-paths';

const graph = {
  nodes: {
    billing: { name: 'billing', type: 'lib', data: { root: 'modules/billing' } },
    ledger: { name: 'ledger', type: 'lib', data: { root: 'modules/ledger' } },
  },
  dependencies: {},
} as unknown as ProjectGraph;
const projectFiles: ProjectFiles = {
  billing: [{ file: 'modules/billing/src/index.ts', hash: 'a' }, { file: 'modules/billing/src/lib/pay.ts', hash: 'b' }],
  ledger: [{ file: 'modules/ledger/src/index.ts', hash: 'c' }],
};

describe('selectPaths', () => {
  let root: string;
  beforeAll(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'harness-select-'));
    for (const f of ['modules/billing/src/index.ts', 'modules/billing/src/lib/pay.ts', 'modules/billing/src/lib/new.ts', 'modules/ledger/src/index.ts', 'README.md']) {
      fs.mkdirSync(path.dirname(path.join(root, f)), { recursive: true });
      fs.writeFileSync(path.join(root, f), '');
    }
  });
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));
  const select = (paths: string[], cwd = root) => selectPaths(root, cwd, graph, projectFiles, paths);
  const files = (s: ReturnType<typeof select>, p: string) => [...(s.projects.get(p)?.files ?? [])];

  it('selects a file, relative to the working folder, in the project that owns it', () => {
    const s = select(['src/lib/pay.ts'], path.join(root, 'modules/billing'));
    expect(files(s, 'billing')).toEqual(['modules/billing/src/lib/pay.ts']);
    expect(s.projects.get('billing')?.whole).toBe(false);
  });

  it('selects a whole project by name or by its root folder', () => {
    expect(select(['ledger']).projects.get('ledger')?.whole).toBe(true);
    expect(select(['modules/billing']).projects.get('billing')?.whole).toBe(true);
  });

  it('selects the files Nx knows under a folder', () => {
    expect(files(select(['modules/billing/src/lib']), 'billing')).toEqual(['modules/billing/src/lib/pay.ts']);
  });

  it('gives a file Nx has not listed yet to the project above it', () => {
    const s = select(['modules/billing/src/lib/new.ts']);
    expect(files(s, 'billing')).toEqual(['modules/billing/src/lib/new.ts']);
    expect([...s.unmapped]).toEqual([['modules/billing/src/lib/new.ts', 'billing']]);
  });

  it('names a file that belongs to no project instead of judging it', () => {
    const s = select(['README.md']);
    expect(s.projects.size).toBe(0);
    expect(s.outside).toEqual(['README.md']);
  });

  it('refuses a path that does not exist or leaves the workspace, in one line', () => {
    expect(() => select(['modules/nope.ts'])).toThrow('harness: modules/nope.ts: no such file, folder or project in this workspace; name a file or folder that exists');
    expect(() => select(['../elsewhere.ts'])).toThrow(/^harness: \.\.\/elsewhere\.ts: is outside the workspace; name a path inside /);
  });
});
