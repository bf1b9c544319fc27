import { createTestCheckContext, createTestRuleContext } from '../testing/create-test-context';
import { docsRule } from './docs';

const README = '# billing\n\n## Purpose\n\nInvoices.\n\n## Public API\n\n- `bill()`\n\n## Dependencies\n\nNone.\n\n## Testing\n\n`nx test billing`\n';
const CONVENTIONS = '---\nnaming: {}\n---\n## Naming\n\nx\n\n## Dependencies\n\nx\n\n## Testing\n\nx\n\n## Coverage\n\nx\n\n## Layers\n\nx\n';
const BRIEF = '# Brief\n\n| Module | Path |\n| --- | --- |\n| `billing` | modules/billing |\n';

type DocsFinding = { title: string; file: string; found: string; fix: string; line: number };

/** Runs the rule on one project of a workspace with billing and the workspace project (root ''). */
const checkProject = (project: 'billing' | 'workspace', files: Record<string, string>) => {
  const ctx = createTestCheckContext({
    projects: [
      { name: 'billing', root: 'modules/billing' },
      { name: 'workspace', root: '' },
    ],
    files: { 'modules/billing/src/index.ts': '', ...files },
  });
  return docsRule.check(createTestRuleContext(ctx, project, { setting: { options: docsRule.defaultOptions } })) as DocsFinding[];
};
const check = (files: Record<string, string>) => checkProject('billing', files);
const checkWorkspace = (files: Record<string, string>) => checkProject('workspace', files);

describe('docs rule', () => {
  const complete = { 'modules/billing/README.md': README, 'modules/billing/CONVENTIONS.md': CONVENTIONS, 'BRIEF.md': BRIEF };

  it('passes a documented module listed in BRIEF.md', () => {
    expect(check(complete)).toEqual([]);
    expect(checkWorkspace(complete)).toEqual([]);
  });

  it('names the missing README and the adopt command that writes one', () => {
    const { 'modules/billing/README.md': _readme, ...rest } = complete;
    const findings = check(rest);
    expect(findings).toHaveLength(1);
    expect(findings[0].title).toBe('Missing module document');
    expect(findings[0].file).toBe('modules/billing/README.md');
    expect(findings[0].fix).toBe(
      'Create modules/billing/README.md with the sections ## Purpose, ## Public API, ## Dependencies, ## Testing (`nx g harness:adopt --projects=billing` writes one), then describe the module in each',
    );
  });

  it('reports a missing section and a template-only section', () => {
    const readme = README.replace('## Testing\n\n`nx test billing`\n', '').replace('Invoices.', 'TODO: describe the module');
    const findings = check({ ...complete, 'modules/billing/README.md': readme }) as Array<{ title: string; found: string; line: number }>;
    expect(findings.map((f) => [f.title, f.found])).toEqual([
      ['Documentation section is empty or template text', '## Purpose'],
      ['Missing documentation section', 'no "## Testing" section'],
    ]);
    expect(findings[0].line).toBe(3);
  });

  it('reports an empty section even when a later, unrelated subsection has text', () => {
    const readme = README.replace('Invoices.', 'TODO: describe the module').replace('- `bill()`', '### Functions\n\n- `bill()`');
    const findings = check({ ...complete, 'modules/billing/README.md': readme });
    expect(findings.map((f) => [f.title, f.found, f.line])).toEqual([['Documentation section is empty or template text', '## Purpose', 3]]);
  });

  it('passes a section whose own subsection holds the text', () => {
    const readme = README.replace('Invoices.', '### Scope\n\nInvoices.');
    expect(check({ ...complete, 'modules/billing/README.md': readme })).toEqual([]);
  });

  it('reads headings as CommonMark does: a # line in a code fence is no section', () => {
    const readme = '# billing\n\n```sh\n## Purpose\n```\n\n## Public API\n\nx\n\n## Dependencies\n\nx\n\n## Testing\n\nx\n';
    const findings = check({ ...complete, 'modules/billing/README.md': readme });
    expect(findings.map((f) => [f.title, f.found])).toEqual([['Missing documentation section', 'no "## Purpose" section']]);
  });

  it('reports a module missing from BRIEF.md on the workspace check, with the sync command', () => {
    const brief = { ...complete, 'BRIEF.md': '# Brief\n' };
    expect(check(brief)).toEqual([]);
    const findings = checkWorkspace(brief);
    expect(findings.map((f) => [f.title, f.file, f.found])).toEqual([['Module missing from the module map', 'BRIEF.md', 'billing is not listed']]);
    expect(findings[0].fix).toBe('Run `nx sync` to regenerate the module map in BRIEF.md, or add a row for billing (modules/billing)');
  });

  it('reports a missing BRIEF.md on the workspace check, with the init command', () => {
    const { 'BRIEF.md': _brief, ...rest } = complete;
    expect(checkWorkspace(rest).map((f) => [f.title, f.file, f.fix])).toEqual([
      ['Missing workspace document', 'BRIEF.md', 'Run `nx g harness:init`, which writes BRIEF.md with the module map and keeps every existing file'],
    ]);
  });

  it('does not judge module documents on the workspace check', () => {
    const { 'modules/billing/README.md': _readme, ...rest } = complete;
    expect(checkWorkspace(rest)).toEqual([]);
  });
});

