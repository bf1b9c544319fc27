import { getProjects, parseJson, type Tree } from '@nx/devkit';
import { parse as parseYaml } from 'yaml';
import type { DependencyOptions } from '../../../config/types';
import type { DepConstraint } from '../../../core/dep-constraint';
import { appliesTo } from '../../../core/tag-match';
import { createScriptLoader, DYNAMIC, isRecord, PARTIAL, type Data, type ScriptLoader } from './config-script';
import { readPropertyName } from './config-script-scope';
import { readEslintIgnores, readIgnoreGlobs } from './import-eslint-ignores';
import { listUnjudgedFiles, readRuleOptions } from './read-rule-options';
import { walkConfigScripts } from './walk-config-scripts';

export { renderConstraintsYaml } from './render-dependencies-yaml';

/** The setup of `@nx/enforce-module-boundaries`, read from the workspace's ESLint config. */
export interface ImportedConstraints {
  /** Workspace-relative path of the ESLint config they came from. */
  file: string;
  constraints: DepConstraint[];
  /** The rule's other options, under ESLint's names; only those the config sets. */
  options: Partial<DependencyOptions>;
  /** Globs of the files that ESLint never lints (its ignores), for `dependencies.ignore`. */
  ignore: string[];
  /** What was not carried over and why, one sentence each, for the caller to log. */
  notes: string[];
}

// The rule's name since Nx 16, and the name older workspaces still use.
const RULE_NAMES = ['@nx/enforce-module-boundaries', '@nrwl/nx/enforce-module-boundaries'];
// ESLint 9 prefers a flat config over an .eslintrc, so flat configs are looked at first.
const SCRIPT_CONFIGS = [...['mjs', 'js', 'cjs', 'ts', 'mts', 'cts'].map((ext) => `eslint.config.${ext}`), '.eslintrc.js', '.eslintrc.cjs'];
const DATA_CONFIGS = ['.eslintrc.json', '.eslintrc', '.eslintrc.yaml', '.eslintrc.yml'];
const LIST_FIELDS = ['allSourceTags', 'onlyDependOnLibsWithTags', 'notDependOnLibsWithTags', 'bannedExternalImports', 'allowedExternalImports'] as const;

/** One value given to the rule, with the `files` and `ignores` of the config object that gives it. */
interface RuleEntry {
  value: Data;
  files?: Data;
  /** Files that config object leaves out (flat `ignores`, eslintrc `excludedFiles`), as harness globs. */
  ignores: string[];
}

/**
 * Finds the module-boundaries setup in the root ESLint config (its depConstraints, its other
 * options and the files ESLint ignores), or undefined when no config sets the rule or ignores
 * anything. Configs are read as data and never run (see config-script.ts); anything computed is
 * skipped and named in `notes`.
 */
export function readEslintConstraints(tree: Tree): ImportedConstraints | undefined {
  const present = [...SCRIPT_CONFIGS, ...DATA_CONFIGS].filter((file) => tree.exists(file));
  for (const file of present) {
    const notes: string[] = [];
    const load = createScriptLoader(tree, notes);
    const entries = readRuleEntries(tree, file, load, notes);
    if (entries.length === 0 && notes.length === 0) continue;
    const { ignores, ...imported } = pickSetting(entries, file, notes);
    // The files the rule's own config object leaves out come after the global ignores, as ESLint applies them.
    const ignore = [...readEslintIgnores(tree, file, load, notes), ...ignores];
    noteProjectSettings(tree, notes);
    return { file, ...imported, ignore, notes };
  }
  // No root config sets the rule. Each project's own config may (quadnix/octo keeps one per
  // package), and the files ESLint never lints still stay out of the dependency rules.
  const notes: string[] = [];
  const load = createScriptLoader(tree, notes);
  const fromProjects = importProjectConstraints(tree, load, notes);
  const ignore = [...(present.length > 0 ? readEslintIgnores(tree, present[0], load, notes) : []), ...fromProjects.unjudged];
  if (fromProjects.constraints.length === 0 && ignore.length === 0 && notes.length === 0) return undefined;
  return { file: fromProjects.files.join(', ') || present[0], constraints: fromProjects.constraints, options: {}, ignore, notes };
}

/**
 * The depConstraints that projects' own ESLint configs set for their own files. One harness.yaml
 * holds them faithfully only when every project a constraint's source tags match sets that same
 * constraint in its own config (the usual shape: each package constrains its own scope tag);
 * any other is named in `notes` and left out.
 */
