import { docsRule } from '../../../rules/docs';
import type { RuleFinding } from '../../../rules/types';
import { createTestCheckContext, createTestRuleContext } from '../../../testing/create-test-context';
import { checkModuleDocument } from './check-module-document';

const SECTIONS = ['Purpose', 'Public API'];
const FILE = 'modules/billing/README.md';

/** READMEs on which the docs rule and harness:report must agree, section by section. */
const READMES: Record<string, string> = {
  'both written': '# billing\n\n## Purpose\n\nInvoices.\n\n## Public API\n\n- `bill()`\n',
  'an empty section before an unrelated subsection with text': '# billing\n\n## Purpose\n\nTODO: say\n\n## Public API\n\n### Functions\n\n- `bill()`\n',
  'text only in a subsection': '# billing\n\n## Purpose\n\n### Scope\n\nInvoices.\n\n## Public API\n\nx\n',
  'a harness:todo marker': '# billing\n\n## Purpose\n\n<!-- harness:todo -->\n\n## Public API\n\nx\n',
  'a heading in a code fence': '# billing\n\n```md\n## Purpose\n```\n\n## Public API\n\nx\n',
};

/** The sections the docs rule does not accept: empty or missing. */
function listRuleFailures(text: string): string[] {
  const ctx = createTestCheckContext({ projects: [{ name: 'billing', root: 'modules/billing' }], files: { [FILE]: text, 'modules/billing/CONVENTIONS.md': '' } });
  const options = { ...docsRule.defaultOptions, readmeSections: SECTIONS, conventionsSections: [] };
  const findings = docsRule.check(createTestRuleContext(ctx, 'billing', { setting: { options } })) as RuleFinding[];
  return findings.filter((f) => f.file === FILE).map((f) => f.found);
}

/** The sections harness:report does not count as written. */
function listReportFailures(text: string): string[] {
  const files = { read: (file: string) => (file === FILE ? text : undefined), exists: (file: string) => file === FILE };
  return checkModuleDocument(files, FILE, SECTIONS)
    .sections.filter((s) => s.state !== 'written')
    .map((s) => (s.state === 'missing' ? `no "## ${s.name}" section` : `## ${s.name}`));
}

describe('checkModuleDocument', () => {
  it.each(Object.entries(READMES))('judges each section as the docs rule does: %s', (_name, text) => {
    expect(listReportFailures(text)).toEqual(listRuleFailures(text));
  });

  it('fails an empty Purpose that a later, unrelated subsection does not fill', () => {
    expect(listReportFailures(READMES['an empty section before an unrelated subsection with text'])).toEqual(['## Purpose']);
  });
});
