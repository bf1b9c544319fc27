import * as fs from 'node:fs';
import * as path from 'node:path';
import { createUserWorkspace, removeUserWorkspace, runNx, type CommandResult } from '../src';

/*
 * Acceptance of the convention rules, the sync generator, the baseline and bad input, as a user
 * types them, in ONE real workspace (packed tarball, Nx from HARNESS_NX_VERSION or 23.2.1) with a
 * snake_case `billing` module. Tests run in file order and restore what they change.
 *
 * Time budget on 2 cores, whole suite under 5 minutes: workspace ~5 s (cached) or ~60 s, init
 * ~5 s, module ~35 s (jest install), each check ~3 s, each sync ~4 s.
 */
const SUITE_BUDGET_MS = 5 * 60 * 1000;
const SETUP_TIMEOUT_MS = 4 * 60 * 1000;
const STEP_TIMEOUT_MS = 2 * 60 * 1000;
const STACK_FRAME = /^\s+at .+:\d+(:\d+)?\)?$/m;

const startedAt = Date.now();
let dir = '';

const file = (name: string) => path.join(dir, name);
const read = (name: string) => fs.readFileSync(file(name), 'utf8');
const write = (name: string, text: string) => {
  fs.mkdirSync(path.dirname(file(name)), { recursive: true });
  fs.writeFileSync(file(name), text);
};
const check = (...args: string[]): Promise<CommandResult> => runNx(dir, ['run', 'billing:harness-check', '--skip-nx-cache', ...args]);

beforeAll(async () => {
  dir = await createUserWorkspace('adoption');
  for (const args of [['g', 'harness:init'], ['g', 'harness:module', 'billing', '--naming=snake_case']]) {
    const result = await runNx(dir, [...args, '--no-interactive']);
    if (result.code !== 0) throw new Error(`nx ${args.join(' ')} failed:\n${result.output}`);
  }
}, SETUP_TIMEOUT_MS);

afterAll(() => {
  if (dir && !process.env.HARNESS_E2E_KEEP) removeUserWorkspace(dir);
});

describe('naming on a snake_case module', () => {
  it('passes harness-check when fresh', async () => {
    const result = await check();
    expect(result.output).toContain('0 errors');
    expect(result.code).toBe(0);
  }, STEP_TIMEOUT_MS);

  it('prints exactly the seed block for processInvoice on line 5 and not process_payment', async () => {
    write(
      'modules/billing/src/lib/invoice-handler.ts',
      'export function process_payment(amount: number): number {\n  return amount;\n}\n\nexport function processInvoice(id: string): string {\n  return id;\n}\n',
    );
    const result = await check();
    expect(result.code).toBe(1);
    expect(result.output).toContain(
      [
        'ERROR: Naming convention violation',
        'File: modules/billing/src/lib/invoice-handler.ts',
        'Line: 5',
        'Found: `processInvoice`',
        'Expected pattern: snake_case function names',
        'Fix: Rename to `process_invoice`',
        'Reference: See modules/billing/CONVENTIONS.md#naming',
      ].join('\n'),
    );
    expect(result.output).not.toContain('Found: `process_payment`');
  }, STEP_TIMEOUT_MS);

  it('reports a file that does not parse by name, still reports badName elsewhere, with no stack trace', async () => {
    write('modules/billing/src/lib/broken.ts', 'export function (\n');
    const result = await check();
    expect(result.output).toContain('File: modules/billing/src/lib/broken.ts');
    expect(result.output).toContain('Found: `processInvoice`');
    expect(result.output).not.toMatch(STACK_FRAME);
    fs.rmSync(file('modules/billing/src/lib/broken.ts'));
    fs.rmSync(file('modules/billing/src/lib/invoice-handler.ts'));
  }, STEP_TIMEOUT_MS);
});

