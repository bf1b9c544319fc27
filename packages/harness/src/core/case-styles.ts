import { findBacktrackingRisk } from './regex-backtracking';

/**
 * Naming styles: which names match a style and what a name becomes when converted to it.
 *
 * Decisions (the naming rule and its docs rely on them):
 * - Affixes. Leading and trailing `_` and `$` of an identifier (`_cache`, `$el`, `value$`,
 *   `__DEV__`, `class_`) are not part of its style: a known style judges only the core between
 *   them, and conversion keeps them as they are. A name made only of affixes (`_`, `$`, `__`)
 *   has no core and matches every known style. For a file-name segment the affixes are any
 *   leading or trailing characters that are not letters or digits (`_app`, `[id]`, `+page`).
 * - Acronyms and digits. Words split at case changes; a run of capitals is one word and gives
 *   its last capital to a following capitalised word (`XMLHttpRequest` → xml|http|request);
 *   digits belong to the word before them (`parseHTTPResponse2` → parse|http|response2,
 *   `sha256sum` → sha256sum), so only a capital starts a new word after a digit. camelCase and PascalCase accept runs of capitals as
 *   written (`parseHTTPResponse`, `HTTPClient`), as typescript-eslint's formats do, so an
 *   existing acronym is never reported; conversion writes acronyms as words (`parseHttpResponse`).
 * - Letters without case (CJK, most other scripts) and combining marks count as either case,
 *   so a name in such a script is never reported for its case.
 * - A conversion that would give a reserved word (`Delete` → `delete`) gets a trailing `_`,
 *   which is an affix, so the result still matches and is still a valid identifier.
 * - Custom `/regex/` styles. There is no conversion. Because the regex comes from a config file
 *   and runs on every name, `findStyleProblem` refuses the patterns that can backtrack
 *   exponentially: a repeated group that itself holds a repeat or an alternation, as in `(a+)+`,
 *   `(a|a)*` or `(\w+\s?)*`, and backreferences. A repeated group that starts with a delimiter
 *   none of its repeats can match, as in `^[a-z]+(_[a-z0-9]+)*$`, stays allowed: each repeat
 *   then has one way to match. Polynomial backtracking (`a*a*a*`) is bounded instead: a custom
 *   regex runs only on names up to `MAX_CUSTOM_MATCH_LENGTH` characters, and a longer name
 *   counts as not matching. The regex sees the whole name, affixes included.
 */

export const KNOWN_STYLES = ['camelCase', 'PascalCase', 'snake_case', 'UPPER_CASE', 'kebab-case'] as const;
export type KnownStyle = (typeof KNOWN_STYLES)[number];

/** Identifiers are affixed with `_`/`$`; file-name segments with any non-alphanumeric character. */
export type NameKind = 'identifier' | 'file';

/** Names longer than this never reach a custom regex (see the module comment for why). */
export const MAX_CUSTOM_MATCH_LENGTH = 256;

const UPPER = '\\p{Lu}\\p{Lt}';
const LOWER = '\\p{Ll}';
const CASELESS_LETTER = '\\p{Lm}\\p{Lo}\\p{Mn}\\p{Mc}';
const DIGIT = '\\p{N}';
// Digits and caseless letters belong to both cases.
const LOWER_LIKE = `${LOWER}${CASELESS_LETTER}${DIGIT}`;
const UPPER_LIKE = `${UPPER}${CASELESS_LETTER}${DIGIT}`;

const STYLE_PATTERNS: Record<KnownStyle, RegExp> = {
  camelCase: new RegExp(`^[${LOWER_LIKE}][${LOWER_LIKE}${UPPER}]*$`, 'u'),
  PascalCase: new RegExp(`^[${UPPER_LIKE}][${LOWER_LIKE}${UPPER}]*$`, 'u'),
  snake_case: new RegExp(`^[${LOWER_LIKE}]+(?:_[${LOWER_LIKE}]+)*$`, 'u'),
  UPPER_CASE: new RegExp(`^[${UPPER_LIKE}]+(?:_[${UPPER_LIKE}]+)*$`, 'u'),
  'kebab-case': new RegExp(`^[${LOWER_LIKE}]+(?:-[${LOWER_LIKE}]+)*$`, 'u'),
};

const WORD = new RegExp(
  [
    `[${UPPER}]+(?=[${UPPER}][${LOWER}${CASELESS_LETTER}])`, // acronym before a capitalised word
    `[${UPPER}]?[${LOWER}${CASELESS_LETTER}][${LOWER_LIKE}]*`, // word, then its digits
    `[${UPPER}]+(?:[${DIGIT}][${LOWER_LIKE}]*)?`, // acronym, then its digits
    `[${DIGIT}][${LOWER_LIKE}]*`, // a word that starts with digits
  ].join('|'),
  'gu',
);

const AFFIXES: Record<NameKind, { prefix: RegExp; suffix: RegExp }> = {
  identifier: { prefix: /^[_$]+/, suffix: /[_$]+$/ },
  file: { prefix: /^[^\p{L}\p{N}]+/u, suffix: /[^\p{L}\p{N}]+$/u },
};

const RESERVED_WORDS = new Set(
  (
    'arguments await break case catch class const continue debugger default delete do else enum eval ' +
    'export extends false finally for function if implements import in instanceof interface let new ' +
    'null package private protected public return static super switch this throw true try typeof var ' +
    'void while with yield'
  ).split(' '),
);

