import * as path from 'node:path';
import type * as ts from 'typescript';
import { getProjects, parseJson, type Tree } from '@nx/devkit';
import { parse as parseYaml } from 'yaml';
import { compilePathGlob } from '../../../core/path-glob';
import { DYNAMIC, isCallTo, isRecord, type Data, type ScriptLoader, type ScriptModule } from './config-script';
import { readPropertyName } from './config-script-scope';
import { walkConfigScripts } from './walk-config-scripts';

const RULE = '@nx/enforce-module-boundaries';
const FLAT_CONFIGS = ['mjs', 'js', 'cjs', 'ts', 'mts', 'cts'].map((ext) => `eslint.config.${ext}`);
const LEGACY_DATA_CONFIGS = ['.eslintrc.json', '.eslintrc', '.eslintrc.yaml', '.eslintrc.yml'];
// ESLint's eslintrc mode always leaves out dot files and dot folders, except its own config files.
const LEGACY_DEFAULTS = ['**/.*', '!**/.eslintrc.*'];

/**
 * The files the workspace's ESLint never lints, as `dependencies.ignore` globs (workspace-relative,
 * `!` re-includes, the last match wins). Flat configs: the global `ignores` objects (and
 * `globalIgnores()`) of the root config and of each project's own config, relative to its folder.
 * eslintrc: `.eslintignore`, then `ignorePatterns` of the root config and of each project's, which
 * are gitignore patterns relative to their folder.
 */
export function readEslintIgnores(tree: Tree, configFile: string, load: ScriptLoader, notes: string[]): string[] {
  const projectRoots = [...getProjects(tree).values()].map((p) => p.root).filter((root) => root !== '' && root !== '.').sort();
  if (configFile.startsWith('eslint.config.')) {
    const walked = new Set<string>();
    const globs = readFlatIgnores(load, configFile, '', notes, walked);
    const unread: string[] = [];
    for (const root of projectRoots) {
      const own = FLAT_CONFIGS.map((name) => `${root}/${name}`).find((file) => tree.exists(file));
      if (!own) continue;
      const projectNotes: string[] = [];
      globs.push(...readFlatIgnores(load, own, root, projectNotes, walked));
      if (projectNotes.length > 0) unread.push(own);
    }
    // Projects often share one config pattern; one line for all of them says it without drowning the rest.
    if (unread.length > 0) notes.push(describeUnreadProjectIgnores(unread));
    return globs;
  }
  const globs = [...LEGACY_DEFAULTS];
  const ignoreFile = tree.read('.eslintignore', 'utf-8');
  if (ignoreFile !== null) globs.push(...ignoreFile.split(/\r?\n/).flatMap((line) => fromGitignore(line, '')));
  globs.push(...readIgnorePatterns(tree, load, configFile, notes).flatMap((p) => fromGitignore(p, '')));
  for (const root of projectRoots) {
    const own = LEGACY_DATA_CONFIGS.map((name) => `${root}/${name}`).find((file) => tree.exists(file));
    if (own) globs.push(...readIgnorePatterns(tree, load, own, notes).flatMap((p) => fromGitignore(p, root)));
  }
  return globs;
}

function describeUnreadProjectIgnores(files: string[]): string {
  const shown = files.slice(0, 3).join(', ') + (files.length > 3 ? `, and ${files.length - 3} more` : '');
  return `the ignores of ${files.length === 1 ? 'the project ESLint config' : `${files.length} project ESLint configs`} ${shown} could not be read without running them, so the dependency rules judge files there that ESLint may skip; add such globs to dependencies.ignore by hand.`;
}

function readFlatIgnores(load: ScriptLoader, file: string, base: string, notes: string[], walked: Set<string>): string[] {
  const globs: string[] = [];
  walkConfigScripts(
    load,
    file,
    (node, mod) => {
      const { t } = mod;
      // Objects under `rules` are rule options, never config objects.
      if (t.isPropertyAssignment(node) && readPropertyName(t, node.name) === 'rules') return true;
      // Only an object whose own keys are `ignores` and `name` is read, so nothing else is evaluated twice.
      const isIgnoresObject =
        t.isObjectLiteralExpression(node) &&
        node.properties.length > 0 &&
        node.properties.every((p) => (t.isPropertyAssignment(p) || t.isShorthandPropertyAssignment(p)) && ['ignores', 'name'].includes(readPropertyName(t, p.name) ?? ''));
      if (!isIgnoresObject && !(t.isCallExpression(node) && isCallTo(t, node, 'globalIgnores', true))) return false;
      const value = mod.evaluate(node as ts.Expression);
      if (!isGlobalIgnores(value)) return false;
      globs.push(...readIgnoreList(value.ignores, mod, base, notes));
      return true;
    },
    walked,
  );
  return globs;
}

