import fc from 'fast-check';
import { buildStyleRegexes, KNOWN_STYLES, type StyleRegexes } from './case-styles';

/**
 * case-styles.ts judges ASCII names with ASCII classes and builds the \p{..} classes only for
 * other names. That is only right while both give the same answer on every ASCII name.
 */
const ascii = buildStyleRegexes(false);
const unicode = buildStyleRegexes(true);
const ASCII_CHARS = Array.from({ length: 128 }, (_, i) => String.fromCharCode(i));

function describeName(regexes: StyleRegexes, name: string) {
  return {
    styles: KNOWN_STYLES.map((style) => regexes.styles[style].test(name)),
    words: name.match(regexes.word),
    prefix: regexes.fileAffixes.prefix.exec(name)?.[0],
    suffix: regexes.fileAffixes.suffix.exec(name)?.[0],
  };
}

describe('ASCII classes against the Unicode classes', () => {
  it('agree on every single ASCII character', () => {
    for (const c of ASCII_CHARS) expect(describeName(ascii, c)).toEqual(describeName(unicode, c));
  });

  it('agree on names of letters, digits and separators', () => {
    const char = fc.constantFrom(...'aAzZbB09_-$.[]xXyY'.split(''), ...ASCII_CHARS);
    fc.assert(
      fc.property(fc.array(char, { maxLength: 24 }), (chars) => {
        const name = chars.join('');
        expect(describeName(ascii, name)).toEqual(describeName(unicode, name));
      }),
      { numRuns: 2000 },
    );
  });
});
