import * as path from 'node:path';
import type * as ts from 'typescript';
import { parseJson, type Tree } from '@nx/devkit';
import { Document, isMap, isSeq, parse as parseYaml, stringify, type YAMLSeq } from 'yaml';
import type { DepConstraint } from '../../../config/types';

/** The depConstraints of `@nx/enforce-module-boundaries`, read from the workspace's ESLint config. */
export interface ImportedConstraints {
  /** Workspace-relative path of the ESLint config they came from. */
  file: string;
  constraints: DepConstraint[];
  /** What was not carried over and why, one sentence each, for the caller to log. */
  notes: string[];
}

// The rule's name since Nx 16, and the name older workspaces still use.
const RULE_NAMES = ['@nx/enforce-module-boundaries', '@nrwl/nx/enforce-module-boundaries'];
// ESLint 9 prefers a flat config over an .eslintrc, so flat configs are looked at first.
const SCRIPT_CONFIGS = [
  ...['mjs', 'js', 'cjs', 'ts', 'mts', 'cts'].map((ext) => `eslint.config.${ext}`),
  '.eslintrc.js',
  '.eslintrc.cjs',
];
const DATA_CONFIGS = ['.eslintrc.json', '.eslintrc', '.eslintrc.yaml', '.eslintrc.yml'];
const LIST_FIELDS = ['allSourceTags', 'onlyDependOnLibsWithTags', 'notDependOnLibsWithTags', 'bannedExternalImports', 'allowedExternalImports'] as const;
const CONSTRAINT_FIELDS = ['sourceTag', ...LIST_FIELDS];

/** Stands for a value the config computes when it runs; reading the file as data cannot know it. */
const DYNAMIC = Symbol('dynamic');
/** Set on an object literal some of whose properties could not be read. */
const PARTIAL = Symbol('partial');

type Data = unknown;

/**
 * Finds the module-boundary depConstraints in the root ESLint config, or undefined when no config
 * sets that rule. The config is read as data and never run: a JS/TS config is parsed with the
 * TypeScript compiler and only literals, same-file `const`s and JSON files it reads are followed.
 * Anything computed (a `.map()`, a function call) is skipped and named in `notes`.
 */
export function readEslintConstraints(tree: Tree): ImportedConstraints | undefined {
  for (const file of [...SCRIPT_CONFIGS, ...DATA_CONFIGS]) {
    if (!tree.exists(file)) continue;
    const notes: string[] = [];
    const entries = readRuleEntries(tree, file, notes);
    if (entries.length === 0 && notes.length === 0) continue;
    return { file, constraints: pickConstraints(entries, file, notes), notes };
  }
  return undefined;
}

/** The YAML text of a `constraints:` list for harness.yaml, every line indented by `indent` spaces. */
export function renderConstraintsYaml(constraints: DepConstraint[], indent = 0): string {
  const fields = [...CONSTRAINT_FIELDS, 'explanation'] as Array<keyof DepConstraint>;
  const ordered = constraints.map((c) => Object.fromEntries(fields.filter((k) => c[k] !== undefined).map((k) => [k, c[k]])));
  const doc = new Document({ constraints: ordered });
  // Tag lists read best on one line, as in the SPEC's example: ["scope:billing", "scope:shared"].
  for (const item of (doc.get('constraints') as YAMLSeq).items) {
    if (isMap(item)) for (const pair of item.items) if (isSeq(pair.value)) pair.value.flow = true;
  }
  const text = stringify(doc, { defaultStringType: 'QUOTE_DOUBLE', defaultKeyType: 'PLAIN', flowCollectionPadding: false, lineWidth: 0 });
  const pad = ' '.repeat(indent);
  return text.trimEnd().split('\n').map((line) => pad + line).join('\n') + '\n';
}

/** Every value given to the rule in `file`, in source order. */
function readRuleEntries(tree: Tree, file: string, notes: string[]): Data[] {
  const text = tree.read(file, 'utf-8') ?? '';
  if (SCRIPT_CONFIGS.includes(file)) return readScriptRuleEntries(tree, file, text, notes);
  try {
    const data = file.endsWith('.yaml') || file.endsWith('.yml') ? parseYaml(text, { maxAliasCount: 50 }) : parseJson(text);
    return findDataRuleEntries(data);
  } catch (error) {
    notes.push(`${file} could not be parsed (${(error as Error).message.split('\n')[0]}), so no constraints were read from it.`);
    return [];
  }
}

