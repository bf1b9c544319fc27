import type { DependencyOptions } from '../../../config/types';
import { compilePathGlob } from '../../../core/path-glob';
import { DYNAMIC, type Data } from './config-script';

type ImportableOption = Exclude<keyof DependencyOptions, 'ignore'>;

const BOOLEAN_OPTIONS = ['banTransitiveDependencies', 'checkNestedExternalImports', 'enforceBuildableLibDependency', 'allowCircularSelfDependency'] as const;
const LIST_OPTIONS = ['allow', 'buildTargets', 'checkDynamicDependenciesExceptions'] as const;
const RULE = '@nx/enforce-module-boundaries';
/** Every file kind harness's dependency rules read. */
const SOURCE_EXTENSIONS = ['ts', 'tsx', 'js', 'jsx', 'mts', 'cts', 'mjs', 'cjs'];

/**
 * The rule's options besides depConstraints, under the same names in harness.yaml. A value that
 * is computed, or that ESLint itself would reject, is left out and named in `notes`.
 */
export function readRuleOptions(options: Record<string, Data>, file: string, notes: string[]): Partial<DependencyOptions> {
  const imported: Partial<Record<ImportableOption, unknown>> = {};
  const skip = (key: string, why: string) => notes.push(`the ${RULE} option ${key} in ${file} ${why}, so it was not imported.`);
  for (const [key, value] of Object.entries(options)) {
    if (key === 'depConstraints') continue;
    if (value === DYNAMIC) skip(key, 'is computed at run time');
    else if ((BOOLEAN_OPTIONS as readonly string[]).includes(key)) {
      if (typeof value === 'boolean') imported[key as ImportableOption] = value;
      else skip(key, 'is not true or false');
    } else if ((LIST_OPTIONS as readonly string[]).includes(key)) {
      const list = readStrings(value);
      if (!list) skip(key, 'is not a list of literal strings');
      else imported[key as ImportableOption] = key === 'buildTargets' ? list : keepValidPatterns(list, key, file, notes);
    } else if (key === 'ignoredCircularDependencies') {
      const pairs = Array.isArray(value) ? value.map(readStrings) : undefined;
      if (!pairs || !pairs.every((pair) => pair?.length === 2)) skip(key, 'is not a list of literal project pairs');
      else imported.ignoredCircularDependencies = pairs;
    } else {
      skip(key, 'is not an option harness knows');
    }
  }
  return imported as Partial<DependencyOptions>;
}

function readStrings(value: Data): string[] | undefined {
  return Array.isArray(value) && value.every((v) => typeof v === 'string' && v !== '') ? (value as string[]) : undefined;
}

/** ESLint compiles every pattern that is not a `/*` or `/**` wildcard as a RegExp; one that does not compile would crash it. */
function keepValidPatterns(patterns: string[], key: string, file: string, notes: string[]): string[] {
  return patterns.filter((pattern) => {
    if (pattern.endsWith('/*') || pattern.includes('/**')) return true;
    try {
      new RegExp(pattern);
      return true;
    } catch {
      notes.push(`the ${key} pattern "${pattern}" in ${file} is not a valid regular expression, so it was not imported.`);
      return false;
    }
  });
}

/**
 * The rule applies only to the files its config object names: the kinds of source files ESLint
 * never judges with it become `dependencies.ignore` globs (`**\/*.mjs`), and a note says so.
 */
export function listUnjudgedFiles(files: Data, file: string, notes: string[]): string[] {
  if (files === undefined) return [];
  const globs = (Array.isArray(files) ? files.flat() : [files]).filter((g): g is string => typeof g === 'string');
  if (globs.length === 0) return [];
  const matches = (ext: string) =>
    globs.some((glob) => {
      try {
        return compilePathGlob(glob.replace(/^\*\.\b/, '**/*.')).test(`libs/a/src/file.${ext}`);
      } catch {
        return false;
      }
    });
  const unseen = SOURCE_EXTENSIONS.filter((ext) => !matches(ext));
  if (unseen.length === 0) return [];
  const ignore = unseen.map((ext) => `**/*.${ext}`);
  notes.push(
    `${RULE} in ${file} applies only to files matching ${globs.join(', ')}, so ESLint never judges .${unseen.join(', .')} files with it; ` +
      `harness.yaml leaves them out of the dependency rules too (dependencies.ignore: ${ignore.map((g) => `"${g}"`).join(', ')}).`,
  );
  return ignore;
}
