import { buildProjectAdjacency, findComponentOf, isDependedOn, readPath, replaceNeighbours, type ProjectAdjacency } from '../core/graph-paths';
import { checkSelfImports, isIgnoredCycle } from './circular-options';
import { isJudgedFile } from './judged-files';
import { readDependencyScope } from './dependency-scope';
import { findImportsInto, isSourceFile } from './import-sites';
import { createRuntimeCycleTest } from './type-only-cycles';
import type { OptionsSchema } from '../config/types';
import type { Rule, RuleContext, RuleFinding } from './types';
import { listFileEdges } from './unseen-imports';

const REFERENCE = 'ARCHITECTURE.md#dependency-rules';
const OPTIONS_SCHEMA: OptionsSchema = {
  type: 'object',
  additionalProperties: false,
  properties: { ignoreTypeImports: { type: 'boolean', description: 'harness only: a cycle whose every edge is a type-only import is not a finding.' } },
};

export const circularRule: Rule = {
  id: 'circular',
  description: 'No circular dependencies between projects; each finding gives the chain of files that closes the cycle.',
  defaultSeverity: 'error',
  optionsSchema: OPTIONS_SCHEMA,
  check: checkCircular,
};

/**
 * Reports every import of the project that closes a cycle, as ESLint's module-boundaries rule does,
 * so the same files are flagged. Cycles come from the project's strongly connected component, found
 * from what the project reaches (graph-paths.ts), so a check of one project walks only that part.
 */
export function checkCircular(ctx: RuleContext): RuleFinding[] {
  const self = ctx.project.name;
  const scope = readDependencyScope(ctx);
  const graphAdjacency = buildProjectAdjacency(ctx.graph);
  // Imports Nx missed can close a cycle only if some project depends on this one; else skip the scan.
  const reachable = isDependedOn(ctx.graph, self);
  const edgesByFile = new Map<string, string[]>();
  for (const file of ctx.project.files) {
    if (!isSourceFile(file) || scope.isIgnoredFile(file)) continue;
    edgesByFile.set(file, reachable ? listFileEdges(ctx, file, ctx.project) : (ctx.fileDeps[file] ?? []));
  }
  const adjacency = addOwnEdges(graphAdjacency, self, edgesByFile);
  const component = findComponentOf(adjacency, self);
  const onCycle = (project: string) => project !== self && component.has(project);
  const findings: RuleFinding[] = checkSelfImports(ctx);
  if (!(adjacency.get(self) ?? []).some(onCycle)) return findings;
  const wayBack = findWayBack(adjacency, component, self);
  // harness only: cycles made of type-only imports are erased at compile time.
  const hasRuntimeCycle = ctx.setting.options.ignoreTypeImports === true ? createRuntimeCycleTest(ctx, adjacency, component, edgesByFile) : () => true;
  const hopsByTarget = new Map<string, string[]>();
  const describeRest = (target: string) => {
    let hops = hopsByTarget.get(target);
    if (!hops) hopsByTarget.set(target, (hops = describeHops(ctx, readPath(wayBack, target)!.reverse())));
    return hops;
  };
  for (const file of [...ctx.project.files].sort()) {
    // Every file's edges above decide the cycle; each file's findings below are its own.
    if (!edgesByFile.has(file) || !isJudgedFile(ctx, file)) continue;
    const targets = [...new Set(edgesByFile.get(file))].filter((target) => onCycle(target) && !isIgnoredCycle(ctx, self, target) && hasRuntimeCycle(target)).sort();
    for (const target of targets) {
      const cycle = [self, ...readPath(wayBack, target)!.reverse()];
      const sites = findImportsInto(ctx, file, target);
      // An import `allow` names is exempt; the edge is still part of the graph, so other files may close the cycle.
      const judged = sites.filter((site) => !scope.isAllowedImport(site.specifier));
      if (sites.length > 0 && judged.length === 0) continue;
      const locations = judged.length > 0 ? judged : [{ line: 0, column: 0 }];
      for (const { line, column } of locations) {
        const first = `${line > 0 ? `${file}:${line}` : file} imports ${target}`;
        findings.push({
          kind: 'circular/project-cycle',
          title: 'Circular dependency between projects',
          file,
          line,
          column,
          found: cycle.join(' -> '),
          expected: 'projects depend on each other in one direction only, with no cycle',
          fix:
            `Break the cycle closed by ${[first, ...describeRest(target)].join(', ')}: ` +
            'move the code both sides need into a module both can depend on, or invert one dependency ' +
            '(for example through an interface or an event in the lower module)',
          reference: REFERENCE,
        });
      }
    }
  }
  return findings;
}

/**
 * The graph's adjacency plus the project's own imports that Nx's graph lacks (harness's parse
 * found them), so a cycle they close is reported. Other projects' unseen imports are judged when
 * their own check runs. Returns the cached adjacency itself when nothing is missing.
 */
function addOwnEdges(adjacency: ProjectAdjacency, self: string, edgesByFile: Map<string, string[]>): ProjectAdjacency {
  const own = new Set(adjacency.get(self) ?? []);
  const missing = [...new Set([...edgesByFile.values()].flat())].filter((p) => p !== self && adjacency.has(p) && !own.has(p));
  if (missing.length === 0) return adjacency;
  return replaceNeighbours(adjacency, self, [...own, ...missing].sort());
}

/**
 * Breadth-first search from `self` over reversed edges inside its component: each project maps to
 * its next hop towards `self`, which gives the shortest way back from any dependency on the cycle.
 */
function findWayBack(adjacency: ProjectAdjacency, component: ReadonlySet<string>, self: string): Map<string, string | null> {
  const reversed = new Map<string, string[]>();
  for (const source of component) {
    for (const target of adjacency.get(source) ?? []) {
      if (!component.has(target)) continue;
      if (!reversed.has(target)) reversed.set(target, []);
      reversed.get(target)!.push(source);
    }
  }
  for (const list of reversed.values()) list.sort();
  const next = new Map<string, string | null>([[self, null]]);
  const queue = [self];
  for (let i = 0; i < queue.length; i++) {
    for (const source of reversed.get(queue[i]) ?? []) {
      if (next.has(source)) continue;
      next.set(source, queue[i]);
      queue.push(source);
    }
  }
  return next;
}

/** `file:line imports next` for each hop of `path` (…, self): the edges after the first one. */
function describeHops(ctx: RuleContext, path: string[]): string[] {
  const hops: string[] = [];
  for (let i = 0; i + 1 < path.length; i++) hops.push(describeHop(ctx, path[i], path[i + 1]));
  return hops;
}

/** The first file (by path, for a stable message) of `from` whose file-map deps include `to`. */
function describeHop(ctx: RuleContext, from: string, to: string): string {
  const { isIgnoredFile } = readDependencyScope(ctx);
  // Files the repo's ESLint never lints are named only when no other file carries the edge.
  const files = [...(ctx.projects[from]?.files ?? [])].sort((a, b) => Number(isIgnoredFile(a)) - Number(isIgnoredFile(b)) || (a < b ? -1 : a > b ? 1 : 0));
  const file =
    files.find((f) => isSourceFile(f) && ctx.fileDeps[f]?.includes(to)) ??
    files.find((f) => ctx.fileDeps[f]?.includes(to));
  if (!file) return `${from} depends on ${to} in its project configuration`;
  const line = isSourceFile(file) ? findImportsInto(ctx, file, to)[0]?.line : undefined;
  return `${line ? `${file}:${line}` : file} imports ${to}`;
}
