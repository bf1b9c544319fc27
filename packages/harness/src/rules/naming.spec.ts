import { DEFAULT_CONVENTIONS } from '../config/defaults';
import type { NamingConventions } from '../config/types';
import { formatTextBlock } from '../report/text';
import { createTestCheckContext, createTestRuleContext } from '../testing/create-test-context';
import { checkNaming, namingRule } from './naming';

const HANDLER = 'modules/billing/src/lib/invoice-handler.ts';
const SNAKE_FUNCTIONS: NamingConventions = { ...DEFAULT_CONVENTIONS.naming, functions: 'snake_case' };

interface Setup {
  files: Record<string, string>;
  naming?: NamingConventions;
  options?: Record<string, unknown>;
  harnessYaml?: string;
}

function runNaming({ files, naming = DEFAULT_CONVENTIONS.naming, options = {}, harnessYaml }: Setup) {
  const check = createTestCheckContext({
    projects: [{ name: 'billing', root: 'modules/billing' }],
    files: harnessYaml === undefined ? files : { ...files, 'harness.yaml': harnessYaml },
  });
  return checkNaming(createTestRuleContext(check, 'billing', { conventions: { naming }, setting: { options } }));
}

const summarize = (findings: ReturnType<typeof runNaming>) => findings.map((f) => [f.file, f.line, f.found, f.expected, f.fix]);

