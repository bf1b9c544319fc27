import fc from 'fast-check';
import {
  isReservedWord,
  convertToStyle,
  findStyleProblem,
  isCustomStyle,
  isKnownStyle,
  KNOWN_STYLES,
  matchesStyle,
  MAX_CUSTOM_MATCH_LENGTH,
  splitAffixes,
  splitWords,
} from './case-styles';

/** True when `name` can be declared with `let` in strict-mode code: syntax and reserved words. */
function isValidIdentifier(name: string): boolean {
  try {
    new Function(`"use strict"; let ${name};`);
    return true;
  } catch {
    return false;
  }
}

const identifierStyles = KNOWN_STYLES.filter((s) => s !== 'kebab-case');

// Raw identifier-ish names, and names built from realistic words (acronyms, digits, separators).
const rawIdentifier = fc.stringMatching(/^[A-Za-z_$][A-Za-z0-9_$]{0,24}$/);
const wordyIdentifier = fc
  .tuple(
    fc.constantFrom('', '_', '__', '$'),
    fc.array(
      fc.constantFrom('parse', 'HTTP', 'Response', 'xml', 'XML', 'Id', 'ID', '2', 'v2', 'URL', 'a', 'B', 'sha256', 'delete'),
      { minLength: 1, maxLength: 5 },
    ),
    fc.constantFrom('', '_', '$', '-'),
    fc.constantFrom('', '_', '$'),
  )
  .map(([prefix, words, separator, suffix]) => `${prefix}${words.join(separator)}${suffix}`)
  .filter((name) => /^[A-Za-z_$][\w$-]*$/.test(name));
const identifierish = fc.oneof(rawIdentifier, wordyIdentifier);

const lettersAndDigits = (name: string) => name.replace(/[^A-Za-z0-9]/g, '').toLowerCase();

describe('splitWords', () => {
  it.each([
    ['parseHTTPResponse2', ['parse', 'HTTP', 'Response2']],
    ['XMLHttpRequest', ['XML', 'Http', 'Request']],
    ['process_invoice', ['process', 'invoice']],
    ['MAX_ITEMS', ['MAX', 'ITEMS']],
    ['invoice-handler', ['invoice', 'handler']],
    ['ISO8601Date', ['ISO8601', 'Date']],
    ['get2FACode', ['get2', 'FA', 'Code']],
    ['sha256sum', ['sha256sum']],
    ['__DEV__', ['DEV']],
    ['_', []],
  ])('splits %s into %j', (name, words) => {
    expect(splitWords(name)).toEqual(words);
  });
});

describe('splitAffixes', () => {
  it('keeps leading and trailing underscores and dollars out of the core', () => {
    expect(splitAffixes('__cache$')).toEqual({ prefix: '__', core: 'cache', suffix: '$' });
    expect(splitAffixes('$el')).toEqual({ prefix: '$', core: 'el', suffix: '' });
  });

  it('treats a name of affixes only as an empty core', () => {
    expect(splitAffixes('__')).toEqual({ prefix: '__', core: '', suffix: '' });
  });

  it('treats brackets and other punctuation as affixes of a file-name segment', () => {
    expect(splitAffixes('[id]', 'file')).toEqual({ prefix: '[', core: 'id', suffix: ']' });
    expect(splitAffixes('+page', 'file')).toEqual({ prefix: '+', core: 'page', suffix: '' });
  });
});