describe('--fix', () => {
  it('renames processInvoice in the source and the test that imports it; the check and the tests then pass', async () => {
    write('modules/billing/src/lib/invoice.ts', 'export function processInvoice(id: string): string {\n  return id;\n}\n');
    const index = read('modules/billing/src/index.ts');
    write('modules/billing/src/index.ts', index + "export * from './lib/invoice.js';\n");
    write(
      'modules/billing/tests/invoice.spec.ts',
      "import { processInvoice } from '../src/index.js';\n\ndescribe('invoice', () => {\n  it('returns the id', () => {\n    expect(processInvoice('a')).toBe('a');\n  });\n});\n",
    );
    const fixed = await check('--fix');
    expect(fixed.output).toContain('harness-check --fix: 2 change(s) in billing');
    expect(read('modules/billing/src/lib/invoice.ts')).toContain('export function process_invoice(');
    expect(read('modules/billing/tests/invoice.spec.ts')).toContain("import { process_invoice } from '../src/index.js';");
    expect(fixed.code).toBe(0);
    expect((await runNx(dir, ['test', 'billing', '--skip-nx-cache'])).code).toBe(0);
    expect((await check()).code).toBe(0);
    fs.rmSync(file('modules/billing/src/lib/invoice.ts'));
    fs.rmSync(file('modules/billing/tests/invoice.spec.ts'));
    write('modules/billing/src/index.ts', index);
  }, 3 * STEP_TIMEOUT_MS);
});

describe('baseline', () => {
  it('passes an old finding and fails a new one', async () => {
    write('modules/billing/src/lib/legacy.ts', 'export function legacyName(): number {\n  return 1;\n}\n');
    const recorded = await check('--update-baseline');
    expect(recorded.code).toBe(0);
    expect(fs.existsSync(file('harness-baseline.json'))).toBe(true);
    const old = await check();
    expect(old.code).toBe(0);
    write('modules/billing/src/lib/refund.ts', 'export function issueRefund(): number {\n  return 1;\n}\n');
    const fresh = await check();
    expect(fresh.code).toBe(1);
    expect(fresh.output).toContain('Found: `issueRefund`');
    expect(fresh.output).not.toContain('Found: `legacyName`');
    for (const f of ['modules/billing/src/lib/refund.ts', 'modules/billing/src/lib/legacy.ts', 'harness-baseline.json']) fs.rmSync(file(f));
  }, STEP_TIMEOUT_MS);
});

describe('bad configuration', () => {
  it.each([
    ['harness.yaml', 'rules:\n  naming: [unclosed\n', /^harness: harness\.yaml:\d+: invalid YAML/m],
    ['harness.yaml', 'rules:\n  naming: sometimes\n', /^harness: harness\.yaml:2: unknown severity "sometimes"/m],
    ['modules/billing/CONVENTIONS.md', '---\nnaming: { functions: [\n---\n# x\n', /^harness: modules\/billing\/CONVENTIONS\.md:\d+: invalid YAML/m],
  ])('%s broken gives one line naming the file, exit 1, no stack trace', async (name, text, line) => {
    const before = read(name);
    write(name, text);
    const result = await check();
    write(name, before);
    expect(result.code).toBe(1);
    expect(result.output).toMatch(line);
    expect(result.output).not.toMatch(STACK_FRAME);
  }, STEP_TIMEOUT_MS);
});

describe('sync', () => {
  it('passes after harness:module, fails for a project added by hand, and passes after nx sync', async () => {
    expect((await runNx(dir, ['sync:check'])).code).toBe(0);
    write('modules/ledger/project.json', JSON.stringify({ name: 'ledger', tags: ['scope:ledger'] }));
    write('modules/ledger/src/index.ts', 'export const LEDGER = 1;\n');
    const stale = await runNx(dir, ['sync:check']);
    expect(stale.code).not.toBe(0);
    expect(stale.output).toContain('BRIEF.md');
    expect((await runNx(dir, ['sync'])).code).toBe(0);
    expect(read('BRIEF.md')).toContain('`ledger`');
    expect((await runNx(dir, ['sync:check'])).code).toBe(0);
  }, 3 * STEP_TIMEOUT_MS);

  it('stays within the time budget', () => {
    expect(Date.now() - startedAt).toBeLessThan(SUITE_BUDGET_MS);
  });
});
