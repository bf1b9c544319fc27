import * as fs from 'node:fs';
import * as path from 'node:path';
import { createNxEnv, createUserWorkspace, parseFindingBlocks, removeUserWorkspace, runCommand, runNx, type CommandResult } from '../src';

/*
 * The dependency keys beyond ESLint's depConstraints, in ONE fresh workspace made from the packed
 * tarball: importKinds, files/excludeFiles, edges: graph and circular ignoreTypeImports. Each case
 * shows the finding with ESLint's reading and its absence (or its new place) with the key set.
 *
 * Time budget on 2 cores, under 4 minutes: workspace ~6 s from try-as-user.sh's cache, npm
 * linking the hand-made packages ~2 s, init ~5 s, each `npx harness check` ~1-3 s.
 */
const SUITE_BUDGET_MS = 4 * 60 * 1000;
const SETUP_TIMEOUT_MS = 3 * 60 * 1000;
const STEP_TIMEOUT_MS = 60 * 1000;

const TYPE_IMPORT = 'packages/billing/src/index.ts';
const LAZY_IMPORT = 'packages/billing/src/lib/lazy.ts';
const LIB = 'packages/billing/src/lib/pay.ts';
const SPEC = 'packages/billing/src/lib/pay.spec.ts';
const ORDERS_PACKAGE = 'packages/orders/package.json';

const startedAt = Date.now();
let dir = '';

function write(file: string, text: string): void {
  fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
  fs.writeFileSync(path.join(dir, file), text);
}

/** A workspace package with its tags; `dependencies` go into its package.json only. */
function writePackage(name: string, tags: string[], files: Record<string, string>, dependencies?: Record<string, string>): void {
  const manifest = { name: `@ws/${name}`, version: '0.0.1', type: 'module', main: './src/index.ts', types: './src/index.ts', nx: { tags }, ...(dependencies ? { dependencies } : {}) };
  write(`packages/${name}/package.json`, JSON.stringify(manifest, null, 2) + '\n');
  for (const [file, text] of Object.entries(files)) write(`packages/${name}/${file}`, text);
}

/** harness.yaml: the given dependency lines, the rules that are not about dependencies off. */
function writeConfig(dependencies: string[], circular = 'error'): void {
  const rules = ['rules:', '  docs: off', '  tests: off', '  coverage: off', '  agents-md: off', `  circular: ${circular}`];
  write('harness.yaml', ['dependencies:', ...dependencies, ...rules, ''].join('\n'));
}

const billing = (kinds = '', files = '') => [
  '    - sourceTag: "scope:billing"',
  '      onlyDependOnLibsWithTags: ["scope:billing", "scope:shared"]',
  ...(kinds ? [`      importKinds: ${kinds}`] : []),
  ...(files ? [`      excludeFiles: ${files}`] : []),
];
const REST = ['    - sourceTag: "scope:orders"', '      onlyDependOnLibsWithTags: ["scope:orders", "scope:shared"]', '    - sourceTag: "*"', '      onlyDependOnLibsWithTags: ["*"]'];

function check(): Promise<CommandResult> {
  return runCommand('npx', ['harness', 'check', 'packages'], { cwd: dir, env: createNxEnv(), timeoutMs: STEP_TIMEOUT_MS });
}

/** `file:line rule-title` of each finding, sorted. */
async function findingsOf(): Promise<string[]> {
  const result = await check();
  if (result.code > 1) throw new Error(`harness check failed:\n${result.output}`);
  return parseFindingBlocks(result.output)
    .map((b) => `${b.fields.File}:${b.fields.Line} ${b.title}`)
    .sort();
}

