import type { DepConstraint } from '../core/dep-constraint';
import type { CheckContext } from '../collect/types';
import { createTestCheckContext } from './create-test-context';

/** The file of project `cart` whose imports the edge specs vary. */
export const CART_FILE = 'libs/cart/src/lib/cart.ts';

/**
 * Two projects, `cart` (scope:cart, `@shop/cart`) and `products` (scope:products, `@shop/products`),
 * with `cartText` in CART_FILE. `blind` empties Nx's view of cart's imports, as an undeclared
 * package, a file SWC could not read or a graph without import analysis does.
 */
export function createCartCheck(cartText: string, constraints: DepConstraint[], blind: boolean): CheckContext {
  const check = createTestCheckContext({
    projects: [
      { name: 'cart', root: 'libs/cart', tags: ['scope:cart'], alias: '@shop/cart' },
      { name: 'products', root: 'libs/products', tags: ['scope:products'], alias: '@shop/products' },
    ],
    files: {
      'libs/cart/src/index.ts': "export * from './lib/cart';\n",
      [CART_FILE]: cartText,
      'libs/products/src/index.ts': 'export const price = 1;\n',
    },
    edges: blind ? [] : undefined,
    config: { constraints },
  });
  if (blind) check.fileDeps[CART_FILE] = [];
  return check;
}
