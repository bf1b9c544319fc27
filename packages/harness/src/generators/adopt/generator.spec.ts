import { addProjectConfiguration, logger, updateJson, type ProjectConfiguration, type Tree } from '@nx/devkit';
import { createTreeWithEmptyWorkspace } from '@nx/devkit/testing';
import { readConventions } from '../../config/read-conventions';
import { readHarnessConfig } from '../../config/read-harness-config';
import { listSections } from '../../core/markdown-outline';
import { RULES } from '../../rules';
import { docsRule } from '../../rules/docs';
import { checkNaming } from '../../rules/naming';
import { createTestCheckContext, createTestRuleContext } from '../../testing/create-test-context';
import { adoptGenerator } from './generator';

const SNAKE_SOURCE = `export function process_invoice(invoice_id: string) {
  const line_items = load_items(invoice_id);
  return line_items.length;
}
function load_items(id: string) {
  const raw_rows = [id];
  return raw_rows;
}
export const format_total = (total: number) => total.toFixed(2);
`;

/** Adds a project.json project with the given files (paths relative to its root). */
function addProject(tree: Tree, name: string, root: string, files: Record<string, string>, config: Partial<ProjectConfiguration> = {}): void {
  addProjectConfiguration(tree, name, { root, sourceRoot: `${root}/src`, projectType: 'library', targets: {}, ...config });
  for (const [file, text] of Object.entries(files)) tree.write(`${root}/${file}`, text);
}

function addAlias(tree: Tree, alias: string, target: string): void {
  updateJson(tree, 'tsconfig.base.json', (json) => ({ ...json, compilerOptions: { ...json.compilerOptions, paths: { ...json.compilerOptions?.paths, [alias]: [target] } } }));
}

const read = (tree: Tree, file: string) => tree.read(file, 'utf-8') ?? '';
const section = (text: string, title: string) => listSections(text).find((s) => s.title === title)?.body.trim();