describe('convertToStyle', () => {
  it.each([
    ['parseHTTPResponse2', 'snake_case', 'parse_http_response2'],
    ['XMLHttpRequest', 'snake_case', 'xml_http_request'],
    ['process_invoice', 'camelCase', 'processInvoice'],
    ['processInvoice', 'snake_case', 'process_invoice'],
    ['XMLHttpRequest', 'camelCase', 'xmlHttpRequest'],
    ['parseHTTPResponse2', 'PascalCase', 'ParseHttpResponse2'],
    ['maxItems', 'UPPER_CASE', 'MAX_ITEMS'],
    ['InvoiceHandler', 'kebab-case', 'invoice-handler'],
    ['invoice_total', 'PascalCase', 'InvoiceTotal'],
  ])('converts %s to %s as %s', (name, style, expected) => {
    expect(convertToStyle(name, style)).toBe(expected);
  });

  it('keeps leading and trailing affixes', () => {
    expect(convertToStyle('_processInvoice', 'snake_case')).toBe('_process_invoice');
    expect(convertToStyle('__maxItems__', 'UPPER_CASE')).toBe('__MAX_ITEMS__');
    expect(convertToStyle('value$', 'snake_case')).toBe('value$');
  });

  it('leaves a name of affixes only unchanged', () => {
    expect(convertToStyle('__', 'camelCase')).toBe('__');
  });

  it('appends an underscore when the result would be a reserved word', () => {
    expect(convertToStyle('Delete', 'camelCase')).toBe('delete_');
    expect(convertToStyle('Class', 'snake_case')).toBe('class_');
  });

  it('has no conversion for a custom regex', () => {
    expect(convertToStyle('processInvoice', '/^[a-z_]+$/')).toBeUndefined();
  });

  it('converts a file-name segment, keeping its punctuation affixes', () => {
    expect(convertToStyle('[invoiceId]', 'kebab-case', 'file')).toBe('[invoice-id]');
  });
});

describe('matchesStyle', () => {
  it('accepts a single lowercase word as both camelCase and snake_case', () => {
    expect(matchesStyle('total', 'camelCase')).toBe(true);
    expect(matchesStyle('total', 'snake_case')).toBe(true);
  });

  it.each([
    ['processInvoice', 'camelCase', true],
    ['parseHTTPResponse', 'camelCase', true],
    ['ProcessInvoice', 'camelCase', false],
    ['process_invoice', 'camelCase', false],
    ['HTTPClient', 'PascalCase', true],
    ['httpClient', 'PascalCase', false],
    ['process_invoice', 'snake_case', true],
    ['process__invoice', 'snake_case', false],
    ['processInvoice', 'snake_case', false],
    ['MAX_ITEMS', 'UPPER_CASE', true],
    ['Max_Items', 'UPPER_CASE', false],
    ['invoice-handler', 'kebab-case', true],
    ['invoiceHandler', 'kebab-case', false],
  ])('%s in %s: %s', (name, style, expected) => {
    expect(matchesStyle(name, style)).toBe(expected);
  });

  it('ignores leading and trailing underscores and dollars', () => {
    expect(matchesStyle('_privateHelper', 'camelCase')).toBe(true);
    expect(matchesStyle('__DEV__', 'UPPER_CASE')).toBe(true);
    expect(matchesStyle('$el', 'camelCase')).toBe(true);
    expect(matchesStyle('_PrivateHelper', 'camelCase')).toBe(false);
  });

  it('accepts names without case in any style', () => {
    expect(matchesStyle('名前', 'snake_case')).toBe(true);
    expect(matchesStyle('名前', 'PascalCase')).toBe(true);
  });

  it('runs a custom regex on the whole name', () => {
    expect(matchesStyle('handle_get', '/^handle_[a-z]+$/')).toBe(true);
    expect(matchesStyle('_handle_get', '/^handle_[a-z]+$/')).toBe(false);
    expect(matchesStyle('HANDLE_GET', '/^handle_[a-z]+$/i')).toBe(true);
  });

  it('counts a name longer than the cap as not matching a custom regex', () => {
    const long = 'a'.repeat(MAX_CUSTOM_MATCH_LENGTH + 1);
    expect(matchesStyle(long, '/^a+$/')).toBe(false);
    expect(matchesStyle(long.slice(1), '/^a+$/')).toBe(true);
  });

  it('throws the style problem for a risky regex rather than running it', () => {
    expect(() => matchesStyle('aaaa', '/^(a+)+$/')).toThrow('contains "(a+)+"');
  });
});

describe('isKnownStyle and isCustomStyle', () => {
  it('tells style names from regex literals', () => {
    expect(isKnownStyle('snake_case')).toBe(true);
    expect(isKnownStyle('snake-case')).toBe(false);
    expect(isCustomStyle('/^x$/i')).toBe(true);
    expect(isCustomStyle('snake_case')).toBe(false);
  });
});

