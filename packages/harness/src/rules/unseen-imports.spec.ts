import { CART_FILE, createCartCheck } from '../testing/create-cart-check';
import { createTestRuleContext } from '../testing/create-test-context';
import { checkDependencyConstraints } from './dependency-constraints';
import type { CheckContext } from '../collect/types';
import { findUnseenProjects } from './unseen-imports';

const CART = CART_FILE;
const ONLY_CART = { sourceTag: 'scope:cart', onlyDependOnLibsWithTags: ['scope:cart'] };

const createCheck = (cartText: string): CheckContext => createCartCheck(cartText, [ONLY_CART], true);

describe('imports of projects that Nx file map lacks', () => {
  it('are judged by the dependency rule, at the line of the import', () => {
    const check = createCheck("import { price } from '@shop/products';\n");
    const findings = checkDependencyConstraints(createTestRuleContext(check, 'cart'));
    expect(findings).toEqual([
      expect.objectContaining({ title: 'Dependency constraint violation', file: CART, line: 1, found: '@shop/products' }),
    ]);
  });

  it('include relative imports across a project root', () => {
    const check = createCheck("import { price } from '../../../products/src/index';\n");
    expect(findUnseenProjects(check, CART, check.projects.cart)).toEqual(['products']);
  });

  it('are found without parsing files whose text names no unseen project', () => {
    const check = createCheck("import { x } from './x';\nexport const label = 'cart';\n");
    const readSource = jest.fn(check.readSource);
    expect(findUnseenProjects({ ...check, readSource }, CART, check.projects.cart)).toEqual([]);
    expect(readSource).not.toHaveBeenCalled();
  });

  it('are confirmed by a parse: a package named only in a comment is no import', () => {
    const check = createCheck("// moved from '@shop/products'\nexport const y = 1;\n");
    const readSource = jest.fn(check.readSource);
    expect(findUnseenProjects({ ...check, readSource }, CART, check.projects.cart)).toEqual([]);
    expect(readSource).toHaveBeenCalledWith(CART);
  });

  it('leave out what the file map already holds', () => {
    const check = createCheck("import { price } from '@shop/products';\n");
    check.fileDeps[CART] = ['products'];
    expect(findUnseenProjects(check, CART, check.projects.cart)).toEqual([]);
  });

  it('include deep imports through an alias, placed by its longest alias', () => {
    const check = createCheck("import { x } from '@shop/products/src/lib/x';\n");
    expect(findUnseenProjects(check, CART_FILE, check.projects.cart)).toEqual(['products']);
  });

  it('do not parse a file whose relative imports stay inside its project', () => {
    const check = createCheck("import { a } from '../index';\nimport { b } from './b';\n");
    const readSource = jest.fn(check.readSource);
    expect(findUnseenProjects({ ...check, readSource }, CART_FILE, check.projects.cart)).toEqual([]);
    expect(readSource).not.toHaveBeenCalled();
  });
});
