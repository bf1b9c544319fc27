import { findMatchingProjects } from './project-patterns';

const PROJECTS = [
  { name: 'shop-cart', root: 'libs/shop/cart', tags: ['scope:shop', 'type:feature'] },
  { name: 'cart-e2e', root: 'apps/cart-e2e', tags: ['scope:e2e'] },
  { name: 'billing', root: 'libs/billing', tags: ['scope:billing'] },
  { name: 'billing-api', root: 'libs/billing-api', tags: ['scope:billing', 'type:api'] },
];

const names = (pattern: string) => [...findMatchingProjects(pattern, PROJECTS)].sort();

describe('findMatchingProjects', () => {
  it.each([
    ['billing', ['billing']],
    ['*', ['billing', 'billing-api', 'cart-e2e', 'shop-cart']],
    ['billing-*', ['billing-api']],
    ['tag:scope:billing', ['billing', 'billing-api']],
    ['tag:type:*', ['billing-api', 'shop-cart']],
    ['!tag:scope:billing', ['cart-e2e', 'shop-cart']],
    ['directory:libs/shop/*', ['shop-cart']],
    ['libs/billing*', ['billing', 'billing-api']],
    ['name:billing', ['billing']],
    ['CART', []],
    ['nx-cloud:x', []],
  ])('%s selects %j', (pattern, expected) => {
    expect(names(pattern)).toEqual(expected);
  });

  it('matches a plain word inside a name but not across a hyphen', () => {
    expect(names('shop')).toEqual([]);
    expect(findMatchingProjects('cart', [{ name: 'shop/cart', root: 'a', tags: [] }, { name: 'cart-e2e', root: 'b', tags: [] }])).toEqual(new Set(['shop/cart']));
  });
});