beforeAll(async () => {
  dir = await createUserWorkspace('import-kinds');
  writePackage('auth', ['scope:auth'], { 'src/index.ts': 'export type User = { id: string };\nexport const login = () => 1;\n' });
  writePackage('shared', ['scope:shared'], { 'src/index.ts': 'export const shared = 1;\n' });
  writePackage('fakes', ['type:testing'], { 'src/index.ts': 'export const fake = 1;\n' });
  writePackage('orders', ['scope:orders'], { 'src/index.ts': 'export const order = 1;\n' }, { '@ws/auth': '*' });
  writePackage('billing', ['scope:billing'], {
    'src/index.ts': "import type { User } from '@ws/auth';\nexport const pay = (user: User) => user.id;\n",
    'src/lib/lazy.ts': "export const load = () => import('@ws/auth');\n",
    'src/lib/pay.ts': "import { fake } from '@ws/fakes';\nexport const charge = fake;\n",
    'src/lib/pay.spec.ts': "import { fake } from '@ws/fakes';\nexport const charged = fake;\n",
  });
  writePackage('cyca', ['scope:cyc'], { 'src/index.ts': "import type { B } from '@ws/cycb';\nexport type A = { b?: B };\n" });
  writePackage('cycb', ['scope:cyc'], { 'src/index.ts': "import type { A } from '@ws/cyca';\nexport type B = { a?: A };\n" });
  // Links the workspace packages into node_modules, as a user's install does; nothing is downloaded.
  const linked = await runCommand('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund'], { cwd: dir, env: createNxEnv(), timeoutMs: SETUP_TIMEOUT_MS });
  if (linked.code !== 0) throw new Error(`npm install failed:\n${linked.output}`);
  const init = await runNx(dir, ['g', 'harness:init', '--no-interactive']);
  if (init.code !== 0) throw new Error(`nx g harness:init failed:\n${init.output}`);
}, SETUP_TIMEOUT_MS);

afterAll(() => {
  if (dir) removeUserWorkspace(dir);
  // The budget is part of the contract: a slower suite is a failing suite.
  expect(Date.now() - startedAt).toBeLessThan(SUITE_BUDGET_MS);
});

describe('without the new keys, ESLint\'s reading', () => {
  it('reports every import kind, the spec file, and the type-only cycle, but not the package.json-only edge', async () => {
    writeConfig([...['  constraints:'], ...billing(), ...REST]);
    expect(await findingsOf()).toEqual([
      `${TYPE_IMPORT}:1 Dependency constraint violation`,
      `${LAZY_IMPORT}:1 Dependency constraint violation`,
      `${SPEC}:1 Dependency constraint violation`,
      `${LIB}:1 Dependency constraint violation`,
      'packages/cyca/src/index.ts:1 Circular dependency between projects',
      'packages/cycb/src/index.ts:1 Circular dependency between projects',
    ].sort());
    const blocks = parseFindingBlocks((await check()).output);
    expect(blocks.find((b) => b.fields.File === SPEC)?.fields.Fix).toContain('If only test files need it, add excludeFiles: ["**/*.spec.ts"] to this constraint in harness.yaml');
    const typeOnly = blocks.find((b) => b.fields.File === TYPE_IMPORT);
    expect(typeOnly?.fields.Found).toBe('`@ws/auth`');
    expect(typeOnly?.fields.Fix).toContain('This is a type-only import (erased at run time): add importKinds: [static, dynamic] to this constraint in harness.yaml');
  }, STEP_TIMEOUT_MS);
});

describe('importKinds', () => {
  it('[static, dynamic] lets the type-only import through', async () => {
    writeConfig(['  constraints:', ...billing('[static, dynamic]'), ...REST]);
    const findings = await findingsOf();
    expect(findings).not.toContain(`${TYPE_IMPORT}:1 Dependency constraint violation`);
    expect(findings).toContain(`${LAZY_IMPORT}:1 Dependency constraint violation`);
  }, STEP_TIMEOUT_MS);

  it('[static] lets the lazy import() through too', async () => {
    writeConfig(['  constraints:', ...billing('[static]'), ...REST]);
    const findings = await findingsOf();
    expect(findings.filter((f) => f.startsWith('packages/billing/src/index') || f.startsWith(LAZY_IMPORT))).toEqual([]);
    expect(findings).toContain(`${LIB}:1 Dependency constraint violation`);
  }, STEP_TIMEOUT_MS);
});