function importProjectConstraints(tree: Tree, load: ScriptLoader, notes: string[]): { constraints: DepConstraint[]; files: string[]; unjudged: string[] } {
  const projects = [...getProjects(tree).values()].filter((p) => p.root !== '' && p.root !== '.');
  const own = new Map<string, DepConstraint[]>();
  const files: string[] = [];
  const unjudged: string[] = [];
  for (const project of projects) {
    const file = [...SCRIPT_CONFIGS, ...DATA_CONFIGS].map((name) => `${project.root}/${name}`).find((f) => tree.exists(f));
    if (!file) continue;
    const entries = readRuleEntries(tree, file, load, notes);
    if (entries.length === 0) continue;
    const setting = pickSetting(entries, file, notes);
    own.set(project.root, setting.constraints);
    // Only the kinds of files the rule never judges carry over; other ignores are the project's own.
    unjudged.push(...setting.ignores.filter((glob) => glob.startsWith('**/*.') && !unjudged.includes(glob)));
    files.push(file);
  }
  const same = (a: DepConstraint, b: DepConstraint) => JSON.stringify(a) === JSON.stringify(b);
  const constraints: DepConstraint[] = [];
  for (const [root, list] of own) {
    for (const constraint of list) {
      if (constraints.some((c) => same(c, constraint))) continue;
      const holders = projects.filter((p) => appliesTo(constraint, p.tags ?? []));
      const strangers = holders.filter((p) => !(own.get(p.root) ?? []).some((c) => same(c, constraint)));
      if (strangers.length === 0) constraints.push(constraint);
      else notes.push(`${root}'s ESLint config constrains ${JSON.stringify(constraint.sourceTag ?? constraint.allSourceTags)}, which also matches ${strangers.map((p) => p.root).join(', ')} whose own config does not; harness.yaml holds one list for every project, so that constraint was not imported.`);
    }
  }
  return { constraints, files, unjudged };
}

/**
 * A project's own ESLint config may set the rule for its files; harness.yaml holds one setting for
 * every project, so such a setting is named rather than silently dropped.
 */
function noteProjectSettings(tree: Tree, notes: string[]): void {
  for (const { root } of getProjects(tree).values()) {
    if (root === '' || root === '.') continue;
    for (const name of [...SCRIPT_CONFIGS, ...DATA_CONFIGS]) {
      const file = `${root}/${name}`;
      if (RULE_NAMES.some((rule) => tree.read(file, 'utf-8')?.includes(rule))) {
        notes.push(`${file} sets ${RULE_NAMES[0]} for ${root} alone; harness.yaml holds one setting for every project, so the root setting applies there too and that one was not imported.`);
      }
    }
  }
}

/** Every value given to the rule in `file` (and the scripts it imports), in the order ESLint applies them. */
function readRuleEntries(tree: Tree, file: string, load: ScriptLoader, notes: string[]): RuleEntry[] {
  if (SCRIPT_CONFIGS.includes(file.split('/').pop() ?? file)) {
    const entries: RuleEntry[] = [];
    walkConfigScripts(load, file, (node, mod) => {
      const { t } = mod;
      if (!t.isPropertyAssignment(node) || !RULE_NAMES.includes(readPropertyName(t, node.name) ?? '')) return false;
      // rule: value → rules: { … } → the config object, whose `files` and `ignores` limit the rule.
      const config = node.parent?.parent?.parent;
      const read = (key: string) => {
        const prop = config && t.isObjectLiteralExpression(config) ? config.properties.find((p) => t.isPropertyAssignment(p) && readPropertyName(t, p.name) === key) : undefined;
        return prop && t.isPropertyAssignment(prop) ? mod.evaluate(prop.initializer) : undefined;
      };
      entries.push({ value: mod.evaluate(node.initializer), files: read('files'), ignores: readIgnoreGlobs(read('ignores'), mod.file, notes, 'flat') });
      return true;
    });
    return entries;
  }
  const text = tree.read(file, 'utf-8') ?? '';
  try {
    const data = file.endsWith('.yaml') || file.endsWith('.yml') ? parseYaml(text, { maxAliasCount: 50 }) : parseJson(text);
    return findDataRuleEntries(data, undefined, [], file, notes);
  } catch (error) {
    notes.push(`${file} could not be parsed (${(error as Error).message.split('\n')[0]}), so no constraints were read from it.`);
    return [];
  }
}

