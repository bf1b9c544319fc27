import * as path from 'node:path';
import type * as ts from 'typescript';
import { parseJson, type Tree } from '@nx/devkit';
import { collectBindings, collectExports, readPropertyName, resolveScript } from './config-script-scope';

/** Stands for a value the config computes when it runs; reading the file as data cannot know it. */
export const DYNAMIC = Symbol('dynamic');
/** Set on an object literal some of whose properties could not be read. */
export const PARTIAL = Symbol('partial');

export type Data = unknown;

/** A JS/TS config file read as data: its parsed source, an evaluator and its exports. */
export interface ScriptModule {
  file: string;
  sf: ts.SourceFile;
  t: typeof ts;
  evaluate(node: ts.Expression): Data;
  /** The workspace script a binding or `require()` call of this file names, if any. */
  moduleOf(node: ts.Node): string | undefined;
  /** What importing the whole file gives: `module.exports`, or the object of its ESM exports. */
  namespace(): Data;
}

type LoadedModule = ScriptModule & { exportValue(name: string): Data };

/** Loads each script once; the notes collect what could not be read, for the generator to log. */
export type ScriptLoader = (file: string) => ScriptModule;

export function isRecord(value: Data): value is Record<string, Data> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Reads JS/TS configs without running them: literals, arrays and objects (with spreads of readable
 * values), top-level `const`s and destructurings, property reads, JSON files (`JSON.parse(
 * readFileSync(…))`, `require('./x.json')`, `import x from './x.json'`), and the exports of other
 * workspace scripts they import or require. Anything else becomes DYNAMIC.
 */
export function createScriptLoader(tree: Tree, notes: string[]): ScriptLoader {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const t = require('typescript') as typeof ts;
  const modules = new Map<string, LoadedModule>();
  const load = (file: string) => {
    let mod = modules.get(file);
    if (!mod) {
      mod = createModule(t, tree, file, notes, load);
      modules.set(file, mod);
    }
    return mod;
  };
  return load;
}

function createModule(t: typeof ts, tree: Tree, file: string, notes: string[], load: (file: string) => LoadedModule): LoadedModule {
  const kind = /\.[cm]?ts$/.test(file) ? t.ScriptKind.TS : t.ScriptKind.JS;
  const sf = t.createSourceFile(file, tree.read(file, 'utf-8') ?? '', t.ScriptTarget.Latest, true, kind);
  const dir = path.posix.dirname(file);
  const bindings = collectBindings(t, sf, tree);
  const resolving = new Set<string>();

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
    if (t.isPropertyAccessExpression(node)) return readProperty(evaluate(node.expression), node.name.text);
    if (t.isElementAccessExpression(node) && t.isStringLiteralLike(node.argumentExpression)) return readProperty(evaluate(node.expression), node.argumentExpression.text);
    if (t.isCallExpression(node)) return evaluateCall(node);
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

  const evaluateIdentifier = (name: string): Data => {
    const binding = bindings.get(name);
    if (!binding || resolving.has(name)) return name === 'undefined' ? undefined : DYNAMIC;
    resolving.add(name);
    try {
      if (binding.kind === 'expr') return evaluate(binding.node);
      if (binding.kind === 'prop') return readProperty(evaluate(binding.of), binding.key);
      if (binding.kind === 'json') return readJsonFile(binding.file);
      const mod = load(binding.file);
      return binding.name === '*' ? mod.namespace() : mod.exportValue(binding.name);
    } finally {
      resolving.delete(name);
    }
  };

  /** `require()` of JSON or a workspace script, `JSON.parse(readFileSync(…))`, and `globalIgnores()`. */
  const evaluateCall = (node: ts.CallExpression): Data => {
    const [arg] = node.arguments;
    if (isCallTo(t, node, 'require') && arg && t.isStringLiteralLike(arg)) {
      if (arg.text.endsWith('.json')) return readJsonFile(path.posix.join(dir, arg.text));
      const script = resolveScript(tree, file, arg.text);
      return script ? load(script).namespace() : DYNAMIC;
    }
    // eslint/config's helper: a config object holding only `ignores` (and a name) is a global ignore.
    if (isCallTo(t, node, 'globalIgnores', true) && arg) return { ignores: evaluate(arg) };
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
      return binding?.kind === 'expr' && !resolving.has(node.text) ? readPathExpression(binding.node) : undefined;
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

  const exported = collectExports(t, sf);
  const exportValue = (name: string): Data => {
    const node = exported.named.get(name);
    if (node) return typeof node === 'string' ? evaluateIdentifier(node) : evaluate(node);
    const reexport = exported.reexports.get(name);
    if (reexport) {
      const script = resolveScript(tree, file, reexport.from);
      return script ? load(script).exportValue(reexport.name) : DYNAMIC;
    }
    const commonjs = namespace();
    if (name === 'default' && exported.commonjs) return commonjs;
    return isRecord(commonjs) && name in commonjs ? commonjs[name] : DYNAMIC;
  };
  const namespace = (): Data => {
    if (exported.commonjs) {
      const value = evaluate(exported.commonjs);
      return isRecord(value) ? { ...value, ...evaluateAll(exported.commonjsProps) } : value;
    }
    if (exported.commonjsProps.size > 0) return evaluateAll(exported.commonjsProps);
    return Object.fromEntries([...exported.named.keys(), ...exported.reexports.keys()].map((name) => [name, exportValue(name)]));
  };
  const evaluateAll = (props: Map<string, ts.Expression>) => Object.fromEntries([...props].map(([key, node]) => [key, evaluate(node)]));

  const moduleOf = (node: ts.Node): string | undefined => {
    if (t.isIdentifier(node)) {
      const binding = bindings.get(node.text);
      return binding?.kind === 'import' ? binding.file : undefined;
    }
    if (t.isCallExpression(node) && isCallTo(t, node, 'require') && node.arguments[0] && t.isStringLiteralLike(node.arguments[0])) {
      return resolveScript(tree, file, node.arguments[0].text);
    }
    return undefined;
  };

  return { file, sf, t, evaluate, moduleOf, exportValue, namespace };
}

function readProperty(value: Data, key: string): Data {
  if (!isRecord(value)) return DYNAMIC;
  if (key in value) return value[key];
  return (value as Record<symbol, unknown>)[PARTIAL] ? DYNAMIC : undefined;
}

function spreadInto(result: Record<string | symbol, Data>, value: Data): void {
  if (isRecord(value)) Object.assign(result, value);
  else result[PARTIAL] = true;
}

/** `(x)`, `x as T`, `x satisfies T`, `x!` and `<T>x` hold the same value as `x`. */
function isWrapper(t: typeof ts, node: ts.Expression): node is ts.Expression & { expression: ts.Expression } {
  return t.isParenthesizedExpression(node) || t.isAsExpression(node) || t.isSatisfiesExpression(node) || t.isNonNullExpression(node) || t.isTypeAssertionExpression(node);
}

/**
 * Whether `node` calls `name` (`f` or `a.f`). With `anyObject`, `x.f` counts whatever `x` is, since
 * configs import `fs` and `path` under many names (`fs`, `nodeFs`, `posix`).
 */
export function isCallTo(t: typeof ts, node: ts.CallExpression, name: string, anyObject = false): boolean {
  const callee = node.expression;
  if (t.isIdentifier(callee)) return callee.text === name;
  if (!t.isPropertyAccessExpression(callee) || !t.isIdentifier(callee.expression)) return false;
  return anyObject ? callee.name.text === name : `${callee.expression.text}.${callee.name.text}` === name;
}
