import { findStyleProblem } from '../core/case-styles';
import { compilePathGlob } from '../core/path-glob';
import { HarnessConfigError } from './config-error';
import { IMPORT_KINDS } from '../core/dep-constraint';
import type { YamlSource } from './yaml-source';
import { validateRuleOptions } from './validate-rule-options';
import { validateLayers } from './validate-layers';
import type { Conventions, CoverageThresholds, NamingConventions, RuleDeclaration, RuleSetting } from './types';
import type { DepConstraint, ImportKind } from '../core/dep-constraint';

const NAMING_KINDS = ['functions', 'classes', 'variables', 'constants', 'types', 'files'];
const SEVERITIES = ['error', 'warn', 'off'];
const METRICS: Array<keyof CoverageThresholds> = ['lines', 'branches', 'functions', 'statements'];

type Path = Array<string | number>;

const fail = (src: YamlSource, path: Path, problem: string, remedy: string, onKey = false): never => {
  throw new HarnessConfigError(src.file, onKey ? src.keyLineOf(path) : src.lineOf(path), problem, remedy);
};

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Ensures `value` is a mapping, naming the path in the error. */
export function expectRecord(src: YamlSource, path: Path, value: unknown): Record<string, unknown> {
  if (value === undefined || value === null) return {};
  if (!isRecord(value)) fail(src, path, `"${path.join('.')}" must be a mapping`, 'write it as `key: value` lines');
  return value as Record<string, unknown>;
}

/** Refuses keys that the schema does not know, so a typo is never silently ignored. */
export function rejectUnknownKeys(src: YamlSource, path: Path, value: Record<string, unknown>, known: string[]): void {
  for (const key of Object.keys(value)) {
    if (!known.includes(key)) {
      fail(src, [...path, key], `unknown key "${key}"${path.length ? ` in "${path.join('.')}"` : ''}`, `use one of ${known.join(', ')}`, true);
    }
  }
}

/**
 * Reads the `rules:` mapping: `id: severity` or `id: { severity, ...options }`. Options are checked
 * against the rule's JSON schema before the severity, so a misspelt `severty:` is named as such.
 */
export function validateRules(src: YamlSource, path: Path, value: unknown, rules: readonly RuleDeclaration[]): Record<string, RuleSetting> {
  const entries = expectRecord(src, path, value);
  const settings: Record<string, RuleSetting> = {};
  for (const [id, raw] of Object.entries(entries)) {
    const rule = rules.find((r) => r.id === id);
    if (!rule) {
      fail(src, [...path, id], `unknown rule id "${id}"`, `use one of ${rules.map((r) => r.id).join(', ')}`, true);
    }
    const { severity, ...options } = isRecord(raw) ? raw : { severity: raw };
    validateRuleOptions(src, [...path, id], rule as RuleDeclaration, options);
    if (typeof severity !== 'string' || !SEVERITIES.includes(severity)) {
      const where = isRecord(raw) ? [...path, id, 'severity'] : [...path, id];
      fail(src, where, `unknown severity "${String(severity)}" for rule "${id}"`, 'use error, warn or off');
    }
    settings[id] = { severity: severity as RuleSetting['severity'], options };
  }
  return settings;
}

/** Checks a tag pattern: `*`, a glob, an exact tag, or a `/regex/` that must compile. */
function validateTagPattern(src: YamlSource, path: Path, value: unknown): string {
  if (typeof value !== 'string' || value === '') {
    fail(src, path, `a tag must be a non-empty string, got ${JSON.stringify(value)}`, 'write a tag such as "scope:billing"');
  }
  const tag = value as string;
  if (tag.length > 2 && tag.startsWith('/') && tag.endsWith('/')) {
    try {
      new RegExp(tag.slice(1, -1));
    } catch (error) {
      fail(src, path, `the tag pattern "${tag}" is not a valid regex (${(error as Error).message})`, 'fix the regex or write the tag exactly');
    }
  }
  return tag;
}

const tagList = (src: YamlSource, path: Path, value: unknown): string[] | undefined => {
  if (value === undefined) return undefined;
  if (!Array.isArray(value)) fail(src, path, `"${path.join('.')}" must be a list`, 'write it as ["tag:a", "tag:b"]');
  return (value as unknown[]).map((v, i) => validateTagPattern(src, [...path, i], v));
};

