import { DependencyType } from '@nx/devkit';
import * as path from 'node:path';
import { findWorkspaceDataDirectory, listFileDeps } from './read-file-map';

describe('findWorkspaceDataDirectory', () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
  });

  it("is Nx's default folder for a workspace other than the one Nx runs in", () => {
    delete process.env.NX_WORKSPACE_DATA_DIRECTORY;
    delete process.env.NX_PROJECT_GRAPH_CACHE_DIRECTORY;
    expect(findWorkspaceDataDirectory('/work/elsewhere')).toBe(path.join('/work/elsewhere', '.nx', 'workspace-data'));
  });

  it('follows NX_WORKSPACE_DATA_DIRECTORY, relative to the workspace or absolute', () => {
    process.env.NX_WORKSPACE_DATA_DIRECTORY = 'tmp/nx-data';
    expect(findWorkspaceDataDirectory('/work/elsewhere')).toBe(path.join('/work/elsewhere', 'tmp/nx-data'));
    process.env.NX_WORKSPACE_DATA_DIRECTORY = '/var/nx-data';
    expect(findWorkspaceDataDirectory('/work/elsewhere')).toBe('/var/nx-data');
  });

  it("is Nx's own answer for the workspace Nx runs in", () => {
    const nxRoot = require('nx/src/utils/workspace-root').workspaceRoot as string;
    const nxDir = require('nx/src/utils/cache-directory').workspaceDataDirectory as string;
    expect(findWorkspaceDataDirectory(nxRoot)).toBe(nxDir);
  });
});

describe('listFileDeps', () => {
  it('flattens string and tuple deps to target names', () => {
    expect(listFileDeps({ file: 'a.ts', hash: 'h', deps: ['billing', ['npm:yaml', DependencyType.static], ['auth', DependencyType.dynamic]] })).toEqual(['billing', 'npm:yaml', 'auth']);
    expect(listFileDeps({ file: 'a.ts', hash: 'h' })).toEqual([]);
  });

  it('reads the target, not the source, of a three-element dependency', () => {
    expect(listFileDeps({ file: 'a.ts', hash: 'h', deps: [['shop', 'auth', DependencyType.static]] })).toEqual(['auth']);
  });
});
