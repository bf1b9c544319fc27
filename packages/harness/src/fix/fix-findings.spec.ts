import * as ts from 'typescript';
import { createFixWorkspace, listChangedFiles, writeModuleDocs } from '../testing/create-fix-workspace';
import { BILLING, PATHS, SHOP, SNAKE_CASE, checkAndFix, compile, createRenameWorkspace } from '../testing/fix-findings-fixture';
import { updateProjectFiles } from './update-project-files';

describe('fixFindings: identifier renames', () => {
  it('renames a function in its module, its re-export, its test and a module that imports it by alias, and nothing else', async () => {
    const ws = createRenameWorkspace();
    const { findings, before, result, after } = await checkAndFix(ws, 'billing', ['naming']);
    expect(findings.map((f) => f.found)).toEqual(['processInvoice']);
    expect(after).toEqual({
      ...before,
      'modules/billing/src/lib/invoice.ts': 'export function process_invoice(amount: number): number {\n  return amount * 2;\n}\n',
      'modules/billing/src/index.ts': "export { process_invoice } from './lib/invoice';\n",
      'modules/billing/tests/invoice.spec.ts': "import { process_invoice } from '../src/index';\n\ntest('doubles', () => expect(process_invoice(2)).toBe(4));\n",
      'modules/shop/src/index.ts': "import { process_invoice } from '@acme/billing';\n\nexport const checkout = (total: number): number => process_invoice(total);\n",
    });
    expect(result.skipped).toEqual([]);
    expect(result.changes.map((c) => c.file).sort()).toEqual(listChangedFiles(before, after));
    expect(result.changes).toContainEqual({
      file: 'modules/shop/src/index.ts',
      kind: 'rename-identifier',
      description: 'modules/shop/src/index.ts: renamed `processInvoice` to `process_invoice` (2 occurrences)',
    });
    expect((await ws.check('billing', ['naming'])).findings).toEqual([]);
    expect(compile(ws.root, ['modules/billing/src/index.ts', 'modules/shop/src/index.ts'], PATHS)).toEqual([]);
  });

  it('follows a workspace package name to its entry point when there are no tsconfig paths (TS solution)', async () => {
    const ws = createFixWorkspace([{ ...BILLING, packageName: '@ws/billing' }, { ...SHOP, packageName: '@ws/shop' }], {
      'package.json': JSON.stringify({ name: 'ws', workspaces: ['modules/*'] }),
      'modules/billing/package.json': JSON.stringify({ name: '@ws/billing', exports: './src/index.ts' }),
      ...writeModuleDocs('modules/billing', SNAKE_CASE),
      'modules/billing/src/index.ts': 'export function processInvoice(): number {\n  return 1;\n}\n',
      'modules/shop/src/index.ts': "import { processInvoice } from '@ws/billing';\n\nexport const total = processInvoice();\n",
    });
    const { before, after } = await checkAndFix(ws, 'billing', ['naming']);
    expect(listChangedFiles(before, after)).toEqual(['modules/billing/src/index.ts', 'modules/shop/src/index.ts']);
    expect(after['modules/shop/src/index.ts']).toBe("import { process_invoice } from '@ws/billing';\n\nexport const total = process_invoice();\n");
  });

  it('keeps the key of a shorthand property, so readers of the object still find it', async () => {
    const ws = createRenameWorkspace({
      'modules/billing/src/lib/invoice.ts': 'export function processInvoice(): number {\n  return 1;\n}\nexport const handlers = { processInvoice };\n',
      'modules/shop/src/index.ts': "import { handlers } from '@acme/billing';\n\nexport const total = handlers.processInvoice();\n",
      'modules/billing/src/index.ts': "export { handlers, processInvoice } from './lib/invoice';\n",
    });
    const { before, after } = await checkAndFix(ws, 'billing', ['naming']);
    expect(after['modules/billing/src/lib/invoice.ts']).toBe(
      'export function process_invoice(): number {\n  return 1;\n}\nexport const handlers = { processInvoice: process_invoice };\n',
    );
    expect(after['modules/shop/src/index.ts']).toBe(before['modules/shop/src/index.ts']);
  });

  it('skips a rename whose new name is already used in a file it would edit, and writes nothing', async () => {
    const ws = createRenameWorkspace({
      'modules/shop/src/index.ts': "import { processInvoice } from '@acme/billing';\n\nconst process_invoice = 2;\nexport const total = processInvoice(process_invoice);\n",
    });
    const { before, result, after } = await checkAndFix(ws, 'billing', ['naming']);
    expect(after).toEqual(before);
    expect(result.changes).toEqual([]);
    expect(result.skipped.map((s) => s.reason)).toEqual([
      '`process_invoice` is already used in modules/shop/src/index.ts; rename `processInvoice` by hand to a name that is free',
    ]);
  });
});