describe('findStyleProblem', () => {
  it('accepts known styles and safe regexes', () => {
    expect(findStyleProblem('PascalCase')).toBeUndefined();
    expect(findStyleProblem('/^[a-z]+(_[a-z0-9]+)*$/')).toBeUndefined();
    expect(findStyleProblem('/^(get|set)[A-Z][A-Za-z0-9]*$/')).toBeUndefined();
    expect(findStyleProblem('/^[a-z](?:-?[a-z0-9]){0,3}$/')).toBeUndefined();
  });

  it('names an unknown style and lists the known ones', () => {
    expect(findStyleProblem('snake-case')).toBe(
      'unknown naming style "snake-case"; use one of camelCase, PascalCase, snake_case, UPPER_CASE, kebab-case, or a /regex/',
    );
  });

  it('refuses a nested quantifier with a message that says how to rewrite it', () => {
    expect(findStyleProblem('/^(a+)+$/')).toBe(
      'the naming regex "/^(a+)+$/" contains "(a+)+", which can take exponential time on some names; ' +
        'rewrite it without a repeated group that itself repeats or alternates (e.g. /^[a-z]+(_[a-z0-9]+)*$/) and without backreferences',
    );
  });

  it.each([
    ['/^(a|a)*$/', '(a|a)*'],
    ['/^(\\w+\\s?)*$/', '(\\w+\\s?)*'],
    ['/^(_[a-z_]+)*$/', '(_[a-z_]+)*'],
    ['/^((ab)*c)+$/', '((ab)*c)+'],
    ['/^(?:x*){2,}$/', '(?:x*){2,}'],
    ['/^(a)\\1$/', '\\1$'],
  ])('refuses %s at %s', (style, piece) => {
    expect(findStyleProblem(style)).toContain(`contains "${piece}"`);
  });

  it('refuses a regex that does not compile', () => {
    expect(findStyleProblem('/^([a-z]$/')).toMatch(/^the naming regex "\/\^\(\[a-z\]\$\/" does not compile \(.+\); fix its syntax$/);
  });

  it('refuses flags that make matching stateful', () => {
    expect(findStyleProblem('/^[a-z]+$/g')).toBe(
      'the naming regex "/^[a-z]+$/g" has flags "g"; only i, m, s and u are allowed, each at most once',
    );
  });
});

describe('properties', () => {
  it('every converted name matches its target style', () => {
    fc.assert(
      fc.property(identifierish, fc.constantFrom(...KNOWN_STYLES), (name, style) => {
        expect(matchesStyle(convertToStyle(name, style)!, style)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('every converted name is a valid identifier, except in the file style kebab-case', () => {
    fc.assert(
      fc.property(identifierish, fc.constantFrom(...identifierStyles), (name, style) => {
        expect(isValidIdentifier(convertToStyle(name, style)!)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('conversion keeps every letter and digit, in order', () => {
    fc.assert(
      fc.property(identifierish, fc.constantFrom(...KNOWN_STYLES), (name, style) => {
        expect(lettersAndDigits(convertToStyle(name, style)!)).toBe(lettersAndDigits(name));
      }),
      { numRuns: 1000 },
    );
  });

  it('conversion keeps the affixes', () => {
    fc.assert(
      fc.property(identifierish, fc.constantFrom(...KNOWN_STYLES), (name, style) => {
        const { prefix } = splitAffixes(name);
        expect(convertToStyle(name, style)!.startsWith(prefix)).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it('snake_case to camelCase and back is lossless for words of two or more characters, reserved words aside', () => {
    const word = fc.stringMatching(/^[a-z][a-z0-9]{1,6}$/);
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 4 }), (words) => {
        const snake = words.join('_');
        // A conversion that would give a reserved word (`do`) gets a trailing `_` on purpose.
        fc.pre(!isReservedWord(snake));
        expect(convertToStyle(convertToStyle(snake, 'camelCase')!, 'snake_case')).toBe(snake);
      }),
      { numRuns: 1000 },
    );
  });
});
