import { compilePathGlob } from './path-glob';

/** What a project pattern is matched against. */
export interface PatternProject {
  name: string;
  root: string;
  tags: readonly string[];
}

const GLOB_CHARACTERS = /[*|{}()[]/;
const PATTERN_TYPES = ['name', 'tag', 'directory'];

/**
 * The projects one pattern of `ignoredCircularDependencies` selects, as Nx's project matcher reads
 * it (the one ESLint's rule uses): `*`; an exact name; `tag:<tag or glob>`; `name:` and
 * `directory:` prefixes; a glob over names, else over roots; a plain word matches names that
 * contain it as a whole word, case-insensitively (`cart` matches `shop/cart`, not `cart-e2e`);
 * a leading `!` selects every project except the matches.
 */
export function findMatchingProjects(pattern: string, projects: readonly PatternProject[]): Set<string> {
  const exclude = pattern.startsWith('!');
  const body = exclude ? pattern.slice(1) : pattern;
  const matched = new Set(selectProjects(body, projects));
  if (!exclude) return matched;
  return new Set(projects.map((p) => p.name).filter((name) => !matched.has(name)));
}

function selectProjects(pattern: string, projects: readonly PatternProject[]): string[] {
  if (pattern === '' || pattern.startsWith('nx-cloud:')) return [];
  if (pattern === '*') return projects.map((p) => p.name);
  if (projects.some((p) => p.name === pattern)) return [pattern];
  const colon = pattern.indexOf(':');
  const type = colon > 0 && PATTERN_TYPES.includes(pattern.slice(0, colon)) ? pattern.slice(0, colon) : 'unlabeled';
  const value = type === 'unlabeled' ? pattern : pattern.slice(colon + 1);
  if (value === '*') return projects.map((p) => p.name);
  if (type === 'tag') return projects.filter((p) => p.tags.some((tag) => tag === value || (isGlob(value) && globMatches(value, tag)))).map((p) => p.name);
  const byName = selectByName(value, projects);
  if (type === 'name' || byName.length > 0) return byName;
  return projects.filter((p) => globMatches(value, p.root)).map((p) => p.name);
}

function selectByName(value: string, projects: readonly PatternProject[]): string[] {
  if (projects.some((p) => p.name === value)) return [value];
  if (isGlob(value)) return projects.filter((p) => globMatches(value, p.name)).map((p) => p.name);
  let word: RegExp;
  try {
    // A word boundary that counts `-` and `@` as part of a name, as Nx does.
    word = new RegExp(`(?<![@a-zA-Z0-9-])${value}(?![@a-zA-Z0-9-])`, 'i');
  } catch {
    return [];
  }
  return projects.filter((p) => word.test(p.name)).map((p) => p.name);
}

function isGlob(value: string): boolean {
  return GLOB_CHARACTERS.test(value);
}

function globMatches(glob: string, text: string): boolean {
  if (glob === text) return true;
  try {
    return compilePathGlob(glob).test(text);
  } catch {
    return false;
  }
}