/** Values of the rule's key anywhere in parsed JSON/YAML: `rules` and every `overrides[].rules`. */
function findDataRuleEntries(data: Data): Data[] {
  if (Array.isArray(data)) return data.flatMap(findDataRuleEntries);
  if (typeof data !== 'object' || data === null) return [];
  return Object.entries(data).flatMap(([key, value]) => (RULE_NAMES.includes(key) ? [value] : findDataRuleEntries(value)));
}

/** The last entry wins, as in ESLint, where a later config object overrides an earlier one. */
function pickConstraints(entries: Data[], file: string, notes: string[]): DepConstraint[] {
  const lists = entries.map((entry) => readConstraintList(entry, file, notes)).filter((l): l is DepConstraint[] => l !== undefined);
  const chosen = lists[lists.length - 1] ?? [];
  if (lists.some((l) => JSON.stringify(l) !== JSON.stringify(chosen))) {
    notes.push(`${file} sets ${RULE_NAMES[0]} more than once with different depConstraints; the last one was imported.`);
  }
  return chosen;
}

/** The constraints of one `['error', { depConstraints }]` entry; undefined when it sets none. */
function readConstraintList(entry: Data, file: string, notes: string[]): DepConstraint[] | undefined {
  if (!Array.isArray(entry)) {
    if (entry === DYNAMIC) notes.push(`${file} computes the ${RULE_NAMES[0]} setting at run time, so it could not be read.`);
    return undefined;
  }
  const [severity, options] = entry;
  if (severity === 'off' || severity === 0) {
    notes.push(`${RULE_NAMES[0]} is off in ${file}, so its depConstraints were not imported.`);
    return undefined;
  }
  if (!isRecord(options)) {
    if (options === DYNAMIC) notes.push(`${file} computes the options of ${RULE_NAMES[0]} at run time, so they could not be read.`);
    return undefined;
  }
  noteEslintOnlyOptions(options, file, notes);
  const list = options.depConstraints;
  if (list === undefined && !(options as Record<symbol, unknown>)[PARTIAL]) return [];
  if (!Array.isArray(list)) {
    notes.push(`the depConstraints in ${file} are computed at run time, so none could be read.`);
    return undefined;
  }
  return list.flatMap((raw, i) => toConstraint(raw, `depConstraints[${i}]`, file, notes) ?? []);
}

