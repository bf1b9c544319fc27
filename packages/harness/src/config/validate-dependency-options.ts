import { compilePathGlob } from '../core/path-glob';
import { HarnessConfigError } from './config-error';
import { DEFAULT_DEPENDENCY_OPTIONS } from './dependency-options';
import type { DependencyOptions } from './types';
import type { YamlSource } from './yaml-source';

type Path = Array<string | number>;

/** The keys of `dependencies:` besides `constraints`; the ESLint rule's option names, plus `ignore`. */
export const DEPENDENCY_OPTION_KEYS = Object.keys(DEFAULT_DEPENDENCY_OPTIONS) as Array<keyof DependencyOptions>;

const BOOLEAN_KEYS = ['banTransitiveDependencies', 'checkNestedExternalImports', 'enforceBuildableLibDependency', 'allowCircularSelfDependency'] as const;
const IMPORT_PATTERN_KEYS = ['allow', 'checkDynamicDependenciesExceptions'] as const;

const fail = (src: YamlSource, path: Path, problem: string, remedy: string): never => {
  throw new HarnessConfigError(src.file, src.lineOf(path), problem, remedy);
};

/** Reads the module-boundary options of `dependencies:`; unset ones keep ESLint's defaults. */
export function validateDependencyOptions(src: YamlSource, path: Path, value: Record<string, unknown>): DependencyOptions {
  const options: DependencyOptions = { ...DEFAULT_DEPENDENCY_OPTIONS };
  for (const key of BOOLEAN_KEYS) {
    const raw = value[key];
    if (raw === undefined) continue;
    if (typeof raw !== 'boolean') fail(src, [...path, key], `"${key}" must be true or false, got ${JSON.stringify(raw)}`, `write ${key}: true or ${key}: false`);
    options[key] = raw as boolean;
  }
  for (const key of IMPORT_PATTERN_KEYS) {
    const list = readStringList(src, [...path, key], value[key], `["^.*/eslint(\\\\.base)?\\\\.config\\\\.[cm]?[jt]s$", "@org/tools/**"]`);
    list?.forEach((pattern, i) => checkImportPattern(src, [...path, key, i], pattern));
    if (list) options[key] = list;
  }
  const buildTargets = readStringList(src, [...path, 'buildTargets'], value.buildTargets, '[build]');
  if (buildTargets) options.buildTargets = buildTargets;
  const ignore = readStringList(src, [...path, 'ignore'], value.ignore, '["**/fixtures/**", "tools/mocks/**"]');
  ignore?.forEach((glob, i) => checkGlob(src, [...path, 'ignore', i], glob));
  if (ignore) options.ignore = ignore;
  if (value.edges !== undefined) {
    if (value.edges !== 'imports' && value.edges !== 'graph') fail(src, [...path, 'edges'], `"edges" must be imports or graph, got ${JSON.stringify(value.edges)}`, 'write edges: graph to judge every project-graph edge, or edges: imports (the default) for edges with an import');
    options.edges = value.edges as DependencyOptions['edges'];
  }
  const pairs = value.ignoredCircularDependencies;
  if (pairs !== undefined) options.ignoredCircularDependencies = readPairs(src, [...path, 'ignoredCircularDependencies'], pairs);
  return options;
}

function readStringList(src: YamlSource, path: Path, value: unknown, example: string): string[] | undefined {
  if (value === undefined || value === null) return undefined;
  const name = String(path[path.length - 1]);
  if (!Array.isArray(value)) return fail(src, path, `"${name}" must be a list`, `write it as ${example}`);
  value.forEach((item, i) => {
    if (typeof item !== 'string' || item === '') fail(src, [...path, i], `each entry of "${name}" must be a non-empty string, got ${JSON.stringify(item)}`, `write it as ${example}`);
  });
  return value as string[];
}

/** ESLint turns every pattern that is not a `/*`, `/**` or `/**\/` wildcard into a RegExp. */
function checkImportPattern(src: YamlSource, path: Path, pattern: string): void {
  if (pattern.endsWith('/*') || pattern.includes('/**')) return;
  try {
    new RegExp(pattern);
  } catch (error) {
    fail(src, path, `"${pattern}" is not a valid regular expression (${(error as Error).message})`, 'escape the special characters, or write a wildcard such as "@org/tools/**"');
  }
}

function checkGlob(src: YamlSource, path: Path, glob: string): void {
  try {
    compilePathGlob(glob.replace(/^!/, ''));
  } catch (error) {
    fail(src, path, (error as Error).message, 'close the bracket or brace, or escape it with a backslash');
  }
}

function readPairs(src: YamlSource, path: Path, value: unknown): Array<[string, string]> {
  const example = '[["billing", "payments"], ["tag:scope:a", "tag:scope:b"]]';
  if (!Array.isArray(value)) return fail(src, path, '"ignoredCircularDependencies" must be a list of project pairs', `write it as ${example}`);
  return value.map((pair, i) => {
    const ok = Array.isArray(pair) && pair.length === 2 && pair.every((p) => typeof p === 'string' && p !== '');
    if (!ok) fail(src, [...path, i], `each entry of "ignoredCircularDependencies" must be a pair of project names or patterns, got ${JSON.stringify(pair)}`, `write it as ${example}`);
    return [pair[0], pair[1]] as [string, string];
  });
}
