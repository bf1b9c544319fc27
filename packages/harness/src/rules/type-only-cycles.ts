import type { ProjectAdjacency } from '../core/graph-paths';
import { findImportsInto, isSourceFile } from './import-sites';
import type { RuleContext } from './types';

/**
 * For `circular: { ignoreTypeImports: true }`: whether the edge `self -> target` lies on a cycle
 * (inside their component, `component`) with at least one edge that loads code at run time. A cycle whose
 * every edge is a type-only import is erased by the compiler, so it is no finding.
 */
export function createRuntimeCycleTest(
  ctx: RuleContext,
  adjacency: ProjectAdjacency,
  component: ReadonlySet<string>,
  edgesByFile: Map<string, string[]>,
): (target: string) => boolean {
  const self = ctx.project.name;
  const typeOnly = new Map<string, boolean>();
  const isTypeOnly = (from: string, to: string) => {
    const key = `${from}\0${to}`;
    let result = typeOnly.get(key);
    if (result === undefined) typeOnly.set(key, (result = isTypeOnlyEdge(ctx, from, to, from === self ? edgesByFile : undefined)));
    return result;
  };
  return (target) => {
    if (!isTypeOnly(self, target)) return true;
    // Breadth-first over (project, a runtime edge seen yet) from target back to self.
    const seen = new Set<string>([`${target}\0false`]);
    const queue: Array<[string, boolean]> = [[target, false]];
    for (let i = 0; i < queue.length; i++) {
      const [project, runtime] = queue[i];
      for (const next of adjacency.get(project) ?? []) {
        if (!component.has(next)) continue;
        const reached = runtime || !isTypeOnly(project, next);
        if (next === self) {
          if (reached) return true;
          continue;
        }
        const state = `${next}\0${reached}`;
        if (seen.has(state)) continue;
        seen.add(state);
        queue.push([next, reached]);
      }
    }
    return false;
  };
}

/**
 * Whether every file edge from `from` to `to` is made by imports of kind `type` only. An edge
 * no source import makes (package.json, implicitDependencies) loads or builds something: not type-only.
 */
function isTypeOnlyEdge(ctx: RuleContext, from: string, to: string, ownEdges: Map<string, string[]> | undefined): boolean {
  const files = (ctx.projects[from]?.files ?? []).filter((file) => (ownEdges?.get(file) ?? ctx.fileDeps[file] ?? []).includes(to));
  if (files.length === 0) return false;
  return files.every((file) => {
    if (!isSourceFile(file)) return false;
    const sites = findImportsInto(ctx, file, to);
    return sites.length > 0 && sites.every((site) => site.kind === 'type');
  });
}
