import type { Finding } from '../../core/finding';

/** The naming finding from the product contract; tests override only what they are about. */
export function makeFinding(overrides: Partial<Finding> = {}): Finding {
  return {
    rule: 'naming',
    kind: 'naming/identifier-style',
    data: { rename: { from: 'processInvoice', to: 'process_invoice' } },
    severity: 'error',
    title: 'Naming convention violation',
    project: 'billing',
    file: 'modules/billing/src/lib/invoice-handler.ts',
    line: 5,
    column: 17,
    found: 'processInvoice',
    expected: 'snake_case function names',
    fix: 'Rename to `process_invoice`',
    reference: 'modules/billing/CONVENTIONS.md#naming',
    ...overrides,
  } as Finding;
}

export const SUMMARY = { filesChecked: 40, projectsChecked: 3 };
