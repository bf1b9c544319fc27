import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { resolveSchemaPath } from '../generators/init/lib/write-harness-config';
import { locatePlugin, resolvePluginName } from './resolve-plugin-name';

/*
 * Real folders in a temp dir, laid out as npm, a hoisted parent and pnpm leave them (yarn's
 * node-modules linker is npm's layout). The plugin's own folder is passed in, since the code under
 * test runs from this repository.
 */
describe('resolvePluginName', () => {
  const temp = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'harness-resolve-')));
  let count = 0;

  afterAll(() => fs.rmSync(temp, { recursive: true, force: true }));

  /** A fresh folder per test, so no layout leaks into another. */
  function makeRoot(): string {
    const root = path.join(temp, `case-${++count}`);
    fs.mkdirSync(root, { recursive: true });
    return root;
  }

  /** A package folder holding a package.json and the schema, as the tarball installs it. */
  function writePackage(dir: string, name = 'nx-harness'): string {
    fs.mkdirSync(path.join(dir, 'schemas'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name, version: '0.1.0' }));
    fs.writeFileSync(path.join(dir, 'schemas', 'harness.schema.json'), '{}');
    return dir;
  }

  function writeWorkspace(dir: string): string {
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'ws', private: true }));
    fs.writeFileSync(path.join(dir, 'nx.json'), '{}');
    return dir;
  }

  it('finds the alias `harness` in the workspace node_modules (npm)', () => {
    const ws = writeWorkspace(makeRoot());
    const own = writePackage(path.join(ws, 'node_modules', 'harness'));

    expect(resolvePluginName(ws, own)).toBe('harness');
    expect(resolveSchemaPath(ws, 'harness', own)).toBe('node_modules/harness/schemas/harness.schema.json');
  });

  it('finds its own name `nx-harness` when installed un-aliased', () => {
    const ws = writeWorkspace(makeRoot());
    const own = writePackage(path.join(ws, 'node_modules', 'nx-harness'));

    expect(resolvePluginName(ws, own)).toBe('nx-harness');
    expect(locatePlugin(ws, own)).toEqual({ name: 'nx-harness', dir: path.join(ws, 'node_modules', 'nx-harness') });
  });

  it('finds the plugin hoisted into a parent folder node_modules, for a workspace in a sub-folder', () => {
    const repo = makeRoot();
    const ws = writeWorkspace(path.join(repo, 'apps', 'platform'));
    const own = writePackage(path.join(repo, 'node_modules', 'harness'));

    expect(resolvePluginName(ws, own)).toBe('harness');
    expect(resolveSchemaPath(ws, 'harness', own)).toBe('../../node_modules/harness/schemas/harness.schema.json');
  });

  it('follows pnpm symlinks into node_modules/.pnpm and keeps the symlinked path for the schema', () => {
    const ws = writeWorkspace(makeRoot());
    const store = writePackage(path.join(ws, 'node_modules', '.pnpm', 'nx-harness@file+nx-harness-0.1.0.tgz', 'node_modules', 'nx-harness'));
    fs.symlinkSync(path.relative(path.join(ws, 'node_modules'), store), path.join(ws, 'node_modules', 'harness'), 'dir');

    expect(resolvePluginName(ws, store)).toBe('harness');
    // The store folder's name changes with every version and hash; the symlink the user sees does not.
    expect(resolveSchemaPath(ws, 'harness', store)).toBe('node_modules/harness/schemas/harness.schema.json');
  });

  it('finds a pnpm-like install hoisted into a parent folder, given its own folder by the symlinked path', () => {
    const repo = makeRoot();
    const ws = writeWorkspace(path.join(repo, 'ws'));
    const store = writePackage(path.join(repo, 'node_modules', '.pnpm', 'nx-harness@0.1.0', 'node_modules', 'nx-harness'));
    fs.symlinkSync(store, path.join(repo, 'node_modules', 'harness'), 'dir');

    expect(resolvePluginName(ws, path.join(repo, 'node_modules', 'harness'))).toBe('harness');
  });

  it('takes the nearer install, as Node does, when both the workspace and a parent hold one', () => {
    const repo = makeRoot();
    const ws = writeWorkspace(path.join(repo, 'ws'));
    writePackage(path.join(repo, 'node_modules', 'harness'));
    const own = writePackage(path.join(ws, 'node_modules', 'harness'));

    expect(locatePlugin(ws, own)?.dir).toBe(path.join(ws, 'node_modules', 'harness'));
  });

  it('skips an unrelated package named `harness` and finds the plugin under its own name', () => {
    const ws = writeWorkspace(makeRoot());
    writePackage(path.join(ws, 'node_modules', 'harness'), 'harness');
    const own = writePackage(path.join(ws, 'node_modules', 'nx-harness'));

    expect(resolvePluginName(ws, own)).toBe('nx-harness');
  });

  it('falls back to its own name, and to the conventional schema path, when nothing resolves', () => {
    const ws = writeWorkspace(makeRoot());
    const elsewhere = writePackage(path.join(makeRoot(), 'nx-harness'));

    expect(locatePlugin(ws, elsewhere)).toBeUndefined();
    expect(resolvePluginName(ws, elsewhere)).toBe('nx-harness');
    expect(resolveSchemaPath(ws, 'harness', elsewhere)).toBe('node_modules/harness/schemas/harness.schema.json');
  });

  it('finds this repository plugin, linked as nx-harness by npm workspaces, from the repository root', () => {
    const repoRoot = path.resolve(__dirname, '..', '..', '..', '..');

    expect(resolvePluginName(repoRoot)).toBe('nx-harness');
    expect(resolveSchemaPath(repoRoot, 'nx-harness')).toBe('node_modules/nx-harness/schemas/harness.schema.json');
  });
});
