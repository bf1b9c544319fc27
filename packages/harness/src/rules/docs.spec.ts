import { createTestCheckContext, createTestRuleContext } from '../testing/create-test-context';
import { docsRule } from './docs';

const README = '# billing\n\n## Purpose\n\nInvoices.\n\n## Public API\n\n- `bill()`\n\n## Dependencies\n\nNone.\n\n## Testing\n\n`nx test billing`\n';
const CONVENTIONS = '---\nnaming: {}\n---\n## Naming\n\nx\n\n## Dependencies\n\nx\n\n## Testing\n\nx\n\n## Coverage\n\nx\n\n## Layers\n\nx\n';
const BRIEF = '# Brief\n\n| Module | Path |\n| --- | --- |\n| `billing` | modules/billing |\n';

const check = (files: Record<string, string>) => {
  const ctx = createTestCheckContext({ projects: [{ name: 'billing', root: 'modules/billing' }], files: { 'modules/billing/src/index.ts': '', ...files } });
  return docsRule.check(createTestRuleContext(ctx, 'billing', { setting: { options: docsRule.defaultOptions } })) as ReturnType<typeof docsRule.check> & unknown[];
};

describe('docs rule', () => {
  const complete = { 'modules/billing/README.md': README, 'modules/billing/CONVENTIONS.md': CONVENTIONS, 'BRIEF.md': BRIEF };

  it('passes a documented module listed in BRIEF.md', () => {
    expect(check(complete)).toEqual([]);
  });

  it('names the missing README and the command that writes one', () => {
    const { 'modules/billing/README.md': _readme, ...rest } = complete;
    const [finding] = check(rest) as Array<{ title: string; file: string; fix: string }>;
    expect(finding.title).toBe('Missing module document');
    expect(finding.file).toBe('modules/billing/README.md');
    expect(finding.fix).toContain('Create modules/billing/README.md with the sections ## Purpose, ## Public API, ## Dependencies, ## Testing');
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

  it('reports a module missing from BRIEF.md with the sync command', () => {
    const findings = check({ ...complete, 'BRIEF.md': '# Brief\n' }) as Array<{ title: string; fix: string }>;
    expect(findings).toHaveLength(1);
    expect(findings[0].title).toBe('Module missing from the module map');
    expect(findings[0].fix).toContain('nx sync');
  });
});

describe('docs rule references', () => {
  const complete = {
    'modules/billing/README.md': README + '\nSee [conventions](CONVENTIONS.md), [gone](./missing.md) and `src/lib/nothing.ts`, `src/index.ts`, `harness.yaml`.\n',
    'modules/billing/CONVENTIONS.md': CONVENTIONS,
    'BRIEF.md': BRIEF + '\n[billing](modules/billing/README.md) [old](modules/old/README.md)\n',
    'harness.yaml': '',
  };

  it('reports relative links and backticked paths that do not resolve, and nothing else', () => {
    const findings = check(complete) as Array<{ title: string; file: string; found: string }>;
    expect(findings.map((f) => [f.title, f.file, f.found])).toEqual([
      ['Broken link in module docs', 'modules/billing/README.md', './missing.md'],
      ['Missing path in module docs', 'modules/billing/README.md', 'src/lib/nothing.ts'],
      ['Broken link in module docs', 'BRIEF.md', 'modules/old/README.md'],
    ]);
  });
});
