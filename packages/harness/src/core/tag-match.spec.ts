import {
  compileGlob,
  couldMatchPackage,
  coversEveryImportOf,
  findConstraintsFor,
  hasAnyTag,
  hasTag,
  isPlainTag,
  matchesImportPattern,
  matchesTag,
  sourcePatternsOf,
} from './tag-match';

describe('matchesTag', () => {
  it.each([
    ['scope:billing', 'scope:billing', true],
    ['scope:billing', 'scope:auth', false],
    ['scope:billing', 'scope', false],
    ['scope:billing', '*', true],
    ['scope:billing', 'scope:*', true],
    ['type:ui', 'scope:*', false],
    ['scope:billing', '*:billing', true],
    ['scope:billing', 'scope:bill*', true],
    ['scope:billing', 'scope.*', true],
    ['xscope:billing', 'scope:*', false],
    ['scope:billing', '/^scope:/', true],
    ['type:ui', '/^scope:/', false],
    // A regex is not anchored unless the user anchors it, as in Nx.
    ['my-scope:billing', '/scope:/', true],
  ])('matches tag %s against pattern %s: %s', (tag, pattern, expected) => {
    expect(matchesTag(tag, pattern)).toBe(expected);
  });

  it('treats glob characters other than * literally', () => {
    expect(matchesTag('scopeXbilling', 'scope.bill*')).toBe(false);
    expect(matchesTag('scope.billing', 'scope.bill*')).toBe(true);
  });

  it('lets an invalid regex match nothing instead of throwing', () => {
    expect(matchesTag('scope:billing', '/scope:(/')).toBe(false);
  });
});

describe('hasTag', () => {
  it('matches * even for a project without tags', () => {
    expect(hasTag([], '*')).toBe(true);
  });

  it('needs a matching tag for any other pattern', () => {
    expect(hasTag([], 'scope:*')).toBe(false);
    expect(hasTag(['type:ui', 'scope:billing'], 'scope:*')).toBe(true);
  });

  it('hasAnyTag is true when one pattern of several matches', () => {
    expect(hasAnyTag(['scope:shared'], ['scope:billing', 'scope:shared'])).toBe(true);
    expect(hasAnyTag(['scope:auth'], ['scope:billing', 'scope:shared'])).toBe(false);
  });
});

describe('findConstraintsFor', () => {
  const constraints = [
    { sourceTag: 'scope:billing', onlyDependOnLibsWithTags: ['scope:billing'] },
    { sourceTag: 'type:*', onlyDependOnLibsWithTags: ['type:util'] },
    { allSourceTags: ['scope:billing', 'type:ui'], notDependOnLibsWithTags: ['type:data'] },
    { sourceTag: '/^platform:/', bannedExternalImports: ['lodash'] },
  ];

  it('selects by sourceTag, glob and regex, in config order', () => {
    expect(findConstraintsFor(constraints, ['scope:billing', 'type:feature'])).toEqual([constraints[0], constraints[1]]);
    expect(findConstraintsFor(constraints, ['platform:node'])).toEqual([constraints[3]]);
  });

  it('selects an allSourceTags constraint only when every tag is present', () => {
    expect(findConstraintsFor(constraints, ['scope:billing'])).toEqual([constraints[0]]);
    expect(findConstraintsFor(constraints, ['scope:billing', 'type:ui'])).toEqual(constraints.slice(0, 3));
  });

  it('prefers allSourceTags over sourceTag, as Nx does', () => {
    expect(sourcePatternsOf({ sourceTag: 'a', allSourceTags: ['b', 'c'] })).toEqual(['b', 'c']);
  });

  it('ignores a constraint without a source', () => {
    expect(findConstraintsFor([{ onlyDependOnLibsWithTags: ['x'] }], ['x'])).toEqual([]);
  });
});

describe('external import patterns', () => {
  it('matches the whole specifier, so a bare name does not cover subpaths', () => {
    expect(matchesImportPattern('lodash', 'lodash')).toBe(true);
    expect(matchesImportPattern('lodash', 'lodash/fp')).toBe(false);
    expect(matchesImportPattern('lodash*', 'lodash/fp')).toBe(true);
    expect(matchesImportPattern('@nestjs/*', '@nestjs/common')).toBe(true);
    expect(matchesImportPattern('@nestjs/*', '@angular/core')).toBe(false);
  });

  it('compiles a glob to an anchored regex', () => {
    expect(compileGlob('a*b').source).toBe('^a.*b$');
    expect(compileGlob('a.b').source).toBe('^a\\.b$');
  });

  it('knows which packages a pattern could reach', () => {
    expect(couldMatchPackage('lodash', 'lodash')).toBe(true);
    expect(couldMatchPackage('lodash/fp', 'lodash')).toBe(true);
    expect(couldMatchPackage('lodash', 'react')).toBe(false);
    expect(couldMatchPackage('lod*', 'lodash')).toBe(true);
    expect(couldMatchPackage('lodash/*', 'lodash')).toBe(true);
    expect(couldMatchPackage('@nestjs/*', 'react')).toBe(false);
    expect(couldMatchPackage('*', 'react')).toBe(true);
  });

  it('knows which patterns allow every import of a package', () => {
    expect(coversEveryImportOf('react*', 'react')).toBe(true);
    expect(coversEveryImportOf('react', 'react')).toBe(false);
    expect(coversEveryImportOf('@org/*', '@org/x')).toBe(true);
    expect(coversEveryImportOf('*-dom', 'react-dom')).toBe(false);
  });

  it('calls a tag plain only without * or /regex/', () => {
    expect(isPlainTag('scope:shared')).toBe(true);
    expect(isPlainTag('scope:*')).toBe(false);
    expect(isPlainTag('/x/')).toBe(false);
  });
});
