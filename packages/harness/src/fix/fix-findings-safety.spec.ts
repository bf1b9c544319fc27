import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Finding } from '../core/finding';
import { checkAndFix, createRenameWorkspace } from '../testing/fix-findings-fixture';
import { fixFindings } from './fix-findings';

describe('fixFindings: safety', () => {
  it('leaves every file as it was when one write fails, removing the files and folders it created', async () => {
    const ws = createRenameWorkspace({ 'modules/billing/README.md': '# billing\n\n## Purpose\n\nBills.\n' });
    fs.rmSync(path.join(ws.root, 'modules/billing/tests'), { recursive: true });
    const failing = path.join('modules', 'shop', 'src', 'index.ts');
    const writeFile = (file: string, data: string | Buffer) => {
      if (file.endsWith(failing)) throw new Error('disk full');
      fs.writeFileSync(file, data);
    };
    const { findings, before, result, after } = await checkAndFix(ws, 'billing', ['naming', 'docs', 'tests'], { writeFile });
    expect(findings.map((f) => f.title).sort()).toEqual([
      'Missing documentation section',
      'Missing documentation section',
      'Missing documentation section',
      'Module has no tests',
      'Naming convention violation',
    ]);
    expect(after).toEqual(before);
    expect(fs.existsSync(path.join(ws.root, 'modules/billing/tests'))).toBe(false);
    const failure = 'harness-check --fix: could not write "modules/shop/src/index.ts" (disk full); every file was left as it was';
    expect(result).toEqual({ changes: [], skipped: findings.map((finding) => ({ finding, reason: failure })), failure });
  });

  it('skips a finding whose fix is not safe any more, saying why, and changes nothing', async () => {
    const ws = createRenameWorkspace({ 'modules/billing/src/lib/other-name.ts': 'export const OTHER = 1;\n' });
    const { context, findings } = await ws.check('billing', ['naming']);
    const rename = findings[0];
    const at = (file: string, to: string, found = file.split('/').pop()!): Finding => ({
      ...rename,
      kind: 'naming/file-style',
      data: { rename: { from: found, to } },
      file,
      fix: `Rename to \`${to}\` and update the imports of it`,
      found,
      line: 0,
      column: 0,
    });
    const cases: Array<[Finding, string]> = [
      [{ ...rename, kind: 'naming/identifier-style', data: { rename: { from: 'processInvoice', to: 'class' } }, fix: 'Rename to `class`' }, '`class` is not a valid identifier; rename `processInvoice` by hand'],
      [{ ...rename, line: 9 }, '`processInvoice` is no longer at modules/billing/src/lib/invoice.ts:9:17; run the check again'],
      [{ ...rename, file: 'modules/billing/README.md' }, 'modules/billing/README.md is not a TypeScript or JavaScript file of the workspace'],
      [at('modules/billing/src/lib/invoice.ts', 'other-name.ts'), 'modules/billing/src/lib/other-name.ts already exists; merge or rename the files by hand'],
      [at('modules/billing/src/lib/invoice.ts', '../x.ts'), '`../x.ts` is not a file name in the same folder; rename modules/billing/src/lib/invoice.ts by hand'],
      [at('modules/billing/src/index.ts', 'main.ts'), 'modules/billing/src/index.ts is the entry point of billing, named in tsconfig paths or package.json; rename it there and here by hand'],
      [at('modules/billing/src/lib/invoice.ts', 'invoice-x.ts', 'other.ts'), 'the finding names `other.ts`, not modules/billing/src/lib/invoice.ts; run the check again'],
      [{ ...rename, kind: 'tests/no-tests', data: { testFile: 'modules/billing/tests/invoice.spec.ts' }, title: 'Module has no tests', fix: 'Create `modules/billing/tests/invoice.spec.ts` with tests of x' }, 'modules/billing/tests/invoice.spec.ts exists now; run the check again'],
      [{ ...rename, kind: 'docs/missing-section', data: { document: 'README.md', section: 'Purpose' }, title: 'Missing documentation section', file: 'modules/billing/README.md', found: 'no "## Purpose" section' }, 'modules/billing/README.md already has a "## Purpose" section'],
      [{ ...rename, kind: 'docs/missing-document', data: { document: 'README.md', sections: ['Purpose'] }, title: 'Missing module document', file: 'modules/billing/README.md' }, 'modules/billing/README.md exists now; run the check again'],
    ];
    const before = ws.readAll();
    for (const [finding, reason] of cases) {
      const result = await fixFindings({ workspaceRoot: ws.root, project: context.projects.billing, projects: context.projects, findings: [finding], readText: context.readText });
      expect(result).toEqual({ changes: [], skipped: [{ finding, reason }] });
    }
    expect(ws.readAll()).toEqual(before);
  });

  it('skips what it cannot fix mechanically and what lies outside the project, changing nothing', async () => {
    const ws = createRenameWorkspace({ 'modules/billing/README.md': '# billing\n\n## Purpose\n\nTODO\n\n## Public API\n\nx\n\n## Dependencies\n\nx\n\n## Testing\n\nx\n' });
    const { context, findings } = await ws.check('billing', ['docs']);
    const base: Finding = { ...findings[0] };
    const crafted: Finding[] = [
      { ...base, kind: 'tests/no-tests', data: { testFile: '../escape.spec.ts' }, title: 'Module has no tests', file: 'escape.spec.ts', fix: 'Create `../escape.spec.ts` with tests of the public API' },
      { ...base, kind: 'docs/missing-section', data: { document: 'README.md', section: 'Purpose' }, title: 'Missing documentation section', file: 'modules/shop/README.md', found: 'no "## Purpose" section' },
      { ...base, project: 'shop' },
    ];
    const before = ws.readAll();
    const result = await fixFindings({ workspaceRoot: ws.root, project: context.projects.billing, projects: context.projects, findings: [...findings, ...crafted], readText: context.readText });
    expect(ws.readAll()).toEqual(before);
    expect(fs.existsSync(path.join(ws.root, '..', 'escape.spec.ts'))).toBe(false);
    expect(result.changes).toEqual([]);
    expect(result.skipped.map((s) => s.reason)).toEqual([
      'only a person or an agent can write this text; follow the Fix line',
      'the finding belongs to shop; run --fix on that project',
      'modules/shop/README.md is outside billing; --fix edits only the module\'s own documents',
      '../escape.spec.ts is outside billing; --fix creates tests only inside the module',
    ]);
  });
});
