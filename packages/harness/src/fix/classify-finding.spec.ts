import type { Finding } from '../core/finding';
import { docsRule } from '../rules/docs';
import { testsRule } from '../rules/tests';
import { createTestCheckContext, createTestRuleContext } from '../testing/create-test-context';
import { classifyFinding, readRequiredSections, readTestFile } from './classify-finding';

const finding = (overrides: Partial<Finding>): Finding => ({
  rule: 'naming',
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
});

describe('classifyFinding', () => {
  it.each([
    ['Rename to `process_invoice`', 'rename-identifier'],
    ['Rename to `invoice-handler.ts` and update the imports of it', 'rename-file'],
    ['Rename `x` so that it matches /^[a-z]+$/', undefined],
  ])('reads the naming Fix line %s as %s', (fix, expected) => {
    expect(classifyFinding(finding({ fix }))).toBe(expected);
  });

  it('leaves findings of other rules alone', () => {
    expect(classifyFinding(finding({ title: 'Coverage below threshold', fix: 'Rename to `x`' }))).toBeUndefined();
  });

  it('reads the sections and the test file from what the docs and tests rules write', () => {
    const check = createTestCheckContext({
      projects: [{ name: 'billing', root: 'modules/billing' }],
      files: { 'modules/billing/src/index.ts': 'export const A = 1;\n' },
    });
    const docs = docsRule.check(createTestRuleContext(check, 'billing', { setting: { options: docsRule.defaultOptions } })) as Finding[];
    const readme = docs.find((f) => f.file === 'modules/billing/README.md')!;
    expect(classifyFinding(readme)).toBe('create-document');
    expect(readRequiredSections(readme)).toEqual(['Purpose', 'Public API', 'Dependencies', 'Testing']);
    const [tests] = testsRule.check(createTestRuleContext(check, 'billing')) as Finding[];
    expect(classifyFinding(tests)).toBe('create-test');
    expect(readTestFile(tests)).toBe('modules/billing/tests/billing.spec.ts');
  });
});