describe('fixFindings: file renames', () => {
  it('renames a file and every import of it: relative, with .js, from a test and through a wildcard alias', async () => {
    const paths = { ...PATHS, '@acme/billing/*': ['modules/billing/src/*'] };
    const ws = createFixWorkspace([BILLING, SHOP], {
      'tsconfig.base.json': JSON.stringify({ compilerOptions: { paths } }),
      ...writeModuleDocs('modules/billing'),
      'modules/billing/src/lib/invoiceHandler.ts': 'export function handleInvoice(): number {\n  return 1;\n}\n',
      'modules/billing/src/index.ts': "export * from './lib/invoiceHandler';\n",
      'modules/billing/src/lib/uses.ts': "import { handleInvoice } from './invoiceHandler.js';\n\nexport const value = handleInvoice();\n",
      'modules/billing/tests/handler.spec.ts': "import { handleInvoice } from '../src/lib/invoiceHandler';\n\ntest('one', () => expect(handleInvoice()).toBe(1));\n",
      'modules/shop/src/index.ts': "import { handleInvoice } from '@acme/billing/lib/invoiceHandler';\n\nexport const total = handleInvoice();\n",
    });
    const stale = ws.listProjectFiles();
    const { context, findings, before, result, after } = await checkAndFix(ws, 'billing', ['naming']);
    expect(findings.map((f) => f.fix)).toEqual(['Rename to `invoice-handler.ts` and update the imports of it']);
    const { 'modules/billing/src/lib/invoiceHandler.ts': moved, ...rest } = before;
    expect(after).toEqual({
      ...rest,
      'modules/billing/src/lib/invoice-handler.ts': moved,
      'modules/billing/src/index.ts': "export * from './lib/invoice-handler';\n",
      'modules/billing/src/lib/uses.ts': "import { handleInvoice } from './invoice-handler.js';\n\nexport const value = handleInvoice();\n",
      'modules/billing/tests/handler.spec.ts': "import { handleInvoice } from '../src/lib/invoice-handler';\n\ntest('one', () => expect(handleInvoice()).toBe(1));\n",
      'modules/shop/src/index.ts': "import { handleInvoice } from '@acme/billing/lib/invoice-handler';\n\nexport const total = handleInvoice();\n",
    });
    expect(result.changes[0]).toEqual({
      file: 'modules/billing/src/lib/invoice-handler.ts',
      kind: 'rename-file',
      description: 'renamed modules/billing/src/lib/invoiceHandler.ts to modules/billing/src/lib/invoice-handler.ts',
      from: 'modules/billing/src/lib/invoiceHandler.ts',
    });
    expect(result.changes.filter((c) => c.kind === 'edit').map((c) => c.file).sort()).toEqual([
      'modules/billing/src/index.ts',
      'modules/billing/src/lib/uses.ts',
      'modules/billing/tests/handler.spec.ts',
      'modules/shop/src/index.ts',
    ]);
    // Re-checked in the same process, with Nx's file map from before the fix brought up to date.
    const recheck = await ws.check('billing', ['naming'], updateProjectFiles(stale, context.projects, result.changes));
    expect(recheck.findings).toEqual([]);
    expect(compile(ws.root, ['modules/billing/src/index.ts', 'modules/shop/src/index.ts'], paths)).toEqual([]);
  });
});

