import * as fs from 'node:fs';
import * as path from 'node:path';
import { readJson, readNxJson, readProjectConfiguration, type Tree } from '@nx/devkit';
import { createTreeWithEmptyWorkspace } from '@nx/devkit/testing';
import { presetGenerator } from './generator';
import type { PresetEffects } from './lib/align-nx-packages';

// @nx/js:init asks for the project graph to pick free target names; in a unit test that would
// compute the graph of this repository, so an empty graph stands in for the new workspace's.
jest.mock('@nx/devkit', () => ({
  ...jest.requireActual('@nx/devkit'),
  createProjectGraphAsync: jest.fn(async () => ({ nodes: {}, dependencies: {}, externalNodes: {} })),
}));

const NX_VERSION = '23.2.1';

/** The workspace create-nx-workspace hands a third-party preset: no tsconfig, the preset in dependencies. */
function createPresetWorkspace(): Tree {
  const tree = createTreeWithEmptyWorkspace();
  tree.delete('tsconfig.base.json');
  tree.write(
    'package.json',
    JSON.stringify({
      name: '@demo/source',
      private: true,
      dependencies: { harness: 'file:/tmp/nx-harness-0.1.0.tgz' },
      devDependencies: { nx: NX_VERSION, '@nx/workspace': NX_VERSION },
    }),
  );
  tree.write('apps/.gitkeep', '');
  tree.write('libs/.gitkeep', '');
  return tree;
}

/** Effects whose node_modules holds the given versions, recording the commands run. */
function createFakeEffects(installed: Record<string, string>): PresetEffects & { commands: string[] } {
  const commands: string[] = [];
  return {
    commands,
    readInstalledVersion: (_root, pkg) => installed[pkg],
    runCommand: (command) => {
      commands.push(command);
    },
  };
}

const ALIGNED = { '@nx/js': NX_VERSION, '@nx/devkit': NX_VERSION };