/** Values of the rule's key anywhere in parsed JSON/YAML: `rules` and every `overrides[].rules`. */
function findDataRuleEntries(data: Data, files: Data, ignores: string[], file: string, notes: string[]): RuleEntry[] {
  if (Array.isArray(data)) return data.flatMap((item) => findDataRuleEntries(item, files, ignores, file, notes));
  if (!isRecord(data)) return [];
  const own = 'files' in data ? { files: data.files, ignores: readIgnoreGlobs(data.excludedFiles, file, notes, 'gitignore') } : { files, ignores };
  return Object.entries(data).flatMap(([key, value]) =>
    RULE_NAMES.includes(key) ? [{ value, ...own }] : findDataRuleEntries(value, own.files, own.ignores, file, notes),
  );
}

/** The last entry with options wins, as in ESLint, where a later config object overrides an earlier one. */
function pickSetting(entries: RuleEntry[], file: string, notes: string[]): Pick<ImportedConstraints, 'constraints' | 'options'> & { ignores: string[] } {
  const settings = entries.map((entry) => ({ entry, setting: readSetting(entry, file, notes) })).filter((s) => s.setting !== undefined);
  const last = settings[settings.length - 1];
  if (!last?.setting) return { constraints: [], options: {}, ignores: [] };
  const chosen = last.setting;
  if (settings.some((s) => JSON.stringify(s.setting?.constraints) !== JSON.stringify(chosen.constraints))) {
    notes.push(`${file} sets ${RULE_NAMES[0]} more than once with different depConstraints; the last one was imported.`);
  }
  const unjudged = listUnjudgedFiles(last.entry.files, file, notes);
  return { ...chosen, ignores: [...last.entry.ignores, ...unjudged] };
}

/** The constraints and options of one `['error', { depConstraints, … }]` entry; undefined when it sets none. */
function readSetting(entry: RuleEntry, file: string, notes: string[]): Pick<ImportedConstraints, 'constraints' | 'options'> | undefined {
  const value = entry.value;
  if (!Array.isArray(value)) {
    if (value === DYNAMIC) notes.push(`${file} computes the ${RULE_NAMES[0]} setting at run time, so it could not be read.`);
    return undefined;
  }
  const [severity, options] = value;
  if (severity === 'off' || severity === 0) {
    notes.push(`${RULE_NAMES[0]} is off in ${file}, so its depConstraints were not imported.`);
    return undefined;
  }
  if (!isRecord(options)) {
    if (options === DYNAMIC) notes.push(`${file} computes the options of ${RULE_NAMES[0]} at run time, so they could not be read.`);
    return undefined;
  }
  const imported = readRuleOptions(options, file, notes);
  const list = options.depConstraints;
  if (list === undefined && !(options as Record<symbol, unknown>)[PARTIAL]) return { constraints: [], options: imported };
  if (!Array.isArray(list)) {
    notes.push(`the depConstraints in ${file} are computed at run time, so none could be read.`);
    return undefined;
  }
  return { constraints: list.flatMap((raw, i) => toConstraint(raw, `depConstraints[${i}]`, file, notes) ?? []), options: imported };
}

/** One constraint, field by field; a constraint with any computed part is skipped whole, since a partial one would mean something else. */
function toConstraint(raw: Data, where: string, file: string, notes: string[]): DepConstraint | undefined {
  const skip = (why: string) => {
    notes.push(`${where} in ${file} ${why}, so it was skipped.`);
    return undefined;
  };
  if (!isRecord(raw) || (raw as Record<symbol, unknown>)[PARTIAL]) return skip('is computed at run time');
  const constraint: DepConstraint = {};
  for (const [key, value] of Object.entries(raw)) {
    if (key === 'sourceTag') {
      if (typeof value !== 'string') return skip('has a sourceTag that is not a literal string');
      constraint.sourceTag = value;
    } else if ((LIST_FIELDS as readonly string[]).includes(key)) {
      if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) return skip(`has ${key} that is not a list of literal strings`);
      constraint[key as (typeof LIST_FIELDS)[number]] = value as string[];
    } else {
      notes.push(`${where}.${key} in ${file} is not a depConstraints field, so it was dropped.`);
    }
  }
  if (constraint.sourceTag === undefined && constraint.allSourceTags === undefined) return skip('has neither sourceTag nor allSourceTags');
  return constraint;
}
