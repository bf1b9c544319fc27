import type { DepConstraint } from './dep-constraint';
import { createPathFilter } from './path-glob';

/**
 * Tag and import-pattern matching with the semantics of `@nx/enforce-module-boundaries`, so a
 * depConstraints block moved from an ESLint config means the same thing here:
 * - `*` matches any project, even one without tags;
 * - `/source/` is a regular expression, tested against each tag (unanchored, no flags);
 * - a pattern containing `*` is a glob over the whole tag (`*`, `**` and `.*` all mean "anything");
 * - anything else must equal a tag exactly.
 */

const compiledPatterns = new Map<string, (text: string) => boolean>();

/** True when `pattern` is written as `/regex/`. */
export function isRegexPattern(pattern: string): boolean {
  return pattern.length >= 2 && pattern.startsWith('/') && pattern.endsWith('/');
}

/** True when the pattern is a plain tag: no wildcard and no regex. */
export function isPlainTag(pattern: string): boolean {
  return !pattern.includes('*') && !isRegexPattern(pattern);
}

/**
 * Turns a glob into an anchored RegExp. Nx treats `.*` like `*`; every other character is taken
 * literally here (Nx leaves them as regex syntax, which only differs for names no package or tag
 * uses, such as `a.b` matching `axb`).
 */
