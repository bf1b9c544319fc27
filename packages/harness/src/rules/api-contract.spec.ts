import { DEFAULT_CONVENTIONS } from '../config/defaults';
import { readHarnessConfig } from '../config/read-harness-config';
import { formatTextBlock } from '../report/text';
import { createTestCheckContext, createTestRuleContext } from '../testing/create-test-context';
import { apiContractRule, checkApiContract } from './api-contract';

const SPEC = 'modules/billing/openapi.yaml';
const HANDLERS = 'modules/billing/src/handlers/invoices.ts';

const OPENAPI = [
  'openapi: 3.1.0',
  'info: { title: Billing, version: 1.0.0 }',
  'paths:',
  '  /invoices/{id}:',
  '    get:',
  '      operationId: getInvoice',
  '    delete:',
  '      operationId: deleteInvoice',
  '  /invoices:',
  '    post:',
  '      operationId: createInvoice',
  '',
].join('\n');

interface Setup {
  files: Record<string, string>;
  functions?: string;
  options?: Record<string, unknown>;
}

function runApiContract({ files, functions = 'snake_case', options = {} }: Setup) {
  const check = createTestCheckContext({ projects: [{ name: 'billing', root: 'modules/billing' }], files });
  const naming = { ...DEFAULT_CONVENTIONS.naming, functions };
  return checkApiContract(createTestRuleContext(check, 'billing', { conventions: { naming }, setting: { options } }));
}

const ALL_HANDLERS = [
  'export function get_invoice() {}',
  'export function delete_invoice() {}',
  'export const create_invoice = async () => ({});',
  '',
].join('\n');