describe('docs rule references', () => {
  const complete = {
    'modules/billing/README.md': README + '\nSee [conventions](CONVENTIONS.md), [gone](./missing.md) and `src/lib/nothing.ts`, `src/index.ts`, `harness.yaml`.\n',
    'modules/billing/CONVENTIONS.md': CONVENTIONS,
    'BRIEF.md': BRIEF + '\n[billing](modules/billing/README.md) [old](modules/old/README.md)\n',
    'harness.yaml': '',
  };

  it("reports a module's links and backticked paths that do not resolve on the module, and nothing else", () => {
    expect(check(complete).map((f) => [f.title, f.file, f.found])).toEqual([
      ['Broken link in module docs', 'modules/billing/README.md', './missing.md'],
      ['Missing path in module docs', 'modules/billing/README.md', 'src/lib/nothing.ts'],
    ]);
  });

  it('reads a % in a link as GitHub does, without crashing: an escape is decoded, a lone % is taken as written', () => {
    const readme = README + '\nSee [full](100%25.md), [half](50%.md), [space](a%20b.md) and [none](75%.md).\n';
    const files = { ...complete, 'modules/billing/README.md': readme, 'modules/billing/100%.md': '', 'modules/billing/50%.md': '', 'modules/billing/a b.md': '' };
    expect(check(files).filter((f) => f.title === 'Broken link in module docs').map((f) => f.found)).toEqual(['75%.md']);
  });

  it('reads a link starting with / from the workspace root, as GitHub does', () => {
    const readme = README + '\nSee [yaml](/harness.yaml) and [nope](/modules/billing/harness.yaml).\n';
    const files = { ...complete, 'modules/billing/README.md': readme };
    expect(check(files).filter((f) => f.title === 'Broken link in module docs').map((f) => f.found)).toEqual(['/modules/billing/harness.yaml']);
  });

  it("reports BRIEF.md's broken links on the workspace check only", () => {
    expect(checkWorkspace(complete).map((f) => [f.title, f.file, f.found])).toEqual([['Broken link in workspace docs', 'BRIEF.md', 'modules/old/README.md']]);
  });

  it('accepts a module map row that links a folder', () => {
    expect(checkWorkspace({ ...complete, 'BRIEF.md': '| `billing` | [modules/billing](modules/billing) |\n' })).toEqual([]);
  });

  it('reports broken links of ARCHITECTURE.md and docs/, but not the package paths their prose names', () => {
    const findings = checkWorkspace({
      ...complete,
      'ARCHITECTURE.md': '# Architecture\n\nStages live in `src/collect/`; see [the plan](docs/plan.md) and [brief](BRIEF.md).\n',
      'docs/design-docs/index.md': '# Designs\n\n[tracker](../tech-debt-tracker.md) and [up](../BRIEF.md)\n',
      'docs/tech-debt-tracker.md': '# Debt\n',
    });
    expect(findings.map((f) => [f.title, f.file, f.found])).toEqual([
      ['Broken link in workspace docs', 'BRIEF.md', 'modules/old/README.md'],
      ['Broken link in workspace docs', 'ARCHITECTURE.md', 'docs/plan.md'],
      ['Broken link in workspace docs', 'docs/design-docs/index.md', '../BRIEF.md'],
    ]);
  });
});

describe('docs rule kinds and data', () => {
  const complete = { 'modules/billing/README.md': README, 'modules/billing/CONVENTIONS.md': CONVENTIONS, 'BRIEF.md': BRIEF };
  const kindsAndData = (findings: DocsFinding[]) => findings.map((f) => [(f as { kind?: string }).kind, (f as { data?: unknown }).data]);

  it('gives a missing document the sections --fix writes, and a missing or empty section its name', () => {
    const readme = README.replace('## Testing\n\n`nx test billing`\n', '').replace('Invoices.', 'TODO: describe the module');
    expect(kindsAndData(check({ 'modules/billing/README.md': readme }))).toEqual([
      ['docs/empty-section', { document: 'README.md', section: 'Purpose' }],
      ['docs/missing-section', { document: 'README.md', section: 'Testing' }],
      ['docs/missing-document', { document: 'CONVENTIONS.md', sections: ['Naming', 'Dependencies', 'Testing', 'Coverage', 'Layers'] }],
    ]);
  });

  it('gives the workspace and reference findings a kind and no data', () => {
    const { 'BRIEF.md': _brief, ...rest } = complete;
    expect(kindsAndData(checkWorkspace(rest))).toEqual([['docs/missing-workspace-document', undefined]]);
    expect(kindsAndData(checkWorkspace({ ...complete, 'BRIEF.md': '# Brief\n\n[old](modules/old/README.md)\n' }))).toEqual([
      ['docs/broken-link', undefined],
      ['docs/module-not-in-map', undefined],
    ]);
    const readme = README + '\nSee `src/lib/nothing.ts`.\n';
    expect(kindsAndData(check({ ...complete, 'modules/billing/README.md': readme }))).toEqual([['docs/missing-path', undefined]]);
  });
});