/** Options such as `allow` shape what ESLint reports but are not constraints; say so rather than drop them silently. */
function noteEslintOnlyOptions(options: Record<string, Data>, file: string, notes: string[]): void {
  const ignored = Object.entries(options)
    .filter(([key, value]) => key !== 'depConstraints' && value !== false && !(Array.isArray(value) && value.length === 0))
    .map(([key]) => key);
  if (ignored.length) notes.push(`the ${RULE_NAMES[0]} options ${ignored.join(', ')} in ${file} are not dependency constraints; harness has no equivalent, so they were not imported.`);
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

function isRecord(value: Data): value is Record<string, Data> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The rule's values in a JS/TS config, wherever they sit: in an exported array, a helper's arguments, an object. */
function readScriptRuleEntries(tree: Tree, file: string, text: string, notes: string[]): Data[] {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const t = require('typescript') as typeof ts;
  const kind = /\.[cm]?ts$/.test(file) ? t.ScriptKind.TS : t.ScriptKind.JS;
  const sf = t.createSourceFile(file, text, t.ScriptTarget.Latest, true, kind);
  const evaluate = createEvaluator(t, sf, tree, file, notes);
  const entries: Data[] = [];
  const visit = (node: ts.Node): void => {
    const isRule = t.isPropertyAssignment(node) && RULE_NAMES.includes(readPropertyName(t, node.name) ?? '');
    if (isRule) entries.push(evaluate(node.initializer));
    else t.forEachChild(node, visit);
  };
  visit(sf);
  return entries;
}

function readPropertyName(t: typeof ts, name: ts.PropertyName): string | undefined {
  if (t.isIdentifier(name) || t.isStringLiteralLike(name) || t.isNumericLiteral(name)) return name.text;
  if (t.isComputedPropertyName(name) && t.isStringLiteralLike(name.expression)) return name.expression.text;
  return undefined;
}

/**
 * Turns an expression into data without running it: literals, arrays and objects (with spreads
 * of readable values), top-level `const`s, and JSON files read through `JSON.parse(readFileSync(…))`,
 * `require('./x.json')` or `import x from './x.json'`. Everything else becomes DYNAMIC.
 */
function createEvaluator(t: typeof ts, sf: ts.SourceFile, tree: Tree, file: string, notes: string[]): (node: ts.Expression) => Data {
  const bindings = collectBindings(t, sf);
  const resolving = new Set<string>();
  const dir = path.posix.dirname(file);

  const evaluate = (node: ts.Expression): Data => {
    while (isWrapper(t, node)) node = node.expression;
    if (t.isStringLiteralLike(node)) return node.text;
    if (t.isNumericLiteral(node)) return Number(node.text);
    if (node.kind === t.SyntaxKind.TrueKeyword) return true;
    if (node.kind === t.SyntaxKind.FalseKeyword) return false;
    if (node.kind === t.SyntaxKind.NullKeyword) return null;
    if (t.isArrayLiteralExpression(node)) return evaluateArray(node);
    if (t.isObjectLiteralExpression(node)) return evaluateObject(node);
    if (t.isIdentifier(node)) return evaluateIdentifier(node.text);
    if (t.isCallExpression(node)) return readJsonCall(node);
    return DYNAMIC;
  };

  const evaluateArray = (node: ts.ArrayLiteralExpression): Data[] =>
    node.elements.flatMap((el) => {
      if (t.isOmittedExpression(el)) return [];
      if (!t.isSpreadElement(el)) return [evaluate(el)];
      const spread = evaluate(el.expression);
      return Array.isArray(spread) ? spread : [DYNAMIC];
    });

  const evaluateObject = (node: ts.ObjectLiteralExpression): Record<string, Data> => {
    const result: Record<string | symbol, Data> = {};
    for (const prop of node.properties) {
      const key = t.isPropertyAssignment(prop) || t.isShorthandPropertyAssignment(prop) ? readPropertyName(t, prop.name) : undefined;
      if (t.isPropertyAssignment(prop) && key !== undefined) result[key] = evaluate(prop.initializer);
      else if (t.isShorthandPropertyAssignment(prop) && key !== undefined) result[key] = evaluateIdentifier(key);
      else if (t.isSpreadAssignment(prop)) spreadInto(result, evaluate(prop.expression));
      else result[PARTIAL] = true;
    }
    return result;
  };

  const spreadInto = (result: Record<string | symbol, Data>, value: Data): void => {
    if (isRecord(value)) Object.assign(result, value);
    else result[PARTIAL] = true;
  };

  const evaluateIdentifier = (name: string): Data => {
    const binding = bindings.get(name);
    if (!binding || resolving.has(name)) return name === 'undefined' ? undefined : DYNAMIC;
    resolving.add(name);
    try {
      return typeof binding === 'string' ? readJsonFile(binding) : evaluate(binding);
    } finally {
      resolving.delete(name);
    }
  };

  /** `JSON.parse(fs.readFileSync(<path>, …))` and `require('<file>.json')`; any other call is DYNAMIC. */
  const readJsonCall = (node: ts.CallExpression): Data => {
    const [arg] = node.arguments;
    if (isCallTo(t, node, 'require') && arg && t.isStringLiteralLike(arg) && arg.text.endsWith('.json')) return readJsonFile(path.posix.join(dir, arg.text));
    if (!isCallTo(t, node, 'JSON.parse') || !arg) return DYNAMIC;
    let inner: ts.Expression = arg;
    // `readFileSync(…).toString()` and `String(readFileSync(…))` are the same bytes.
    if (t.isCallExpression(inner) && t.isPropertyAccessExpression(inner.expression) && inner.expression.name.text === 'toString') inner = inner.expression.expression;
    if (t.isCallExpression(inner) && isCallTo(t, inner, 'String') && inner.arguments[0]) inner = inner.arguments[0];
    if (!t.isCallExpression(inner) || !isCallTo(t, inner, 'readFileSync', true) || !inner.arguments[0]) return DYNAMIC;
    const target = readPathExpression(inner.arguments[0]);
    return target === undefined ? DYNAMIC : readJsonFile(target);
  };

  /** A path the config names: a literal, `new URL('./x.json', import.meta.url)` or `path.join(__dirname, 'x.json')`. */
  const readPathExpression = (node: ts.Expression): string | undefined => {
    if (t.isIdentifier(node)) {
      const binding = bindings.get(node.text);
      return binding && typeof binding !== 'string' && !resolving.has(node.text) ? readPathExpression(binding) : undefined;
    }
    // fs resolves a bare relative path against the process's folder, which is where ESLint runs: the root.
    if (t.isStringLiteralLike(node)) return node.text;
    if (t.isNewExpression(node) && t.isIdentifier(node.expression) && node.expression.text === 'URL') {
      const [spec, base] = node.arguments ?? [];
      if (spec && base && t.isStringLiteralLike(spec) && base.getText(sf) === 'import.meta.url') return path.posix.join(dir, spec.text);
      return undefined;
    }
    if (t.isCallExpression(node) && (isCallTo(t, node, 'join', true) || isCallTo(t, node, 'resolve', true))) {
      const [first, ...rest] = node.arguments;
      const fromConfigDir = first && ['__dirname', 'import.meta.dirname'].includes(first.getText(sf));
      if (fromConfigDir && rest.every((a) => t.isStringLiteralLike(a))) return path.posix.join(dir, ...rest.map((a) => (a as ts.StringLiteralLike).text));
    }
    return undefined;
  };

  const readJsonFile = (target: string): Data => {
    const normalized = path.posix.normalize(target.replace(/\\/g, '/'));
    if (path.posix.isAbsolute(normalized) || normalized.startsWith('..')) {
      notes.push(`${file} reads "${target}", which is outside the workspace, so it was not read.`);
      return DYNAMIC;
    }
    const text = tree.read(normalized, 'utf-8');
    if (text === null) {
      notes.push(`${file} reads "${normalized}", which does not exist.`);
      return DYNAMIC;
    }
    try {
      return parseJson(text);
    } catch (error) {
      notes.push(`"${normalized}", read by ${file}, is not valid JSON (${(error as Error).message.split('\n')[0]}).`);
      return DYNAMIC;
    }
  };

  return evaluate;
}

/**
 * Names whose value the file fixes: top-level `const x = …` (an expression) and default imports of
 * a `.json` file (its workspace path). A `let` may be reassigned, so it is not followed.
 */
function collectBindings(t: typeof ts, sf: ts.SourceFile): Map<string, ts.Expression | string> {
  const bindings = new Map<string, ts.Expression | string>();
  const dir = path.posix.dirname(sf.fileName);
  for (const statement of sf.statements) {
    if (t.isVariableStatement(statement) && statement.declarationList.flags & t.NodeFlags.Const) {
      for (const decl of statement.declarationList.declarations) {
        if (t.isIdentifier(decl.name) && decl.initializer) bindings.set(decl.name.text, decl.initializer);
      }
    } else if (t.isImportDeclaration(statement) && t.isStringLiteral(statement.moduleSpecifier) && statement.moduleSpecifier.text.endsWith('.json')) {
      const name = statement.importClause?.name?.text;
      if (name) bindings.set(name, path.posix.join(dir, statement.moduleSpecifier.text));
    }
  }
  return bindings;
}

/** `(x)`, `x as T`, `x satisfies T`, `x!` and `<T>x` hold the same value as `x`. */
function isWrapper(t: typeof ts, node: ts.Expression): node is ts.Expression & { expression: ts.Expression } {
  return t.isParenthesizedExpression(node) || t.isAsExpression(node) || t.isSatisfiesExpression(node) || t.isNonNullExpression(node) || t.isTypeAssertionExpression(node);
}

/**
 * Whether `node` calls `name` (`f` or `a.f`). With `anyObject`, `x.f` counts whatever `x` is, since
 * configs import `fs` and `path` under many names (`fs`, `nodeFs`, `posix`).
 */
function isCallTo(t: typeof ts, node: ts.CallExpression, name: string, anyObject = false): boolean {
  const callee = node.expression;
  if (t.isIdentifier(callee)) return callee.text === name;
  if (!t.isPropertyAccessExpression(callee) || !t.isIdentifier(callee.expression)) return false;
  return anyObject ? callee.name.text === name : `${callee.expression.text}.${callee.name.text}` === name;
}
