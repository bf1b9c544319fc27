import type { Finding } from '../core/finding';
import { createTestCheckContext } from '../testing/create-test-context';
import { runCheck } from './run-check';

/**
 * `harness check <file>` tells the rules which files' findings it keeps (CheckContext.isJudged),
 * and some rules then skip the others' per-file work. Whatever they skip, the findings in a kept
 * file must be exactly the ones a run over the whole project finds there.
 */
describe('rules told which files are judged', () => {
  const files: Record<string, string> = {
    'libs/cart/src/index.ts': "export * from './lib/a';\nexport * from './lib/b';\n",
    // a: a banned scope, a deep import, a bad name, an import closing the cart <-> products cycle
    'libs/cart/src/lib/a.ts':
      "import { audit } from '@test/admin';\nimport { row } from '@test/products/src/lib/row';\nimport { list } from '@test/products';\nexport function bad_name() { return [audit, row, list]; }\n",
    // b: the same faults again, and an import of cart through its own alias
    'libs/cart/src/lib/b.ts':
      "import { audit } from '@test/admin';\nimport { row } from '@test/products/src/lib/row';\nimport { list } from '@test/products';\nimport { bad_name } from '@test/cart';\nexport const other_bad = [audit, row, list, bad_name];\n",
    // c: clean
    'libs/cart/src/lib/c.ts': 'export const total = 1;\n',
    'libs/products/src/index.ts': "export * from './lib/row';\nexport const list = [];\nimport { total } from '@test/cart';\nexport const sum = total;\n",
    'libs/products/src/lib/row.ts': 'export const row = 1;\n',
    'libs/admin/src/index.ts': 'export const audit = 1;\n',
  };
  const workspace = () =>
    createTestCheckContext({
      projects: [
        { name: 'cart', root: 'libs/cart', tags: ['scope:shop'] },
        { name: 'products', root: 'libs/products', tags: ['scope:shop'] },
        { name: 'admin', root: 'libs/admin', tags: ['scope:admin'] },
      ],
      files,
      config: { constraints: [{ sourceTag: 'scope:shop', onlyDependOnLibsWithTags: ['scope:shop'] }] },
    });
  const describeFinding = (f: Finding) => `${f.rule} ${f.kind} ${f.file}:${f.line}:${f.column} ${f.found}`;

  it('finds in each kept file what a whole run finds there', async () => {
    const whole = (await runCheck(workspace(), ['cart'])).findings;
    const rules = new Set(whole.map((f) => f.rule));
    for (const rule of ['dependency-constraints', 'public-api', 'circular', 'naming']) expect(rules).toContain(rule);
    for (const kept of Object.keys(files).filter((f) => f.startsWith('libs/cart/'))) {
      const ctx = { ...workspace(), isJudged: (project: string, file: string) => project !== 'cart' || file === kept };
      const one = (await runCheck(ctx, ['cart'])).findings.filter((f) => f.file === kept).map(describeFinding);
      expect([kept, one.sort()]).toEqual([kept, whole.filter((f) => f.file === kept).map(describeFinding).sort()]);
    }
  });

  it('skips the per-file work of files that are not kept', async () => {
    const ctx = { ...workspace(), isJudged: (_project: string, file: string) => file === 'libs/cart/src/lib/c.ts' };
    const all = (await runCheck(ctx, ['cart'])).findings;
    expect(all.filter((f) => ['dependency-constraints', 'public-api', 'naming'].includes(f.rule))).toEqual([]);
  });
});