describe('api-contract rule', () => {
  it('is registered under its stable id as an error', () => {
    expect(apiContractRule.id).toBe('api-contract');
    expect(apiContractRule.defaultSeverity).toBe('error');
    expect(apiContractRule.defaultOptions).toEqual({ handlers: ['**/handlers/**', '**/*.handler.ts', '**/*-handler.ts'] });
  });

  it('reports nothing for a module without openapi.yaml', () => {
    expect(runApiContract({ files: { [HANDLERS]: 'export function stray() {}\n' } })).toEqual([]);
  });

  it('reports nothing when spec and handlers agree, in the module function style', () => {
    expect(runApiContract({ files: { [SPEC]: OPENAPI, [HANDLERS]: ALL_HANDLERS } })).toEqual([]);
  });

  it('reports an operationId without an exported handler, at its line in the spec', () => {
    const files = {
      [SPEC]: OPENAPI,
      [HANDLERS]: 'export function get_invoice() {}\nexport function delete_invoice() {}\n',
    };
    const findings = runApiContract({ files });
    expect(findings).toEqual([
      {
        kind: 'api-contract/missing-handler',
        title: 'Operation has no handler',
        file: SPEC,
        line: 11,
        column: 20,
        found: 'createInvoice',
        expected: `an exported snake_case function for every operationId in ${SPEC}`,
        fix: 'Export a function `create_invoice` from a handler file, e.g. modules/billing/src/handlers/create-invoice.ts',
        reference: SPEC,
      },
    ]);
    expect(formatTextBlock({ ...findings[0], rule: 'api-contract', severity: 'error', project: 'billing' })).toBe(
      [
        'ERROR: Operation has no handler',
        `File: ${SPEC}`,
        'Line: 11',
        'Found: `createInvoice`',
        `Expected pattern: an exported snake_case function for every operationId in ${SPEC}`,
        'Fix: Export a function `create_invoice` from a handler file, e.g. modules/billing/src/handlers/create-invoice.ts',
        `Reference: See ${SPEC}`,
      ].join('\n'),
    );
  });

  it('finds handlers in any source file of the module, exported only', () => {
    const files = {
      [SPEC]: OPENAPI,
      'modules/billing/src/lib/api.ts': 'export function get_invoice() {}\nexport function delete_invoice() {}\n',
      'modules/billing/src/lib/internal.ts': 'function create_invoice() {}\n',
      'modules/billing/tests/api.spec.ts': 'export function create_invoice() {}\n',
    };
    expect(runApiContract({ files }).map((f) => f.found)).toEqual(['createInvoice']);
  });

  it('accepts the operationId as written, and uses camelCase for a custom function regex', () => {
    const files = {
      [SPEC]: OPENAPI,
      [HANDLERS]: 'export function getInvoice() {}\nexport function deleteInvoice() {}\n',
    };
    const findings = runApiContract({ files, functions: '/^[a-z][A-Za-z]*$/' });
    expect(findings.map((f) => [f.found, f.fix])).toEqual([
      ['createInvoice', 'Export a function `createInvoice` from a handler file, e.g. modules/billing/src/handlers/create-invoice.ts'],
    ]);
  });

  it('reports an exported function of a handler file that is not in the spec', () => {
    const files = { [SPEC]: OPENAPI, [HANDLERS]: `${ALL_HANDLERS}export function void_invoice() {}\nfunction helper() {}\n` };
    expect(runApiContract({ files })).toEqual([
      {
        kind: 'api-contract/stray-handler',
        title: 'Handler not in the API contract',
        file: HANDLERS,
        line: 4,
        column: 17,
        found: 'void_invoice',
        expected: `every exported function of a handler file is an operationId in ${SPEC}`,
        fix: `Add \`operationId: voidInvoice\` to its operation in ${SPEC}, or move \`void_invoice\` out of the handler files if it is not an endpoint`,
        reference: SPEC,
      },
    ]);
  });

  it.each([
    ['modules/billing/src/handlers/invoices.ts', 1],
    ['modules/billing/src/lib/invoice.handler.ts', 1],
    ['modules/billing/src/lib/invoice-handler.ts', 1],
    ['modules/billing/src/lib/invoice.ts', 0],
  ])('treats %s as a handler file: %i finding', (file, count) => {
    const files = { [SPEC]: OPENAPI, 'modules/billing/src/lib/api.ts': ALL_HANDLERS, [file]: 'export function extra_thing() {}\n' };
    expect(runApiContract({ files })).toHaveLength(count);
  });

  it('takes handler globs from the options', () => {
    const files = { [SPEC]: OPENAPI, 'modules/billing/src/routes/invoices.ts': `${ALL_HANDLERS}export function extra() {}\n` };
    const findings = runApiContract({ files, options: { handlers: ['src/routes/*.ts'] } });
    expect(findings.map((f) => [f.file, f.found])).toEqual([['modules/billing/src/routes/invoices.ts', 'extra']]);
  });

  it('suggests the new handler next to the existing ones', () => {
    const files = { [SPEC]: OPENAPI, 'modules/billing/src/api/get-invoice.handler.ts': 'export function get_invoice() {}\n' };
    const fixes = runApiContract({ files }).map((f) => f.fix);
    expect(fixes).toEqual([
      'Export a function `delete_invoice` from a handler file, e.g. modules/billing/src/api/delete-invoice.ts',
      'Export a function `create_invoice` from a handler file, e.g. modules/billing/src/api/create-invoice.ts',
    ]);
  });

  it('reads openapi.yml too', () => {
    const files = { 'modules/billing/openapi.yml': OPENAPI, [HANDLERS]: '' };
    expect(runApiContract({ files }).map((f) => [f.file, f.reference])).toEqual([
      ['modules/billing/openapi.yml', 'modules/billing/openapi.yml'],
      ['modules/billing/openapi.yml', 'modules/billing/openapi.yml'],
      ['modules/billing/openapi.yml', 'modules/billing/openapi.yml'],
    ]);
  });

  it('reports a duplicate operationId once, and its missing handler once', () => {
    const spec = `${OPENAPI}  /bills/{id}:\n    get:\n      operationId: getInvoice\n`;
    const files = { [SPEC]: spec, [HANDLERS]: 'export function delete_invoice() {}\nexport function create_invoice() {}\n' };
    expect(runApiContract({ files }).map((f) => f.kind)).toEqual(['api-contract/duplicate-operation-id', 'api-contract/missing-handler']);
    expect(runApiContract({ files }).map((f) => [f.title, f.line, f.fix])).toEqual([
      ['Duplicate operationId', 14, 'Give this operation its own operationId; `getInvoice` is already used at line 6'],
      ['Operation has no handler', 6, 'Export a function `get_invoice` from a handler file, e.g. modules/billing/src/handlers/get-invoice.ts'],
    ]);
  });

  it('turns broken YAML into one finding at its line', () => {
    const files = { [SPEC]: 'openapi: 3.1.0\npaths:\n  /a:\n    get: [\n      operationId: x\n', [HANDLERS]: ALL_HANDLERS };
    const findings = runApiContract({ files });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      kind: 'api-contract/invalid-spec',
      title: 'Invalid OpenAPI file',
      file: SPEC,
      line: 6,
      expected: 'an OpenAPI document in valid YAML, with its operations under paths',
      fix: `Correct ${SPEC} at line 6, then run the check again`,
      reference: SPEC,
    });
    expect(findings[0].found).toMatch(/^Flow sequence .* at line 6, column 1$/);
  });

  it('refuses an alias bomb instead of expanding it', () => {
    const bomb = ['a: &a [x, x]', 'b: &b [*a, *a, *a, *a]', 'c: &c [*b, *b, *b, *b]', 'd: [*c, *c, *c, *c]', ''].join('\n');
    const findings = runApiContract({ files: { [SPEC]: bomb } });
    expect(findings.map((f) => [f.title, f.found, f.line])).toEqual([
      ['Invalid OpenAPI file', 'Excessive alias count indicates a resource exhaustion attack', 0],
    ]);
  });

  it('allows a plain anchor reused by many operations', () => {
    const ops = Array.from({ length: 30 }, (_, i) => `  /r${i}:\n    get:\n      operationId: getR${i}\n      responses: *errors`);
    const spec = ['openapi: 3.1.0', 'x-errors: &errors { "500": { description: oops } }', 'paths:', ...ops, ''].join('\n');
    const handlers = Array.from({ length: 30 }, (_, i) => `export function get_r${i}() {}`).join('\n');
    expect(runApiContract({ files: { [SPEC]: spec, [HANDLERS]: handlers } })).toEqual([]);
  });

  it('reports a spec that is not a mapping', () => {
    const findings = runApiContract({ files: { [SPEC]: '- just\n- a list\n' } });
    expect(findings.map((f) => [f.title, f.found, f.line])).toEqual([
      ['Invalid OpenAPI file', 'the document is not a mapping of OpenAPI fields', 1],
    ]);
  });

  it('refuses a handlers option that is not a list of globs when harness.yaml loads', () => {
    const text = 'rules:\n  api-contract:\n    severity: error\n    handlers: src/handlers\n';
    expect(() => readHarnessConfig(text, [apiContractRule])).toThrow(
      'harness: harness.yaml:4: "handlers" must be a list, got "src/handlers"; write handlers: ["**/handlers/**","**/*.handler.ts","**/*-handler.ts"] (the default), or remove it',
    );
  });
});