/** A config object with `ignores` and nothing else but a name: ESLint's global ignores. */
function isGlobalIgnores(value: Data): value is { ignores: Data } {
  return isRecord(value) && 'ignores' in value && Object.keys(value).every((key) => key === 'ignores' || key === 'name');
}

function readIgnoreList(list: Data, mod: ScriptModule, base: string, notes: string[]): string[] {
  if (!Array.isArray(list)) {
    notes.push(`the global ignores in ${mod.file} are computed at run time, so they were not imported into dependencies.ignore.`);
    return [];
  }
  return list.flatMap((pattern) => {
    if (typeof pattern !== 'string') {
      notes.push(`an entry of the global ignores in ${mod.file} is computed at run time, so it was not imported into dependencies.ignore.`);
      return [];
    }
    return fromFlatPattern(pattern, base, mod.file, notes);
  });
}

/**
 * The `ignores` (flat) or `excludedFiles` (eslintrc) of the config object that sets the rule, as
 * workspace globs: ESLint does not apply the rule to those files, so the dependency rules skip them.
 */
export function readIgnoreGlobs(value: Data, file: string, notes: string[], style: 'flat' | 'gitignore'): string[] {
  if (value === undefined) return [];
  const list = typeof value === 'string' ? [value] : value;
  if (!Array.isArray(list) || !list.every((p) => typeof p === 'string')) {
    notes.push(`the ignores of the ${RULE} config object in ${file} are computed at run time, so they were not imported into dependencies.ignore.`);
    return [];
  }
  return list.flatMap((pattern: string) => (style === 'flat' ? fromFlatPattern(pattern, '', file, notes) : fromGitignore(pattern, '')));
}

/** A flat-config pattern: minimatch, relative to the config's folder; a trailing `/` means a folder. */
function fromFlatPattern(pattern: string, base: string, file: string, notes: string[]): string[] {
  const negated = pattern.startsWith('!');
  const body = (negated ? pattern.slice(1) : pattern).replace(/^\.\//, '').replace(/\/+$/, '');
  if (body === '' || body.startsWith('../') || body.startsWith('/')) {
    notes.push(`the ignore pattern "${pattern}" in ${file} points outside its folder, so it was not imported into dependencies.ignore.`);
    return [];
  }
  return [toGlob(negated, base ? `${base}/${body}` : body, pattern, file, notes)].filter((g): g is string => g !== undefined);
}

/** A gitignore-style line (`.eslintignore`, `ignorePatterns`): unanchored names match at any depth below `base`. */
export function fromGitignore(line: string, base: string): string[] {
  const trimmed = line.replace(/(?<!\\)\s+$/, '');
  if (trimmed === '' || trimmed.startsWith('#')) return [];
  const negated = trimmed.startsWith('!');
  let body = negated ? trimmed.slice(1) : trimmed;
  body = body.replace(/^\\([#!])/, '$1').replace(/\/+$/, '');
  const anchored = body.startsWith('/') || body.includes('/');
  body = body.replace(/^\/+/, '');
  if (body === '') return [];
  const relative = anchored || body.startsWith('**/') ? body : `**/${body}`;
  const glob = toGlob(negated, base ? `${base}/${relative}` : relative, line, '', []);
  return glob ? [glob] : [];
}

function toGlob(negated: boolean, body: string, pattern: string, file: string, notes: string[]): string | undefined {
  try {
    compilePathGlob(body);
  } catch {
    notes.push(`the ignore pattern "${pattern}"${file ? ` in ${file}` : ''} is not a glob harness can read, so it was not imported into dependencies.ignore.`);
    return undefined;
  }
  return `${negated ? '!' : ''}${path.posix.normalize(body)}`;
}

/** `ignorePatterns` of an eslintrc file (JSON, YAML or a script's module.exports). */
function readIgnorePatterns(tree: Tree, load: ScriptLoader, file: string, notes: string[]): string[] {
  let config: Data;
  if (/\.[cm]?[jt]s$/.test(file)) {
    config = load(file).namespace();
  } else {
    try {
      const text = tree.read(file, 'utf-8') ?? '';
      config = file.endsWith('.yaml') || file.endsWith('.yml') ? parseYaml(text, { maxAliasCount: 50 }) : parseJson(text);
    } catch {
      return [];
    }
  }
  const patterns = isRecord(config) ? config.ignorePatterns : undefined;
  if (patterns === undefined) return [];
  if (patterns === DYNAMIC || !Array.isArray(patterns)) {
    notes.push(`the ignorePatterns in ${file} are computed at run time, so they were not imported into dependencies.ignore.`);
    return [];
  }
  return (typeof patterns === 'string' ? [patterns] : patterns).filter((p): p is string => typeof p === 'string');
}