describe('adopt generator', () => {
  let tree: Tree;
  let warn: jest.SpyInstance;
  beforeEach(() => {
    tree = createTreeWithEmptyWorkspace();
    warn = jest.spyOn(logger, 'warn').mockImplementation(() => undefined);
  });
  afterEach(() => warn.mockRestore());

  it('gives a snake_case project snake_case functions and variables in its CONVENTIONS front matter', async () => {
    addProject(tree, 'billing', 'libs/billing', { 'src/index.ts': "export * from './lib/invoice';\n", 'src/lib/invoice.ts': SNAKE_SOURCE });
    await adoptGenerator(tree, {});
    const text = read(tree, 'libs/billing/CONVENTIONS.md');
    expect(text.split('\n').slice(0, 5)).toEqual([
      '---',
      'naming: { functions: snake_case, variables: snake_case }',
      'coverage: { lines: 80, branches: 70, functions: 80, statements: 80 }',
      'tests: { required: true }',
      '---',
    ]);
    const { conventions } = readConventions('libs/billing/CONVENTIONS.md', text, readHarnessConfig(undefined, RULES), RULES);
    expect(conventions.naming).toMatchObject({ functions: 'snake_case', variables: 'snake_case', classes: 'PascalCase' });
    expect(conventions.tests.required).toBe(true);
    expect(section(text, 'Naming')).toContain('of the names that tell camelCase from snake_case, 3 of 3 function names were snake_case and 2 of 2 variable names were snake_case.');
  });

  it('writes conventions the naming rule then finds the snake_case code true to', async () => {
    addProject(tree, 'billing', 'libs/billing', { 'src/index.ts': "export * from './lib/invoice';\n", 'src/lib/invoice.ts': SNAKE_SOURCE });
    await adoptGenerator(tree, {});
    const files = Object.fromEntries(tree.listChanges().filter((c) => c.content).map((c) => [c.path, c.content!.toString()]));
    const check = createTestCheckContext({ projects: [{ name: 'billing', root: 'libs/billing' }], files });
    const { conventions } = readConventions('libs/billing/CONVENTIONS.md', files['libs/billing/CONVENTIONS.md'], check.config, RULES);
    expect(checkNaming(createTestRuleContext(check, 'billing', { conventions }))).toEqual([]);
  });

  it.each([
    ['camelCase code', 'export function processInvoice() { const lineItems = 1; return lineItems; }\n'],
    ['names that match both styles', 'export function total() { const sum = 1; return sum; }\n'],
    ['a tie', 'export function processInvoice() { return 1; }\nexport function load_items() { return 2; }\n'],
  ])('falls back to camelCase for %s', async (_, source) => {
    addProject(tree, 'billing', 'libs/billing', { 'src/index.ts': source });
    await adoptGenerator(tree, {});
    expect(read(tree, 'libs/billing/CONVENTIONS.md')).toContain('naming: { functions: camelCase, variables: camelCase }');
  });

  it('lets variables that are all one word follow the functions', async () => {
    addProject(tree, 'billing', 'libs/billing', { 'src/index.ts': 'export function process_invoice() { const total = 1; return total; }\n' });
    await adoptGenerator(tree, {});
    expect(read(tree, 'libs/billing/CONVENTIONS.md')).toContain('naming: { functions: snake_case, variables: snake_case }');
  });

  it('lists the exported names in Public API, through two levels of export * and named re-exports', async () => {
    addAlias(tree, '@acme/orders', 'libs/orders/src/index.ts');
    addProject(tree, 'orders', 'libs/orders', {
      'src/index.ts': "export * from './lib';\nexport { placeOrder as submitOrder, type OrderId } from './lib/place-order';\nexport * as money from './lib/money';\nexport default 1;\n",
      'src/lib/index.ts': "export * from './order';\nexport * from './deep/index.js';\n",
      'src/lib/order.ts': 'export interface Order { id: string }\nexport class OrderBook {}\nexport enum Status { Open }\nexport const MAX_ITEMS = 10;\nfunction hidden() {}\nexport const cancelOrder = () => hidden();\nexport default class Ignored {}\n',
      'src/lib/deep/index.ts': "export * from './level3';\nexport type Money = number;\n",
      'src/lib/deep/level3.ts': 'export function tooDeep() {}\n',
      'src/lib/place-order.ts': 'export function placeOrder() {}\nexport type OrderId = string;\n',
      'src/lib/money.ts': 'export const cents = 100;\n',
    });
    await adoptGenerator(tree, {});
    expect(section(read(tree, 'libs/orders/README.md'), 'Public API')).toBe(
      [
        'Import only from the entry point, `@acme/orders` (`src/index.ts`):',
        '',
        '- `Order` (interface)',
        '- `OrderBook` (class)',
        '- `Status` (enum)',
        '- `MAX_ITEMS` (constant)',
        '- `cancelOrder` (function)',
        '- `Money` (type)',
        '- `submitOrder` (function)',
        '- `OrderId` (type)',
        '- `money` (namespace)',
        '- `default` (value)',
        '- everything that `src/lib/deep/level3.ts` exports',
      ].join('\n'),
    );
  });

  it('finds the entry point through package.json main when there is no index.ts in the source root', async () => {
    addProject(tree, 'kernel', 'libs/kernel', { 'package.json': JSON.stringify({ name: '@acme/kernel', main: './lib/main.js' }), 'lib/main.ts': 'export function boot() {}\n' });
    await adoptGenerator(tree, {});
    expect(section(read(tree, 'libs/kernel/README.md'), 'Public API')).toBe('Import only from the entry point, `@acme/kernel` (`lib/main.ts`):\n\n- `boot` (function)');
  });

  it('writes Purpose from package.json description, or a sentence naming the project and its tags', async () => {
    addProject(tree, 'kernel', 'libs/kernel', { 'package.json': JSON.stringify({ name: '@acme/kernel', description: 'Shared ids and clocks' }), 'src/index.ts': 'export const clock = () => 1;\n' });
    addProject(tree, 'orders', 'libs/orders', { 'src/index.ts': 'export function placeOrder() {}\n' }, { tags: ['scope:orders', 'type:feature'] });
    addProject(tree, 'shop', 'apps/shop', { 'src/main.ts': 'const app = 1;\n' }, { projectType: 'application' });
    await adoptGenerator(tree, {});
    expect(section(read(tree, 'libs/kernel/README.md'), 'Purpose')).toBe('Shared ids and clocks.');
    expect(section(read(tree, 'libs/orders/README.md'), 'Purpose')).toBe('`orders` is a library in this workspace, tagged `scope:orders`, `type:feature`. Its entry point, `src/index.ts`, exports 1 name.');
    expect(section(read(tree, 'apps/shop/README.md'), 'Purpose')).toBe('`shop` is an application in this workspace.');
    expect(section(read(tree, 'apps/shop/README.md'), 'Public API')).toBe('`shop` is an application: other projects do not import it, so it has no public API.');
  });

  it('lists the workspace projects and npm packages it imports in Dependencies', async () => {
    addAlias(tree, '@acme/kernel', 'libs/kernel/src/index.ts');
    addAlias(tree, '@acme/orders', 'libs/orders/src/index.ts');
    addProject(tree, 'kernel', 'libs/kernel', { 'src/index.ts': 'export const id = 1;\n' });
    addProject(tree, 'money', 'libs/money', { 'package.json': JSON.stringify({ name: '@acme/money' }), 'src/index.ts': 'export const cents = 1;\n' });
    addProject(tree, 'util', 'libs/util', { 'src/index.ts': 'export const u = 1;\n' });
    addProject(tree, 'orders', 'libs/orders', {
      'src/index.ts': "import { id } from '@acme/kernel';\nimport { cents } from '@acme/money/src/index';\nimport * as fs from 'node:fs';\nimport * as path from 'path';\nimport { z } from 'zod';\nimport { map } from 'rxjs/operators';\nimport { u } from '../../util/src/index';\nimport { self } from './self';\nexport const total = [id, cents, fs, path, z, map, u, self];\n",
      'src/self.ts': 'export const self = 1;\n',
    }, { tags: ['scope:orders'] });
    await adoptGenerator(tree, { projects: 'orders' });
    expect(section(read(tree, 'libs/orders/README.md'), 'Dependencies')).toBe(
      'Tags: `scope:orders`. The constraints in `harness.yaml` decide which projects it may import. It imports the workspace projects `kernel`, `money` (through `@acme/money/src/index`) and `util`. npm packages it uses: `rxjs`, `zod`. Other projects import it through `@acme/orders` only, never a deep path.',
    );
    expect(section(read(tree, 'libs/orders/CONVENTIONS.md'), 'Dependencies')).toContain('Today it imports `kernel`, `money` and `util`.');
  });

  it('counts a deep import through a wildcard alias, and skips an alias that spans projects', async () => {
    addAlias(tree, '@acme/*', 'libs/*');
    addAlias(tree, '@acme/kernel/*', 'libs/kernel/src/*');
    addProject(tree, 'kernel', 'libs/kernel', { 'src/index.ts': 'export const id = 1;\n', 'src/clock.ts': 'export const now = 1;\n' });
    addProject(tree, 'orders', 'libs/orders', { 'src/index.ts': "import { now } from '@acme/kernel/clock';\nexport const at = now;\n" });
    await adoptGenerator(tree, {});
    expect(section(read(tree, 'libs/orders/README.md'), 'Dependencies')).toContain('It imports the workspace project `kernel` (through `@acme/kernel/clock`).');
    // `@acme/kernel/*` is no import path for the entry point itself.
    expect(section(read(tree, 'libs/kernel/README.md'), 'Public API')).toBe('Import only from the entry point, `src/index.ts`:\n\n- `id` (constant)');
  });

  it('uses the default conventions, and says why, when harness.yaml is broken', async () => {
    tree.write('harness.yaml', 'conventions:\n  coverage: { lines: 60\n');
    addProject(tree, 'orders', 'libs/orders', { 'src/index.ts': '' });
    await adoptGenerator(tree, {});
    expect(read(tree, 'libs/orders/CONVENTIONS.md')).toContain('coverage: { lines: 80, branches: 70, functions: 80, statements: 80 }');
    expect(warn.mock.calls[0][0]).toMatch(/^harness: harness\.yaml:\d+: invalid YAML .*\(adopt used the default conventions\)$/);
  });

  it.each([
    ['a test target', { targets: { test: { executor: '@nx/jest:jest' } } }, {}, 'Run `nx test orders`; it runs 2 test files (`*.spec.ts`, `*.test.ts`) in src and tests. Then run `nx run orders:harness-check`.'],
    ['a differently named jest target', { targets: { unit: { executor: '@nx/jest:jest' } } }, {}, 'Run `nx run orders:unit`; it runs 2 test files (`*.spec.ts`, `*.test.ts`) in src and tests. Then run `nx run orders:harness-check`.'],
    ['a package.json test script', {}, { 'package.json': '{ "name": "orders", "scripts": { "test": "jest" } }' }, 'Run `nx test orders`; it runs 2 test files (`*.spec.ts`, `*.test.ts`) in src and tests. Then run `nx run orders:harness-check`.'],
  ])('names the test command from %s', async (_, config, files, expected) => {
    addProject(tree, 'orders', 'libs/orders', { 'src/index.ts': 'export const a = 1;\n', 'src/a.spec.ts': "it('a', () => {});\n", 'tests/b.test.ts': "it('b', () => {});\n", ...files }, config);
    await adoptGenerator(tree, {});
    expect(section(read(tree, 'libs/orders/README.md'), 'Testing')).toBe(expected);
  });

  it('names the target an inferring plugin gives a jest config', async () => {
    updateJson(tree, 'nx.json', (json) => ({ ...json, plugins: [{ plugin: '@nx/jest/plugin', options: { targetName: 'jest' } }] }));
    addProject(tree, 'orders', 'libs/orders', { 'src/index.ts': 'export const a = 1;\n', 'jest.config.ts': 'export default {};\n' });
    await adoptGenerator(tree, {});
    expect(section(read(tree, 'libs/orders/README.md'), 'Testing')).toBe('Run `nx run orders:jest`; there are no test files yet. Then run `nx run orders:harness-check`.');
  });

  it('marks Testing harness:todo when no test target exists, and says so', async () => {
    addProject(tree, 'orders', 'libs/orders', { 'src/index.ts': 'export const a = 1;\n', 'src/a.spec.ts': '' });
    await adoptGenerator(tree, {});
    expect(section(read(tree, 'libs/orders/README.md'), 'Testing')).toBe(
      '<!-- harness:todo --> It has 1 test file (`*.spec.ts`) in src, but no test target was found in project.json, package.json or an inferring Nx plugin. Add one, then say here how to run it.',
    );
    expect(warn).toHaveBeenCalledWith('harness: orders needs a person or agent to complete libs/orders/README.md#Testing (marked harness:todo).');
  });

  it('writes documents the docs rule passes, with no harness:todo, for a tested library', async () => {
    addProject(tree, 'orders', 'libs/orders', { 'src/index.ts': 'export function placeOrder() {}\n', 'src/index.spec.ts': '' }, { tags: ['scope:orders'], targets: { test: { executor: '@nx/jest:jest' } } });
    await adoptGenerator(tree, {});
    const files = { 'libs/orders/README.md': read(tree, 'libs/orders/README.md'), 'libs/orders/CONVENTIONS.md': read(tree, 'libs/orders/CONVENTIONS.md') };
    // The workspace as the rule sees it: the documents and the files they name.
    const workspace = { ...files, 'libs/orders/src/index.ts': read(tree, 'libs/orders/src/index.ts'), 'libs/orders/src/index.spec.ts': '', 'harness.yaml': '' };
    const check = createTestCheckContext({ projects: [{ name: 'orders', root: 'libs/orders' }], files: workspace });
    expect(docsRule.check(createTestRuleContext(check, 'orders', { setting: { options: { ...docsRule.defaultOptions, brief: 'NO-BRIEF.md' } } }))).toEqual([]);
    expect(Object.values(files).join('')).not.toContain('harness:todo');
  });

  it('keeps an existing README byte for byte and appends only the sections it lacks', async () => {
    const original = '# Orders\n\nOur hand-written intro.\n\n## Purpose\n\nTakes orders.\n\n### Testing\n\nAsk Sam.';
    addProject(tree, 'orders', 'libs/orders', { 'src/index.ts': 'export function placeOrder() {}\n', 'README.md': original });
    await adoptGenerator(tree, {});
    const text = read(tree, 'libs/orders/README.md');
    expect(text.startsWith(original)).toBe(true);
    expect(listSections(text.slice(original.length)).map((s) => s.title)).toEqual(['Public API', 'Dependencies']);
    expect(text.slice(original.length)).toMatch(/^\n\n## Public API\n\n/);
  });

  it('leaves the front matter of an existing CONVENTIONS.md alone and says how to enforce the detected naming', async () => {
    const original = '---\ncoverage: { lines: 50 }\n---\n# Rules\n\n## Testing\n\nWe test.\n';
    addProject(tree, 'billing', 'libs/billing', { 'src/index.ts': SNAKE_SOURCE, 'CONVENTIONS.md': original });
    await adoptGenerator(tree, {});
    const text = read(tree, 'libs/billing/CONVENTIONS.md');
    expect(text.startsWith(original)).toBe(true);
    expect(listSections(text).map((s) => s.title)).toEqual(['Rules', 'Testing', 'Naming', 'Dependencies', 'Coverage', 'Layers']);
    expect(section(text, 'Naming')).toContain("put `naming: { functions: snake_case, variables: snake_case }` in this file's front matter");
  });

  it('writes nothing on a second run', async () => {
    tree.write('BRIEF.md', '# Brief\n\nOur repo.\n');
    addProject(tree, 'orders', 'libs/orders', { 'src/index.ts': 'export function placeOrder() {}\n' });
    await adoptGenerator(tree, {});
    const before = tree.listChanges().map((c) => [c.path, c.type, c.content?.toString()]);
    const write = jest.spyOn(tree, 'write');
    await adoptGenerator(tree, {});
    expect(write).not.toHaveBeenCalled();
    expect(tree.listChanges().map((c) => [c.path, c.type, c.content?.toString()])).toEqual(before);
    expect(read(tree, 'BRIEF.md')).toContain('`orders` is a library in this workspace.');
  });

  it('adopts only the projects named, never the workspace root, and refuses unknown names', async () => {
    addProjectConfiguration(tree, 'workspace', { root: '.' });
    addProject(tree, 'orders', 'libs/orders', { 'src/index.ts': '' });
    addProject(tree, 'kernel', 'libs/kernel', { 'src/index.ts': '' });
    await adoptGenerator(tree, { projects: ' kernel ' });
    expect(tree.exists('libs/kernel/README.md')).toBe(true);
    expect(tree.exists('libs/orders/README.md')).toBe(false);
    await adoptGenerator(tree, {});
    expect(tree.exists('libs/orders/README.md')).toBe(true);
    expect(tree.exists('README.md')).toBe(false);
    await expect(adoptGenerator(tree, { projects: 'kernel,ordrs' })).rejects.toThrow('harness: there is no project "ordrs"; pass names that `nx show projects` lists, e.g. --projects=orders,kernel.');
    await expect(adoptGenerator(tree, { projects: 'workspace' })).rejects.toThrow('harness: "workspace" is the workspace root project');
  });

  it('leaves the files of a nested project and build output out of the parent', async () => {
    addProject(tree, 'orders', 'libs/orders', { 'src/index.ts': 'export function placeOrder() {}\n', 'dist/index.js': 'export function built_output() {}\n', 'node_modules/x/index.js': 'function vendored_code() {}\n' });
    addProject(tree, 'orders-sub', 'libs/orders/sub', { 'src/index.ts': 'export function nested_one() {}\nexport function nested_two() {}\n' });
    await adoptGenerator(tree, {});
    expect(read(tree, 'libs/orders/CONVENTIONS.md')).toContain('naming: { functions: camelCase, variables: camelCase }');
    expect(read(tree, 'libs/orders/sub/CONVENTIONS.md')).toContain('naming: { functions: snake_case, variables: snake_case }');
  });

  it('asks for sections the workspace added to the docs rule, marked for completion', async () => {
    tree.write('harness.yaml', 'rules:\n  docs: { severity: error, readmeSections: [Purpose, Owners] }\nconventions:\n  coverage: { lines: 60, branches: 50, functions: 60, statements: 60 }\n');
    addProject(tree, 'orders', 'libs/orders', { 'src/index.ts': '' });
    await adoptGenerator(tree, {});
    const text = read(tree, 'libs/orders/README.md');
    expect(listSections(text).map((s) => s.title)).toEqual(['orders', 'Purpose', 'Owners']);
    expect(section(text, 'Owners')).toBe("<!-- harness:todo --> Describe this project's owners here.");
    expect(read(tree, 'libs/orders/CONVENTIONS.md')).toContain('coverage: { lines: 60, branches: 50, functions: 60, statements: 60 }');
  });
});