/** A name cut into its affixes and the core whose style is judged. */
export interface NameParts {
  prefix: string;
  core: string;
  suffix: string;
}

/** True for JavaScript reserved words, which a conversion never returns as they are. */
export function isReservedWord(name: string): boolean {
  return RESERVED_WORDS.has(name);
}

export function isKnownStyle(style: string): style is KnownStyle {
  return (KNOWN_STYLES as readonly string[]).includes(style);
}

/** A `/regex/flags` style rather than a style name. */
export function isCustomStyle(style: string): boolean {
  return style.length >= 2 && style.startsWith('/') && style.lastIndexOf('/') > 0;
}

/** Cuts leading and trailing affixes off a name; a name of affixes only has an empty core. */
export function splitAffixes(name: string, kind: NameKind = 'identifier'): NameParts {
  const prefix = AFFIXES[kind].prefix.exec(name)?.[0] ?? '';
  if (prefix.length === name.length) return { prefix, core: '', suffix: '' };
  const rest = name.slice(prefix.length);
  const suffix = AFFIXES[kind].suffix.exec(rest)?.[0] ?? '';
  return { prefix, core: rest.slice(0, rest.length - suffix.length), suffix };
}

/** The words of a name's core, as written: `parseHTTPResponse2` → parse, HTTP, Response2. */
export function splitWords(name: string, kind: NameKind = 'identifier'): string[] {
  return splitAffixes(name, kind).core.match(WORD) ?? [];
}

/** Whether `name` is written in `style`; throws for a style that `findStyleProblem` refuses. */
export function matchesStyle(name: string, style: string, kind: NameKind = 'identifier'): boolean {
  if (isKnownStyle(style)) {
    const { core } = splitAffixes(name, kind);
    return core === '' || STYLE_PATTERNS[style].test(core);
  }
  const regex = compileCustomStyle(style);
  return name.length <= MAX_CUSTOM_MATCH_LENGTH && regex.test(name);
}

/**
 * `name` rewritten in `style`, affixes kept; undefined for a custom regex, which has no single
 * right spelling. Throws for a style that `findStyleProblem` refuses.
 */
export function convertToStyle(name: string, style: string, kind: NameKind = 'identifier'): string | undefined {
  if (!isKnownStyle(style)) {
    compileCustomStyle(style);
    return undefined;
  }
  const { prefix, core, suffix } = splitAffixes(name, kind);
  const words = core.match(WORD) ?? [];
  if (words.length === 0) return name;
  const converted = joinWords(words, style);
  const reserved = kind === 'identifier' && prefix === '' && suffix === '' && RESERVED_WORDS.has(converted);
  return `${prefix}${converted}${suffix}${reserved ? '_' : ''}`;
}

function joinWords(words: string[], style: KnownStyle): string {
  switch (style) {
    case 'camelCase':
      return words.map((w, i) => (i === 0 ? w.toLowerCase() : capitalize(w))).join('');
    case 'PascalCase':
      return words.map(capitalize).join('');
    case 'snake_case':
      return words.map((w) => w.toLowerCase()).join('_');
    case 'UPPER_CASE':
      return words.map((w) => w.toUpperCase()).join('_');
    case 'kebab-case':
      return words.map((w) => w.toLowerCase()).join('-');
  }
}

function capitalize(word: string): string {
  const [first = '', ...rest] = word;
  return first.toUpperCase() + rest.join('').toLowerCase();
}

/**
 * Why `style` cannot be used, as one sentence that says how to fix it; undefined when it is a
 * known style or a safe, valid `/regex/`. Config loading and the naming rule both call it.
 */
export function findStyleProblem(style: string): string | undefined {
  if (isKnownStyle(style)) return undefined;
  if (!isCustomStyle(style)) {
    return `unknown naming style "${style}"; use one of ${KNOWN_STYLES.join(', ')}, or a /regex/`;
  }
  const { body, flags } = splitRegexLiteral(style);
  if (!/^(?!.*(.).*\1)[imsu]*$/.test(flags)) {
    return `the naming regex "${style}" has flags "${flags}"; only i, m, s and u are allowed, each at most once`;
  }
  try {
    new RegExp(body, flags);
  } catch (error) {
    return `the naming regex "${style}" does not compile (${(error as Error).message}); fix its syntax`;
  }
  const risky = findBacktrackingRisk(body, flags);
  if (risky) {
    return (
      `the naming regex "${style}" contains "${risky}", which can take exponential time on some names; ` +
      'rewrite it without a repeated group that itself repeats or alternates (e.g. /^[a-z]+(_[a-z0-9]+)*$/) and without backreferences'
    );
  }
  return undefined;
}

const compiled = new Map<string, RegExp>();

function compileCustomStyle(style: string): RegExp {
  let regex = compiled.get(style);
  if (!regex) {
    const problem = findStyleProblem(style);
    if (problem) throw new Error(problem);
    const { body, flags } = splitRegexLiteral(style);
    regex = new RegExp(body, flags);
    compiled.set(style, regex);
  }
  return regex;
}

function splitRegexLiteral(style: string): { body: string; flags: string } {
  const end = style.lastIndexOf('/');
  return { body: style.slice(1, end), flags: style.slice(end + 1) };
}