describe('naming rule', () => {
  it('is registered under its stable id as an error', () => {
    expect(namingRule.id).toBe('naming');
    expect(namingRule.defaultSeverity).toBe('error');
    expect(namingRule.defaultOptions).toEqual({ pascalCaseComponents: true, strictConstants: false });
  });

  it('reports the one misnamed function of a snake_case module, exactly as the issue asks', () => {
    const findings = runNaming({
      naming: SNAKE_FUNCTIONS,
      files: {
        [HANDLER]: [
          'export function process_payment(amount: number): number {',
          '  return amount;',
          '}',
          '',
          'export function processInvoice(id: string): string {',
          '  return id;',
          '}',
          '',
        ].join('\n'),
      },
    });
    expect(findings).toEqual([
      {
        kind: 'naming/identifier-style',
        data: { rename: { from: 'processInvoice', to: 'process_invoice' } },
        title: 'Naming convention violation',
        file: HANDLER,
        line: 5,
        column: 17,
        found: 'processInvoice',
        expected: 'snake_case function names',
        fix: 'Rename to `process_invoice`',
        reference: 'modules/billing/CONVENTIONS.md#naming',
      },
    ]);
    expect(formatTextBlock({ ...findings[0], rule: 'naming', severity: 'error', project: 'billing' })).toBe(
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
  });

  it('checks each declaration kind against its own convention', () => {
    const findings = runNaming({
      options: { strictConstants: true },
      files: {
        'modules/billing/src/lib/kinds.ts': [
          'export function Make_invoice() {}',
          'export class invoice_store {}',
          'let Running_total = 0;',
          'const maxItems = 10;',
          'type invoice_id = string;',
          'interface line_item {}',
          'enum invoice_state { Open }',
          '',
        ].join('\n'),
      },
    });
    expect(summarize(findings)).toEqual([
      ['modules/billing/src/lib/kinds.ts', 1, 'Make_invoice', 'camelCase function names', 'Rename to `makeInvoice`'],
      ['modules/billing/src/lib/kinds.ts', 2, 'invoice_store', 'PascalCase class names', 'Rename to `InvoiceStore`'],
      ['modules/billing/src/lib/kinds.ts', 3, 'Running_total', 'camelCase variable names', 'Rename to `runningTotal`'],
      ['modules/billing/src/lib/kinds.ts', 4, 'maxItems', 'UPPER_CASE constant names', 'Rename to `MAX_ITEMS`'],
      ['modules/billing/src/lib/kinds.ts', 5, 'invoice_id', 'PascalCase type names', 'Rename to `InvoiceId`'],
      ['modules/billing/src/lib/kinds.ts', 6, 'line_item', 'PascalCase type names', 'Rename to `LineItem`'],
      ['modules/billing/src/lib/kinds.ts', 7, 'invoice_state', 'PascalCase type names', 'Rename to `InvoiceState`'],
    ]);
  });

  it('lets constants and variables use either style unless strictConstants is set', () => {
    const files = {
      'modules/billing/src/lib/a.ts': 'export const maxItems = 10;\nexport const ROUTES = new Map();\nexport const Bad_limit = 1;\n',
    };
    expect(summarize(runNaming({ files }))).toEqual([
      ['modules/billing/src/lib/a.ts', 3, 'Bad_limit', 'UPPER_CASE constant names', 'Rename to `BAD_LIMIT`'],
    ]);
    expect(runNaming({ files, options: { strictConstants: true } }).map((f) => f.found)).toEqual(['maxItems', 'ROUTES', 'Bad_limit']);
  });

  it('reports nothing for a module that follows its conventions', () => {
    const findings = runNaming({
      naming: SNAKE_FUNCTIONS,
      files: {
        'modules/billing/src/lib/invoice.ts':
          'export const MAX_ITEMS = 10;\nexport class InvoiceStore {}\nexport function add_line() { const total = 1; return total; }\n',
      },
    });
    expect(findings).toEqual([]);
  });

  it('accepts a single lowercase word in camelCase and snake_case alike', () => {
    const file = { 'modules/billing/src/lib/total.ts': 'export function total() {}\nlet count = 0;\n' };
    expect(runNaming({ files: file })).toEqual([]);
    expect(runNaming({ files: file, naming: { ...SNAKE_FUNCTIONS, variables: 'snake_case' } })).toEqual([]);
  });

  it('skips names made only of underscores and judges the rest of a name with a leading underscore', () => {
    const findings = runNaming({
      files: { 'modules/billing/src/lib/a.ts': 'const _ = 1;\nlet _unused = 0;\nlet _Bad_name = 0;\n' },
    });
    expect(summarize(findings)).toEqual([
      ['modules/billing/src/lib/a.ts', 3, '_Bad_name', 'camelCase variable names', 'Rename to `_badName`'],
    ]);
  });

  it('reports an overloaded function once', () => {
    const findings = runNaming({
      files: {
        'modules/billing/src/lib/a.ts': [
          'export function Parse(a: string): string;',
          'export function Parse(a: number): number;',
          'export function Parse(a: unknown) { return a; }',
          '',
        ].join('\n'),
      },
    });
    expect(summarize(findings)).toEqual([['modules/billing/src/lib/a.ts', 1, 'Parse', 'camelCase function names', 'Rename to `parse`']]);
  });

  it('converts acronyms and digits in the fix', () => {
    const findings = runNaming({
      naming: SNAKE_FUNCTIONS,
      files: { 'modules/billing/src/lib/a.ts': 'export function parseHTTPResponse2() {}\n' },
    });
    expect(findings[0].fix).toBe('Rename to `parse_http_response2`');
  });

  it('says to match a custom regex, which has no single right spelling', () => {
    const findings = runNaming({
      naming: { functions: '/^handle_[a-z_]+$/' },
      files: { 'modules/billing/src/lib/a.ts': 'export function handle_get() {}\nexport function getInvoice() {}\n' },
    });
    expect(summarize(findings)).toEqual([
      [
        'modules/billing/src/lib/a.ts',
        2,
        'getInvoice',
        '/^handle_[a-z_]+$/ function names',
        'Rename `getInvoice` so that it matches /^handle_[a-z_]+$/',
      ],
    ]);
    // No suggested name, so no rename data: --fix leaves it for a person or an agent.
    expect(findings.map((f) => [f.kind, f.data])).toEqual([['naming/identifier-style', undefined]]);
  });

  it('accepts PascalCase components in .tsx files unless told not to', () => {
    const files = { 'modules/billing/src/lib/invoice-list.tsx': 'export function InvoiceList() { return null; }\n' };
    expect(runNaming({ files })).toEqual([]);
    expect(summarize(runNaming({ files, options: { pascalCaseComponents: false } }))).toEqual([
      ['modules/billing/src/lib/invoice-list.tsx', 1, 'InvoiceList', 'camelCase function names', 'Rename to `invoiceList`'],
    ]);
  });

  it('reports a file name with the renamed file in the fix', () => {
    const findings = runNaming({ files: { 'modules/billing/src/lib/invoiceHandler.ts': 'export const LIMIT = 1;\n' } });
    expect(findings).toEqual([
      {
        kind: 'naming/file-style',
        data: { rename: { from: 'invoiceHandler.ts', to: 'invoice-handler.ts' } },
        title: 'Naming convention violation',
        file: 'modules/billing/src/lib/invoiceHandler.ts',
        line: 0,
        column: 0,
        found: 'invoiceHandler.ts',
        expected: 'kebab-case file names',
        fix: 'Rename to `invoice-handler.ts` and update the imports of it',
        reference: 'modules/billing/CONVENTIONS.md#naming',
      },
    ]);
  });

  it('judges a file name without its extension and role suffix, segment by segment', () => {
    const findings = runNaming({
      files: {
        'modules/billing/src/lib/invoice-handler.ts': '',
        'modules/billing/src/lib/invoice.service.ts': '',
        'modules/billing/src/lib/invoice-handler.spec.ts': '',
        'modules/billing/src/index.ts': '',
        'modules/billing/src/lib/[invoiceId].tsx': '',
        'modules/billing/src/lib/InvoiceStore.spec.ts': '',
      },
    });
    expect(findings.map((f) => [f.found, f.fix])).toEqual([
      ['[invoiceId].tsx', 'Rename to `[invoice-id].tsx` and update the imports of it'],
      ['InvoiceStore.spec.ts', 'Rename to `invoice-store.spec.ts` and update the imports of it'],
    ]);
  });

  it('checks only module source: files under the source root, not .d.ts files', () => {
    const findings = runNaming({
      files: {
        'modules/billing/tests/Billing_Test.spec.ts': 'function Bad_name() {}\n',
        'modules/billing/jest.config.ts': 'const Bad_name = {};\n',
        'modules/billing/src/types/Globals.d.ts': 'declare const Bad_name: string;\n',
      },
    });
    expect(findings).toEqual([]);
  });

  it('reports a risky naming regex once, at its line in the file that sets it', () => {
    const findings = runNaming({
      naming: { ...DEFAULT_CONVENTIONS.naming, functions: '/^(a+)+$/' },
      harnessYaml: 'conventions:\n  naming:\n    functions: /^(a+)+$/\n',
      files: { 'modules/billing/src/lib/a.ts': 'export function aaa() {}\n' },
    });
    expect(findings).toEqual([
      {
        kind: 'naming/invalid-style',
        title: 'Invalid naming style',
        file: 'harness.yaml',
        line: 3,
        column: 0,
        found: 'functions: /^(a+)+$/',
        expected: 'a naming style of camelCase, PascalCase, snake_case, UPPER_CASE, kebab-case (file names only) or a safe /regex/',
        fix:
          'Edit naming.functions in harness.yaml: the naming regex "/^(a+)+$/" contains "(a+)+", which can take exponential time on some names; ' +
          'rewrite it without a repeated group that itself repeats or alternates (e.g. /^[a-z]+(_[a-z0-9]+)*$/) and without backreferences',
        reference: 'modules/billing/CONVENTIONS.md#naming',
      },
    ]);
  });

  it('refuses kebab-case for identifiers, which cannot contain "-"', () => {
    const findings = runNaming({
      naming: { functions: 'kebab-case' },
      files: {
        'modules/billing/CONVENTIONS.md': '---\nnaming: { functions: kebab-case }\n---\n',
        'modules/billing/src/lib/a.ts': 'export function processInvoice() {}\n',
      },
    });
    expect(findings.map((f) => [f.title, f.file, f.line, f.fix])).toEqual([
      [
        'Invalid naming style',
        'modules/billing/CONVENTIONS.md',
        2,
        'Edit naming.functions in modules/billing/CONVENTIONS.md: kebab-case cannot name functions because "-" is not allowed in identifiers; use camelCase, PascalCase, snake_case, UPPER_CASE or a /regex/',
      ],
    ]);
  });

  it('reads each file through the shared parse cache', () => {
    const check = createTestCheckContext({
      projects: [{ name: 'billing', root: 'modules/billing' }],
      files: { 'modules/billing/src/lib/a.ts': 'export const x = 1;\n' },
    });
    const readSource = jest.spyOn(check, 'readSource');
    checkNaming(createTestRuleContext(check, 'billing'));
    expect(readSource).toHaveBeenCalledWith('modules/billing/src/lib/a.ts');
    expect(check.isParsed('modules/billing/src/lib/a.ts')).toBe(true);
  });
});
