import type { ProjectGraph } from '@nx/devkit';
import { findMatchingProjects } from '../core/project-patterns';
import { readDependencyScope } from './dependency-scope';
import { isJudgedFile } from './judged-files';
import { findEntryPointOf, findSubpathEntry, isAngularSecondaryEntry } from './entry-points';
import { isSourceFile, readImportSites } from './import-sites';
import type { RuleContext, RuleFinding } from './types';

/**
 * `ignoredCircularDependencies` and `allowCircularSelfDependency` of ESLint's module-boundaries
 * rule. ESLint ignores a cycle when two neighbours on the path it finds back from the imported
 * project to the importer form an ignored pair (the importing edge itself is not on that path),
 * so the path is found here the way ESLint finds it: depth first, the last dependency first,
 * only through projects that lead back.
 */

type IgnoredPairs = ReadonlyMap<string, ReadonlySet<string>>;

const pairsByGraph = new WeakMap<ProjectGraph, WeakMap<object, IgnoredPairs>>();

/** Each project → the projects its cycles with are not reported; symmetric, as in ESLint. */
export function expandIgnoredPairs(ctx: RuleContext): IgnoredPairs {
  const { options } = readDependencyScope(ctx);
  let byOptions = pairsByGraph.get(ctx.graph);
  if (!byOptions) pairsByGraph.set(ctx.graph, (byOptions = new WeakMap()));
  let pairs = byOptions.get(options);
  if (pairs) return pairs;
  const projects = Object.values(ctx.graph.nodes).map((node) => ({ name: node.name, root: node.data.root, tags: node.data.tags ?? [] }));
  const expanded = new Map<string, Set<string>>();
  const add = (from: Set<string>, to: Set<string>) => {
    for (const a of from) {
      if (!expanded.has(a)) expanded.set(a, new Set());
      for (const b of to) expanded.get(a)!.add(b);
    }
  };
  for (const [a, b] of options.ignoredCircularDependencies) {
    const setA = findMatchingProjects(a, projects);
    const setB = findMatchingProjects(b, projects);
    add(setA, setB);
    add(setB, setA);
  }
  byOptions.set(options, (pairs = expanded));
  return pairs;
}

const verdicts = new WeakMap<IgnoredPairs, Map<string, boolean>>();

/** Whether the cycle closed by `self` importing `target` is one ESLint leaves alone; asked once per pair of projects. */
export function isIgnoredCycle(ctx: RuleContext, self: string, target: string): boolean {
  const pairs = expandIgnoredPairs(ctx);
  if (pairs.size === 0) return false;
  let known = verdicts.get(pairs);
  if (!known) verdicts.set(pairs, (known = new Map()));
  const key = `${self}\0${target}`;
  let ignored = known.get(key);
  if (ignored === undefined) {
    const path = findPathAsEslint(ctx.graph, target, self);
    ignored = path.some((node, i) => i + 1 < path.length && !!pairs.get(node)?.has(path[i + 1]));
    known.set(key, ignored);
  }
  return ignored;
}

function findPathAsEslint(graph: ProjectGraph, from: string, to: string): string[] {
  const leadsBack = listProjectsReaching(graph, to);
  const visited = new Set([from]);
  const stack: Array<[string, string[]]> = [[from, []]];
  let path: string[] = [];
  while (stack.length > 0) {
    const [current, before] = stack.pop()!;
    path = [...before, current];
    if (current === to) break;
    for (const dep of graph.dependencies[current] ?? []) {
      if (!graph.nodes[dep.target] || visited.has(dep.target) || !leadsBack.has(dep.target)) continue;
      visited.add(dep.target);
      stack.push([dep.target, path]);
    }
  }
  return path.length > 1 ? path : [];
}

function listProjectsReaching(graph: ProjectGraph, to: string): Set<string> {
  const reversed = new Map<string, string[]>();
  for (const [source, deps] of Object.entries(graph.dependencies)) {
    for (const dep of deps) {
      if (!graph.nodes[dep.target]) continue;
      if (!reversed.has(dep.target)) reversed.set(dep.target, []);
      reversed.get(dep.target)!.push(source);
    }
  }
  const reaching = new Set([to]);
  const queue = [to];
  for (let i = 0; i < queue.length; i++) {
    for (const source of reversed.get(queue[i]) ?? []) {
      if (!reaching.has(source)) {
        reaching.add(source);
        queue.push(source);
      }
    }
  }
  return reaching;
}

const isRelativePath = (specifier: string) => specifier === '.' || specifier === '..' || specifier.startsWith('./') || specifier.startsWith('../');

/**
 * Imports of the project through its own alias (`@org/billing` inside billing), which ESLint
 * reports unless allowCircularSelfDependency is set: the entry point imports the file back. An
 * import into another secondary entry point of the same project is fine.
 */
export function checkSelfImports(ctx: RuleContext): RuleFinding[] {
  const scope = readDependencyScope(ctx);
  const self = ctx.project.name;
  if (scope.options.allowCircularSelfDependency || expandIgnoredPairs(ctx).get(self)?.has(self)) return [];
  const findings: RuleFinding[] = [];
  for (const file of [...ctx.project.files].sort()) {
    if (!isSourceFile(file) || scope.isIgnoredFile(file) || !isJudgedFile(ctx, file)) continue;
    for (const site of readImportSites(ctx, file)) {
      const { specifier, resolved } = site;
      if (resolved.project !== self || isRelativePath(specifier) || specifier.startsWith('/') || scope.isAllowedImport(specifier)) continue;
      const importEntry = findImportedEntryPoint(ctx, specifier, resolved.file);
      if (importEntry !== findEntryPointOf(ctx, file, ctx.project.root)) continue;
      if (resolved.file && isAngularSecondaryEntry(ctx, resolved.file, ctx.project.root)) continue;
      findings.push({
        kind: 'circular/self-import',
        title: 'Project imports itself through its own alias',
        file,
        line: site.line,
        column: site.column,
        found: specifier,
        expected: `files of ${self} import each other by relative paths, never through ${self}'s own entry point`,
        fix: `Import the file you need by a relative path ("./path/to/file") instead of "${specifier}", or set allowCircularSelfDependency: true under dependencies in ${ctx.config.file}`,
        reference: 'ARCHITECTURE.md#dependency-rules',
      });
    }
  }
  return findings;
}

/** The entry point an import of the project's own alias lands in: by its `exports` subpath, else by the file it resolves to. */
function findImportedEntryPoint(ctx: RuleContext, specifier: string, file: string | undefined): string | undefined {
  const alias = ctx.project.importAliases.find((a) => specifier.startsWith(`${a}/`));
  const subpathEntry = alias ? findSubpathEntry(ctx, ctx.project.root, specifier.slice(alias.length + 1)) : undefined;
  return subpathEntry ?? (file ? findEntryPointOf(ctx, file, ctx.project.root) : undefined);
}