/** Reads `dependencies.constraints`, with the fields of `@nx/enforce-module-boundaries`. */
export function validateConstraints(src: YamlSource, path: Path, value: unknown): DepConstraint[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) fail(src, path, '"dependencies.constraints" must be a list', 'start each constraint with "- sourceTag: ..."');
  const known = ['sourceTag', 'allSourceTags', 'onlyDependOnLibsWithTags', 'notDependOnLibsWithTags', 'bannedExternalImports', 'allowedExternalImports', 'explanation', 'importKinds', 'files', 'excludeFiles'];
  return (value as unknown[]).map((raw, i) => {
    const at = [...path, i];
    const entry = expectRecord(src, at, raw);
    rejectUnknownKeys(src, at, entry, known);
    if (entry.sourceTag === undefined && entry.allSourceTags === undefined) {
      fail(src, at, 'a constraint has neither "sourceTag" nor "allSourceTags"', 'add sourceTag: "<tag>" to say which projects it applies to');
    }
    const constraint: DepConstraint = {};
    if (entry.sourceTag !== undefined) constraint.sourceTag = validateTagPattern(src, [...at, 'sourceTag'], entry.sourceTag);
    for (const key of ['allSourceTags', 'onlyDependOnLibsWithTags', 'notDependOnLibsWithTags', 'bannedExternalImports', 'allowedExternalImports'] as const) {
      const list = tagList(src, [...at, key], entry[key]);
      if (list) constraint[key] = list;
    }
    if (entry.explanation !== undefined) constraint.explanation = String(entry.explanation);
    if (entry.importKinds !== undefined) constraint.importKinds = validateImportKinds(src, [...at, 'importKinds'], entry.importKinds);
    for (const key of ['files', 'excludeFiles'] as const) {
      if (entry[key] !== undefined) constraint[key] = validateFileGlobs(src, [...at, key], entry[key]);
    }
    return constraint;
  });
}

function validateImportKinds(src: YamlSource, path: Path, value: unknown): ImportKind[] {
  const example = 'write it as [static, dynamic] (any of static, dynamic, type)';
  if (!Array.isArray(value) || value.length === 0) return fail(src, path, '"importKinds" must be a non-empty list', example);
  value.forEach((kind, i) => {
    if (!(IMPORT_KINDS as readonly unknown[]).includes(kind)) fail(src, [...path, i], `unknown import kind ${JSON.stringify(kind)}`, `use static, dynamic or type`);
  });
  return value as ImportKind[];
}

/** `files` / `excludeFiles`: globs relative to the project root, such as "**\/*.spec.ts". */
function validateFileGlobs(src: YamlSource, path: Path, value: unknown): string[] {
  const name = String(path[path.length - 1]);
  const example = 'write it as ["**/*.spec.ts", "**/*.stories.tsx"]';
  if (!Array.isArray(value)) return fail(src, path, `"${name}" must be a list of globs`, example);
  value.forEach((glob, i) => {
    if (typeof glob !== 'string' || glob === '') fail(src, [...path, i], `each entry of "${name}" must be a non-empty glob string, got ${JSON.stringify(glob)}`, example);
    try {
      compilePathGlob(glob);
    } catch (error) {
      fail(src, [...path, i], (error as Error).message, 'close the bracket or brace, or escape it with a backslash');
    }
  });
  return value as string[];
}

/** Checks a naming style name or `/regex/`, refusing regexes that could backtrack catastrophically. */
function validateStyle(src: YamlSource, path: Path, value: unknown): string {
  const style = typeof value === 'string' ? value : String(value);
  const problem = findStyleProblem(style);
  if (!problem) return style;
  const [what, ...how] = problem.split('; ');
  return fail(src, path, what, how.join('; ') || 'use a known style or a simpler /regex/');
}

/** Reads the conventions keys shared by harness.yaml `conventions:` and CONVENTIONS.md front matter. */
export function validateConventions(src: YamlSource, path: Path, value: Record<string, unknown>, base: Conventions): Conventions {
  const result: Conventions = { ...base, naming: { ...base.naming }, coverage: { ...base.coverage }, tests: { ...base.tests } };
  if (value.naming !== undefined) {
    const naming = expectRecord(src, [...path, 'naming'], value.naming);
    rejectUnknownKeys(src, [...path, 'naming'], naming, NAMING_KINDS);
    for (const [kind, style] of Object.entries(naming)) {
      result.naming[kind as keyof NamingConventions] = validateStyle(src, [...path, 'naming', kind], style);
    }
  }
  if (value.coverage !== undefined) {
    const coverage = expectRecord(src, [...path, 'coverage'], value.coverage);
    rejectUnknownKeys(src, [...path, 'coverage'], coverage, METRICS);
    for (const [metric, n] of Object.entries(coverage)) {
      if (typeof n !== 'number' || n < 0 || n > 100) {
        fail(src, [...path, 'coverage', metric], `the coverage threshold "${metric}: ${String(n)}" is outside 0–100`, 'use a percentage from 0 to 100');
      }
      result.coverage[metric as keyof CoverageThresholds] = n as number;
    }
  }
  if (value.tests !== undefined) {
    const tests = expectRecord(src, [...path, 'tests'], value.tests);
    rejectUnknownKeys(src, [...path, 'tests'], tests, ['required']);
    if (tests.required !== undefined && typeof tests.required !== 'boolean') {
      fail(src, [...path, 'tests', 'required'], `"tests.required" must be true or false, got "${String(tests.required)}"`, 'write required: true or required: false');
    }
    if (typeof tests.required === 'boolean') result.tests.required = tests.required;
  }
  if (value.layers !== undefined) result.layers = validateLayers(src, [...path, 'layers'], value.layers);
  return result;
}