export function compileGlob(glob: string): RegExp {
  const parts = glob.split(/\.\*|\*+/).map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${parts.join('.*')}$`);
}

function compilePattern(pattern: string): (text: string) => boolean {
  if (pattern === '*') return () => true;
  if (isRegexPattern(pattern)) {
    let regex: RegExp | undefined;
    try {
      regex = new RegExp(pattern.slice(1, -1));
    } catch {
      // An invalid regex matches nothing; the config loader reports it with file and line.
      return () => false;
    }
    return (text) => regex.test(text);
  }
  if (pattern.includes('*')) {
    const regex = compileGlob(pattern);
    return (text) => regex.test(text);
  }
  return (text) => text === pattern;
}

function matcherFor(pattern: string): (text: string) => boolean {
  let matcher = compiledPatterns.get(pattern);
  if (!matcher) {
    matcher = compilePattern(pattern);
    compiledPatterns.set(pattern, matcher);
  }
  return matcher;
}

/** Whether one tag matches one pattern. */
export function matchesTag(tag: string, pattern: string): boolean {
  return matcherFor(pattern)(tag);
}

/** Whether a project with these tags matches the pattern; `*` matches even an untagged project. */
export function hasTag(tags: readonly string[], pattern: string): boolean {
  if (pattern === '*') return true;
  const matcher = matcherFor(pattern);
  return tags.some((tag) => matcher(tag));
}

/** Whether a project with these tags matches at least one of the patterns. */
export function hasAnyTag(tags: readonly string[], patterns: readonly string[]): boolean {
  return patterns.some((pattern) => hasTag(tags, pattern));
}

/** A constraint selected by several tags at once (`allSourceTags`), which Nx prefers over `sourceTag`. */
export function isComboConstraint(constraint: DepConstraint): boolean {
  return Array.isArray(constraint.allSourceTags);
}

/** The source patterns of a constraint: all of them must match for it to apply. */
export function sourcePatternsOf(constraint: DepConstraint): string[] {
  if (isComboConstraint(constraint)) return constraint.allSourceTags ?? [];
  return constraint.sourceTag === undefined ? [] : [constraint.sourceTag];
}

/** Whether a constraint applies to a project with these tags. */
export function appliesTo(constraint: DepConstraint, tags: readonly string[]): boolean {
  const patterns = sourcePatternsOf(constraint);
  return patterns.length > 0 && patterns.every((pattern) => hasTag(tags, pattern));
}

/** The constraints that apply to a project with these tags, in config order. */
export function findConstraintsFor(constraints: readonly DepConstraint[], tags: readonly string[]): DepConstraint[] {
  return constraints.filter((constraint) => appliesTo(constraint, tags));
}

/**
 * Whether an import specifier (`lodash/fp`, as written) matches a banned/allowed external pattern.
 * Like Nx, the glob covers the whole specifier: `lodash` does not cover `lodash/fp`, `lodash*` does.
 */
export function matchesImportPattern(pattern: string, specifier: string): boolean {
  return compileGlobCached(pattern).test(specifier);
}

const compiledGlobs = new Map<string, RegExp>();

function compileGlobCached(glob: string): RegExp {
  let regex = compiledGlobs.get(glob);
  if (!regex) {
    regex = compileGlob(glob);
    compiledGlobs.set(glob, regex);
  }
  return regex;
}

/**
 * Whether the pattern matches every import of `packageName` (`react*` covers `react/jsx-runtime`),
 * so an allow-list holding it can never reject that package.
 */
export function coversEveryImportOf(pattern: string, packageName: string): boolean {
  const parts = pattern.split(/\.\*|\*+/);
  return parts.length === 2 && parts[1] === '' && packageName.startsWith(parts[0]);
}

/**
 * Whether some import of `packageName` (the name itself or a subpath of it) could match the
 * pattern. Lets a rule skip parsing files whose external dependencies can never be banned.
 */
export function couldMatchPackage(pattern: string, packageName: string): boolean {
  const prefix = pattern.split(/\.\*|\*+/)[0];
  if (prefix === pattern) return pattern === packageName || pattern.startsWith(packageName + '/');
  return packageName.startsWith(prefix) || prefix.startsWith(packageName + '/');
}

/**
 * Whether an import specifier matches an entry of `allow` or `checkDynamicDependenciesExceptions`,
 * as ESLint's module-boundaries rule reads them: `x/**` is every specifier starting with `x/`,
 * `x/*` one segment below `x/`, `a/**\/b` starts with `a` and ends with `b`, and anything else is
 * a regular expression tested anywhere in the specifier (unanchored, as in ESLint).
 */
export function matchesImportWildcard(pattern: string, specifier: string): boolean {
  if (pattern.endsWith('/**')) return specifier.startsWith(pattern.slice(0, -2));
  if (pattern.endsWith('/*')) {
    const prefix = pattern.slice(0, -1);
    return specifier.startsWith(prefix) && !specifier.slice(prefix.length).includes('/');
  }
  if (pattern.includes('/**/')) {
    const [prefix, suffix] = pattern.split('/**/');
    return specifier.startsWith(prefix) && specifier.endsWith(suffix);
  }
  return compileRegexCached(pattern).test(specifier);
}

const compiledRegexes = new Map<string, RegExp>();

function compileRegexCached(source: string): RegExp {
  let regex = compiledRegexes.get(source);
  if (!regex) {
    try {
      regex = new RegExp(source);
    } catch {
      // The config loader refuses an invalid regex with file and line; here it matches nothing.
      regex = /(?!)/;
    }
    compiledRegexes.set(source, regex);
  }
  return regex;
}

/** Whether any of the patterns matches the specifier (see matchesImportWildcard). */
export function matchesAnyImportWildcard(patterns: readonly string[], specifier: string): boolean {
  return patterns.some((pattern) => matchesImportWildcard(pattern, specifier));
}

/** Whether some constraint names `files` or `excludeFiles`, so constraints are chosen per file. */
export function hasFileScopedConstraints(constraints: readonly DepConstraint[]): boolean {
  return constraints.some((c) => c.files !== undefined || c.excludeFiles !== undefined);
}

const fileFilters = new WeakMap<DepConstraint, { only?: (file: string) => boolean; except?: (file: string) => boolean }>();

/**
 * Whether a constraint judges a file, given as a path relative to its project root; `undefined`
 * stands for an edge no file declares, which only a constraint without `files` judges.
 */
export function judgesFile(constraint: DepConstraint, relativeFile: string | undefined): boolean {
  if (constraint.files === undefined && constraint.excludeFiles === undefined) return true;
  let filters = fileFilters.get(constraint);
  if (!filters) {
    filters = {
      only: constraint.files && createPathFilter(constraint.files),
      except: constraint.excludeFiles && createPathFilter(constraint.excludeFiles),
    };
    fileFilters.set(constraint, filters);
  }
  if (relativeFile === undefined) return !filters.only;
  return (!filters.only || filters.only(relativeFile)) && !filters.except?.(relativeFile);
}
