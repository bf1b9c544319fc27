import type { Finding } from '../core/finding';
import { FINDING_KINDS, FIXABLE_KINDS } from '../core/finding-kinds';
import { docsRule } from '../rules/docs';
import { testsRule } from '../rules/tests';
import { createTestCheckContext, createTestRuleContext } from '../testing/create-test-context';
import { classifyFinding, describeNoFix, readFindingData } from './classify-finding';

const finding = (overrides: Partial<Finding>): Finding =>
  ({
    rule: 'naming',
    kind: 'naming/identifier-style',
    severity: 'error',
    title: 'Naming convention violation',
    project: 'billing',
    file: 'modules/billing/src/a.ts',
    line: 1,
    column: 1,
    found: 'x',
    expected: '',
    fix: '',
    reference: '',
    ...overrides,
  }) as Finding;

describe('classifyFinding', () => {
  it.each([
    [finding({ kind: 'naming/identifier-style', data: { rename: { from: 'processInvoice', to: 'process_invoice' } } }), 'rename-identifier'],
    [finding({ kind: 'naming/file-style', data: { rename: { from: 'invoiceHandler.ts', to: 'invoice-handler.ts' } } }), 'rename-file'],
    [finding({ kind: 'docs/missing-section', data: { document: 'README.md', section: 'Purpose' } }), 'scaffold-section'],
    [finding({ kind: 'docs/missing-document', data: { document: 'README.md', sections: [] } }), 'create-document'],
    [finding({ kind: 'tests/no-tests', data: { testFile: 'modules/billing/tests/billing.spec.ts' } }), 'create-test'],
    [finding({ kind: 'tests/changed-file-untested', data: { testFile: 'modules/billing/tests/a.spec.ts' } }), 'create-test'],
  ])('keys on the kind and its data: %#', (input, expected) => {
    expect(classifyFinding(input)).toBe(expected);
  });

  it('finds no fix for a naming finding without a suggested name (a /regex/ style), and says why', () => {
    const custom = finding({ kind: 'naming/identifier-style', data: undefined, fix: 'Rename to `process_invoice`' });
    expect(classifyFinding(custom)).toBeUndefined();
    expect(describeNoFix(custom)).toBe('the finding suggests no new name (the style is a custom /regex/); rename it by hand');
  });

  it('leaves findings of other kinds alone, whatever their prose says', () => {
    const coverage = finding({ rule: 'coverage', kind: 'coverage/below-threshold', title: 'Naming convention violation', fix: 'Rename to `x`' });
    expect(classifyFinding(coverage)).toBeUndefined();
    expect(describeNoFix(coverage)).toBe('--fix has no safe mechanical fix for coverage/below-threshold findings; follow the Fix line');
  });

  it('knows a fix for exactly the fixable kinds, each of them a finding kind', () => {
    expect(FIXABLE_KINDS.every((kind) => (FINDING_KINDS as readonly string[]).includes(kind))).toBe(true);
    expect(FIXABLE_KINDS.sort()).toEqual([
      'docs/missing-document',
      'docs/missing-section',
      'naming/file-style',
      'naming/identifier-style',
      'tests/changed-file-untested',
      'tests/no-tests',
    ]);
  });

  it('reads the sections and the test file from the data the docs and tests rules write', () => {
    const check = createTestCheckContext({
      projects: [{ name: 'billing', root: 'modules/billing' }],
      files: { 'modules/billing/src/index.ts': 'export const A = 1;\n' },
    });
    const docs = docsRule.check(createTestRuleContext(check, 'billing', { setting: { options: docsRule.defaultOptions } })) as Finding[];
    const readme = docs.find((f) => f.file === 'modules/billing/README.md')!;
    expect(classifyFinding(readme)).toBe('create-document');
    expect(readFindingData(readme, 'docs/missing-document')).toEqual({ document: 'README.md', sections: ['Purpose', 'Public API', 'Dependencies', 'Testing'] });
    expect(readFindingData(readme, 'docs/missing-section')).toBeUndefined();
    const [tests] = testsRule.check(createTestRuleContext(check, 'billing')) as Finding[];
    expect(classifyFinding(tests)).toBe('create-test');
    expect(readFindingData(tests, 'tests/no-tests', 'tests/changed-file-untested')).toEqual({ testFile: 'modules/billing/tests/billing.spec.ts' });
  });
});