describe('files and excludeFiles', () => {
  it('lets the spec file import the testing project, and still reports the same import from src/lib', async () => {
    const testing = ['    - sourceTag: "scope:billing"', '      onlyDependOnLibsWithTags: ["scope:billing", "scope:shared", "type:testing"]', '      files: ["**/*.spec.ts", "**/*.stories.tsx"]'];
    writeConfig(['  constraints:', ...billing('', '["**/*.spec.ts", "**/*.stories.tsx"]'), ...testing, ...REST]);
    const findings = (await findingsOf()).filter((f) => f.includes('billing'));
    expect(findings).toEqual([`${TYPE_IMPORT}:1 Dependency constraint violation`, `${LAZY_IMPORT}:1 Dependency constraint violation`, `${LIB}:1 Dependency constraint violation`].sort());
  }, STEP_TIMEOUT_MS);
});

describe('edges: graph', () => {
  it('reports the package.json-only dependency at its line of package.json', async () => {
    writeConfig(['  edges: graph', '  constraints:', ...billing(), ...REST]);
    const blocks = parseFindingBlocks((await check()).output).filter((b) => b.fields.File === ORDERS_PACKAGE);
    const line = fs.readFileSync(path.join(dir, ORDERS_PACKAGE), 'utf8').split('\n').findIndex((l) => l.includes('"@ws/auth"')) + 1;
    expect(blocks.map((b) => [b.title, b.fields.Line, b.fields.Found])).toEqual([['Dependency constraint violation', String(line), '`@ws/auth`']]);
    expect(blocks[0].fields['Expected pattern']).toBe('scope:orders may depend only on scope:orders, scope:shared');
    expect(blocks[0].fields.Fix).toContain(`${ORDERS_PACKAGE} declares this dependency, no import makes it`);
    // The executor, with the graph Nx hands it, finds the same.
    const viaNx = await runNx(dir, ['run', '@ws/orders:harness-check', '--skip-nx-cache', '--output-style=static'], STEP_TIMEOUT_MS);
    expect(viaNx.code).not.toBe(0);
    expect(parseFindingBlocks(viaNx.output).filter((b) => b.fields.File === ORDERS_PACKAGE)).toEqual(blocks);
  }, STEP_TIMEOUT_MS);

  it('a bad value is one line with the file and line, exit 1', async () => {
    writeConfig(['  edges: maybe', '  constraints:', ...billing(), ...REST]);
    const result = await check();
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toBe('harness: harness.yaml:2: "edges" must be imports or graph, got "maybe"; write edges: graph to judge every project-graph edge, or edges: imports (the default) for edges with an import');
  }, STEP_TIMEOUT_MS);
});

describe('circular ignoreTypeImports', () => {
  it('skips the cycle made of type-only imports', async () => {
    writeConfig(['  constraints:', ...billing(), ...REST], '{ severity: error, ignoreTypeImports: true }');
    expect((await findingsOf()).filter((f) => f.includes('Circular'))).toEqual([]);
  }, STEP_TIMEOUT_MS);

  it('reports it again when one edge loads code at run time', async () => {
    write('packages/cycb/src/index.ts', "import type { A } from '@ws/cyca';\nimport * as cyca from '@ws/cyca';\nexport type B = { a?: A };\nexport const keep = cyca;\n");
    const circular = (await findingsOf()).filter((f) => f.includes('Circular'));
    expect(circular).toEqual(['packages/cyca/src/index.ts:1 Circular dependency between projects', 'packages/cycb/src/index.ts:1 Circular dependency between projects', 'packages/cycb/src/index.ts:2 Circular dependency between projects']);
  }, STEP_TIMEOUT_MS);
});
