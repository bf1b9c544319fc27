import { CART_FILE, createCartCheck } from './create-cart-check';

describe('createCartCheck', () => {
  const text = "import { price } from '@shop/products';\n";

  it("gives Nx's view of cart's imports when not blind", () => {
    const check = createCartCheck(text, [], false);
    expect(check.fileDeps[CART_FILE]).toEqual(['products']);
    expect(check.graph.dependencies.cart.map((d) => d.target)).toEqual(['products']);
  });

  it('hides them from the file map and the graph when blind', () => {
    const check = createCartCheck(text, [], true);
    expect(check.fileDeps[CART_FILE]).toEqual([]);
    expect(check.graph.dependencies.cart).toEqual([]);
    expect(check.readSource(CART_FILE).imports.map((i) => i.specifier)).toEqual(['@shop/products']);
  });
});