describe('preset generator', () => {
  // create-nx-workspace sets this while a preset runs; without it @nx/js:init would fetch prettier.
  const skipFormat = process.env.NX_SKIP_FORMAT;
  beforeAll(() => {
    process.env.NX_SKIP_FORMAT = 'true';
  });
  afterAll(() => {
    if (skipFormat === undefined) delete process.env.NX_SKIP_FORMAT;
    else process.env.NX_SKIP_FORMAT = skipFormat;
  });

  let tree: Tree;
  beforeEach(() => {
    tree = createPresetWorkspace();
  });

  it('sets up what --preset=ts would: npm workspaces, @nx/js and a TypeScript-solution tsconfig', async () => {
    await presetGenerator(tree, {}, createFakeEffects(ALIGNED));
    const pkg = readJson(tree, 'package.json');
    expect(pkg.workspaces).toEqual(['packages/*', 'modules/*']);
    expect(pkg.devDependencies['@nx/js']).toBe(NX_VERSION);
    expect(tree.exists('packages/.gitkeep')).toBe(true);
    const base = readJson(tree, 'tsconfig.base.json');
    expect(base.compilerOptions.composite).toBe(true);
    expect(base.compilerOptions.customConditions).toEqual(['@demo/source']);
    expect(readJson(tree, 'tsconfig.json')).toEqual({
      extends: './tsconfig.base.json',
      compileOnSave: false,
      files: [],
      references: [{ path: './modules/core' }],
    });
    const plugins = readNxJson(tree)!.plugins!.map((p) => (typeof p === 'string' ? p : p.plugin));
    expect(plugins).toEqual(expect.arrayContaining(['@nx/js/typescript', 'nx-harness']));
  });

  it('runs harness:init and harness:module for a first module named core', async () => {
    await presetGenerator(tree, {}, createFakeEffects(ALIGNED));
    for (const file of ['harness.yaml', 'AGENTS.md', 'BRIEF.md', 'ARCHITECTURE.md', 'modules/core/README.md', 'modules/core/CONVENTIONS.md', 'modules/core/src/index.ts', 'modules/core/tests/core.spec.ts']) {
      expect(tree.exists(file)).toBe(true);
    }
    expect(readProjectConfiguration(tree, 'core').tags).toEqual(['scope:core', 'type:feature']);
    expect(tree.read('BRIEF.md', 'utf-8')).toContain('| `core` | [modules/core](modules/core/README.md) |');
  });

  it.each([
    [{ module: 'billing' }, 'billing', 'billing'],
    [{ module: 'user-profile', naming: 'snake_case' as const }, 'user-profile', 'describe_user_profile'],
  ])('takes the first module from %j', async (schema, name, text) => {
    await presetGenerator(tree, schema, createFakeEffects(ALIGNED));
    expect(tree.exists('modules/core')).toBe(false);
    expect(tree.read(`modules/${name}/src/lib/${name}.ts`, 'utf-8')).toContain(text);
  });

  it('writes the module description into its README', async () => {
    await presetGenerator(tree, { module: 'billing', moduleDescription: 'Invoices and refunds.' }, createFakeEffects(ALIGNED));
    expect(tree.read('modules/billing/README.md', 'utf-8')).toContain('Invoices and refunds.');
  });

  it('installs @nx/js and @nx/devkit at the workspace nx version when npm resolved another one', async () => {
    const effects = createFakeEffects({ '@nx/js': '23.3.1', '@nx/devkit': '23.3.2' });
    await presetGenerator(tree, {}, effects);
    expect(effects.commands).toEqual([`npm install -D @nx/js@${NX_VERSION} @nx/devkit@${NX_VERSION}`]);
    const dev = readJson(tree, 'package.json').devDependencies;
    expect([dev['@nx/js'], dev['@nx/devkit']]).toEqual([NX_VERSION, NX_VERSION]);
  });

  it('installs nothing when the installed Nx packages already match', async () => {
    const effects = createFakeEffects(ALIGNED);
    await presetGenerator(tree, {}, effects);
    expect(effects.commands).toEqual([]);
  });

  it('installs nothing when nx is declared as a range, since no single version is the match', async () => {
    tree.write('package.json', JSON.stringify({ name: '@demo/source', devDependencies: { nx: '^23.2.0' } }));
    const effects = createFakeEffects({});
    await presetGenerator(tree, {}, effects);
    expect(effects.commands).toEqual([]);
  });

  it('moves the preset package from dependencies to devDependencies', async () => {
    await presetGenerator(tree, {}, createFakeEffects(ALIGNED));
    const pkg = readJson(tree, 'package.json');
    expect(pkg.dependencies.harness).toBeUndefined();
    expect(pkg.devDependencies.harness).toBe('file:/tmp/nx-harness-0.1.0.tgz');
  });

  it('removes the empty apps/ and libs/ placeholders that nx g writes for a preset', async () => {
    tree.write('libs/keep-me.ts', 'export const A = 1;\n');
    await presetGenerator(tree, {}, createFakeEffects(ALIGNED));
    expect(tree.exists('apps/.gitkeep')).toBe(false);
    expect(tree.exists('libs/.gitkeep')).toBe(true);
  });

  it('keeps prettier away from the documents that nx sync:check compares, once', async () => {
    tree.write('.prettierignore', '/dist');
    await presetGenerator(tree, {}, createFakeEffects(ALIGNED));
    await presetGenerator(tree, { module: 'billing' }, createFakeEffects(ALIGNED));
    expect(tree.read('.prettierignore', 'utf-8')).toBe('/dist\n# harness writes these; prettier would reflow its tables and marker blocks\n/BRIEF.md\n/ARCHITECTURE.md\nAGENTS.md\n/docs/QUALITY_SCORE.md\n');
  });

  it('leaves .prettierignore alone without a formatter', async () => {
    await presetGenerator(tree, { formatter: 'none' }, createFakeEffects(ALIGNED));
    expect(tree.exists('.prettierignore')).toBe(false);
    expect(readJson(tree, 'package.json').devDependencies.prettier).toBeUndefined();
  });

  it.each([
    [{ module: '../evil' }, 'harness: module name "../evil" is not a kebab-case identifier; pass --module=<name> such as --module=billing.'],
    [{ module: 'Core' }, 'harness: module name "Core" is not a kebab-case identifier; pass --module=<name> such as --module=billing.'],
    [{ formatter: 'oxfmt' as 'none' }, 'harness: formatter "oxfmt" is not supported by the harness preset; pass --formatter=prettier or --formatter=none.'],
  ])('refuses %j before writing anything', async (schema, message) => {
    const before = tree.listChanges().map((c) => c.path);
    await expect(presetGenerator(tree, schema, createFakeEffects({}))).rejects.toThrow(message);
    expect(tree.listChanges().map((c) => c.path)).toEqual(before);
  });

  it('accepts the flags create-nx-workspace forwards to a third-party preset', async () => {
    const schema = JSON.parse(fs.readFileSync(path.join(__dirname, 'schema.json'), 'utf-8'));
    expect(schema.additionalProperties).toBe(true);
    await presetGenerator(tree, { name: 'demo', preset: 'harness', packageManager: 'npm', interactive: false }, createFakeEffects(ALIGNED));
    expect(tree.exists('modules/core/project.json')).toBe(true);
  });
});
