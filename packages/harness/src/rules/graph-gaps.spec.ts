import { CART_FILE, createCartCheck } from '../testing/create-cart-check';
import { createTestRuleContext } from '../testing/create-test-context';
import { checkDependencyConstraints } from './dependency-constraints';
import type { CheckContext } from '../collect/types';

const CART = CART_FILE;

/** cart imports products; `blind` is a graph built without import analysis. */
function createCheck(blind: boolean): CheckContext {
  const constraints = [{ sourceTag: 'scope:cart', onlyDependOnLibsWithTags: ['scope:cart', 'scope:products'] }];
  const check = createCartCheck("// cart\nimport { price } from '@shop/products';\nexport const total = price;\n", constraints, blind);
  if (blind) check.importAnalysis = false;
  return check;
}

describe('graph gaps, reported by the dependency-constraints rule', () => {
  it('reports a graph without import analysis once, at the first import of another project', () => {
    const findings = checkDependencyConstraints(createTestRuleContext(createCheck(true), 'cart'));
    expect(findings).toEqual([
      expect.objectContaining({
        kind: 'dependency-constraints/no-import-analysis',
        title: "Nx's project graph holds no import analysis",
        file: CART,
        line: 2,
        found: '@shop/products',
        fix: expect.stringContaining('Add "@nx/js" to devDependencies in the root package.json'),
      }),
    ]);
  });

  it('says nothing when Nx analysed imports', () => {
    expect(checkDependencyConstraints(createTestRuleContext(createCheck(false), 'cart'))).toEqual([]);
  });

  it('says nothing without analysis when the project imports no other project', () => {
    expect(checkDependencyConstraints(createTestRuleContext(createCheck(true), 'products'))).toEqual([]);
  });

  it('reports a file dependency on a node nobody owns, at the import that names it', () => {
    const check = createCheck(false);
    check.unknownDeps = { [CART]: [{ node: 'npm:@shop/gone', packageName: '@shop/gone' }] };
    check.readSource(CART).imports.push({ specifier: '@shop/gone', line: 3, column: 1, typeOnly: false, kind: 'static' });
    const findings = checkDependencyConstraints(createTestRuleContext(check, 'cart'));
    expect(findings).toEqual([
      expect.objectContaining({
        kind: 'dependency-constraints/unknown-graph-node',
        title: 'Dependency on a node missing from the Nx project graph',
        file: CART,
        line: 3,
        found: 'npm:@shop/gone',
        fix: expect.stringContaining('declare "@shop/gone" in libs/cart/package.json'),
      }),
    ]);
  });

  it('reports an unknown node even with no constraint configured', () => {
    const check = createCheck(false);
    check.config = { ...check.config, constraints: [] };
    check.unknownDeps = { [CART]: [{ node: 'deleted-project' }] };
    const [finding] = checkDependencyConstraints(createTestRuleContext(check, 'cart'));
    expect(finding).toMatchObject({ line: 0, found: 'deleted-project', fix: expect.stringContaining('Run `nx reset`') });
  });
});