describe('fixFindings: documents', () => {
  it('appends missing README sections after the user text, which stays byte for byte, marked for completion', async () => {
    const readme = '# billing\r\n\r\nUser intro, kept as written.\r\n\r\n## Purpose\r\n\r\nBills customers.';
    const ws = createFixWorkspace([BILLING], { ...writeModuleDocs('modules/billing'), 'modules/billing/README.md': readme });
    const { findings, before, result, after } = await checkAndFix(ws, 'billing', ['docs']);
    expect(findings.map((f) => f.found)).toEqual(['no "## Public API" section', 'no "## Dependencies" section', 'no "## Testing" section']);
    expect(listChangedFiles(before, after)).toEqual(['modules/billing/README.md']);
    const marker = '<!-- harness:todo: written by harness-check --fix; replace this marker and the line below -->';
    expect(after['modules/billing/README.md']).toBe(
      readme +
        `\r\n\r\n## Public API\r\n\r\n${marker}\r\nTODO: list what billing exports from its entry point and when to use each export.\r\n` +
        `\r\n## Dependencies\r\n\r\n${marker}\r\nTODO: name the modules and packages billing uses, and why.\r\n` +
        `\r\n## Testing\r\n\r\n${marker}\r\nTODO: say how to run the tests of billing (\`nx test billing\`) and what they cover.\r\n`,
    );
    expect(result.changes.map((c) => c.kind)).toEqual(['scaffold-section', 'scaffold-section', 'scaffold-section']);
    // Marked, not written: the check now asks for the text instead of the heading.
    expect((await ws.check('billing', ['docs'])).findings.map((f) => `${f.title}: ${f.found}`)).toEqual([
      'Documentation section is empty or template text: ## Public API',
      'Documentation section is empty or template text: ## Dependencies',
      'Documentation section is empty or template text: ## Testing',
    ]);
  });

  it('creates a missing CONVENTIONS.md with every required section marked, and no front matter', async () => {
    const { 'modules/billing/README.md': readme } = writeModuleDocs('modules/billing');
    const ws = createFixWorkspace([BILLING], { 'modules/billing/README.md': readme });
    const { before, result, after } = await checkAndFix(ws, 'billing', ['docs']);
    expect(listChangedFiles(before, after)).toEqual(['modules/billing/CONVENTIONS.md']);
    expect(after['modules/billing/CONVENTIONS.md']).toMatch(/^# billing conventions\n\n## Naming\n\n<!-- harness:todo: [^\n]+-->\nTODO: describe how code in billing is named/);
    expect(result.changes).toEqual([
      {
        file: 'modules/billing/CONVENTIONS.md',
        kind: 'create-file',
        description:
          'created modules/billing/CONVENTIONS.md with the sections Naming, Dependencies, Testing, Coverage, Layers, marked harness:todo for a person or agent to complete',
      },
    ]);
    const titles = (await ws.check('billing', ['docs'])).findings.map((f) => f.title);
    expect(titles).toEqual(Array(5).fill('Documentation section is empty or template text'));
  });
});

describe('fixFindings: test stubs', () => {
  /** Runs a stub's single test and returns what it throws. */
  function runStub(source: string): unknown {
    const tests: Array<() => void> = [];
    const js = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.CommonJS } }).outputText;
    new Function('describe', 'it', 'exports', js)((_: string, body: () => void) => body(), (_: string, body: () => void) => tests.push(body), {});
    expect(tests).toHaveLength(1);
    try {
      tests[0]();
    } catch (error) {
      return error;
    }
    return undefined;
  }

  it('creates a failing stub naming the entry point exports, as renamed in the same fix', async () => {
    const ws = createFixWorkspace([BILLING], {
      ...writeModuleDocs('modules/billing', SNAKE_CASE),
      'modules/billing/src/lib/invoice.ts': 'export function processInvoice(): number {\n  return 1;\n}\nexport interface Invoice {\n  total: number;\n}\n',
      'modules/billing/src/index.ts': "export * from './lib/invoice';\n",
    });
    const { findings, result, after } = await checkAndFix(ws, 'billing', ['naming', 'tests']);
    expect(findings.map((f) => f.title).sort()).toEqual(['Module has no tests', 'Naming convention violation']);
    const stub = after['modules/billing/tests/billing.spec.ts'];
    expect(stub).toBe(
      [
        '// harness:todo: written by harness-check --fix. It fails on purpose until it is replaced by real tests.',
        'describe("billing", () => {',
        '  it("has tests of src/index.ts", () => {',
        '    throw new Error("harness: write tests for process_invoice from src/index.ts");',
        '  });',
        '});',
        '',
        '// Keeps this file a module, as isolatedModules requires.',
        'export {};',
        '',
      ].join('\n'),
    );
    expect(runStub(stub)).toEqual(new Error('harness: write tests for process_invoice from src/index.ts'));
    expect(result.changes).toContainEqual({
      file: 'modules/billing/tests/billing.spec.ts',
      kind: 'create-file',
      description: 'created modules/billing/tests/billing.spec.ts, a failing test stub naming process_invoice to replace with real tests',
    });
    expect((await ws.check('billing', ['naming', 'tests'])).findings).toEqual([]);
  });
});
