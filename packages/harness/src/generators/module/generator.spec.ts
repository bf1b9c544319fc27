import { readJson, readProjectConfiguration, type Tree } from '@nx/devkit';
import { createTreeWithEmptyWorkspace } from '@nx/devkit/testing';
import { parseSource } from '../../collect/parse-source';
import { extractFrontMatter } from '../../config/yaml-source';
import { parse } from 'yaml';
import { moduleGenerator } from './generator';

describe('module generator', () => {
  let tree: Tree;
  beforeEach(() => {
    tree = createTreeWithEmptyWorkspace();
    tree.write('package.json', JSON.stringify({ name: '@acme/source', workspaces: ['packages/*'] }));
  });

  it('writes the module layout with tags, tests and a BRIEF.md row', async () => {
    await moduleGenerator(tree, { name: 'billing', naming: 'snake_case', coverage: 90, description: 'Invoices and refunds.' });
    for (const file of ['README.md', 'CONVENTIONS.md', 'src/index.ts', 'src/lib/billing.ts', 'tests/billing.spec.ts', 'project.json', 'jest.config.cjs']) {
      expect(tree.exists(`modules/billing/${file}`)).toBe(true);
    }
    expect(tree.exists('modules/billing/src/lib/billing.spec.ts')).toBe(false);
    expect(readProjectConfiguration(tree, 'billing').tags).toEqual(['scope:billing', 'type:feature']);
    expect(readJson(tree, 'package.json').workspaces).toEqual(['packages/*', 'modules/*']);
    expect(tree.read('BRIEF.md', 'utf-8')).toContain('| `billing` | [modules/billing](modules/billing/README.md) | `scope:billing` `type:feature` | Invoices and refunds. |');
  });

  it('writes CONVENTIONS front matter from the options', async () => {
    await moduleGenerator(tree, { name: 'billing', naming: 'snake_case', coverage: 90 });
    const front = extractFrontMatter(tree.read('modules/billing/CONVENTIONS.md', 'utf-8')!);
    expect(parse(front!.yaml)).toEqual({
      naming: { functions: 'snake_case', classes: 'PascalCase', variables: 'snake_case', constants: 'UPPER_CASE', types: 'PascalCase', files: 'kebab-case' },
      coverage: { lines: 90, branches: 90, functions: 90, statements: 90 },
      tests: { required: true },
      layers: ['types', 'config', 'repo', 'service', 'runtime', 'ui'],
    });
    for (const section of ['## Naming', '## Dependencies', '## Testing', '## Coverage', '## Layers']) {
      expect(tree.read('modules/billing/CONVENTIONS.md', 'utf-8')).toContain(section);
    }
  });

  it.each([
    ['snake_case', 'describe_user_profile'],
    ['camelCase', 'describeUserProfile'],
  ] as const)('names the sample function in %s', async (naming, name) => {
    await moduleGenerator(tree, { name: 'user-profile', naming });
    const facts = parseSource('x.ts', tree.read('modules/user-profile/src/lib/user-profile.ts', 'utf-8')!);
    expect(facts.declarations.map((d) => d.name)).toEqual(['USER_PROFILE_MODULE_NAME', name]);
  });

  it('writes a description with template syntax and markdown as plain text', async () => {
    const description = 'Uses <%= process.exit(1) %> and `code` and **bold**.';
    await moduleGenerator(tree, { name: 'billing', description });
    expect(tree.read('modules/billing/README.md', 'utf-8')).toContain(description);
  });

  it.each([['../evil'], ['A B'], [''], ['billing/../../x']])('refuses the name %j and writes nothing', async (name) => {
    const before = tree.listChanges().length;
    await expect(moduleGenerator(tree, { name })).rejects.toThrow(`harness: module name "${name}" is not a kebab-case identifier`);
    expect(tree.listChanges().length).toBe(before);
  });

  it('refuses a directory outside the workspace', async () => {
    await expect(moduleGenerator(tree, { name: 'x', directory: '../outside' })).rejects.toThrow('harness: directory "../outside" is outside the workspace');
  });

  it('refuses an existing module unless forced', async () => {
    await moduleGenerator(tree, { name: 'billing' });
    tree.write('modules/billing/src/lib/mine.ts', 'export const mine = 1;\n');
    await expect(moduleGenerator(tree, { name: 'billing' })).rejects.toThrow('harness: a project "billing" already exists at "modules/billing"; choose another name, or pass --force to write over it.');
    expect(tree.read('modules/billing/src/lib/mine.ts', 'utf-8')).toBe('export const mine = 1;\n');
    await moduleGenerator(tree, { name: 'billing', force: true, description: 'Forced.' });
    expect(tree.read('modules/billing/README.md', 'utf-8')).toContain('Forced.');
  });
});
