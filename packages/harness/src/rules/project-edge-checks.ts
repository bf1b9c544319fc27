import type { ProjectGraph } from '@nx/devkit';
import { matchesAnyImportWildcard } from '../core/tag-match';
import { findEntryPointOf } from './entry-points';
import type { ImportSite } from './import-sites';
import { isStaticImportStatement } from './import-statement';
import type { RuleContext } from './types';

/**
 * The checks of ESLint's module-boundaries rule that sit between its circular check and its tag
 * constraints: a buildable library importing a non-buildable one, and a static import of a
 * project that is also loaded lazily.
 */

/** `enforceBuildableLibDependency`: both are libraries, the source has a build target, the target none. */
export function isNonBuildableImport(graph: ProjectGraph, source: string, target: string, buildTargets: readonly string[]): boolean {
  const from = graph.nodes[source];
  const to = graph.nodes[target];
  if (from?.type !== 'lib' || to?.type !== 'lib') return false;
  return hasBuildTarget(from.data.targets, buildTargets) && !hasBuildTarget(to.data.targets, buildTargets);
}

function hasBuildTarget(targets: Record<string, { executor?: string }> | undefined, buildTargets: readonly string[]): boolean {
  return !!targets && buildTargets.some((name) => targets[name] !== undefined && targets[name].executor !== '');
}

const dynamicReach = new WeakMap<ProjectGraph, Map<string, boolean>>();

/** Whether `source` reaches `target` through dynamic (lazy) dependencies only, as ESLint walks them. */
export function isLoadedLazily(graph: ProjectGraph, source: string, target: string): boolean {
  let cache = dynamicReach.get(graph);
  if (!cache) dynamicReach.set(graph, (cache = new Map()));
  const key = `${source}\0${target}`;
  let result = cache.get(key);
  if (result === undefined) {
    result = walkDynamic(graph, source, target, new Set());
    cache.set(key, result);
  }
  return result;
}

function walkDynamic(graph: ProjectGraph, source: string, target: string, visited: Set<string>): boolean {
  if (visited.has(source)) return false;
  visited.add(source);
  return (graph.dependencies[source] ?? []).some(
    (dep) => dep.type === 'dynamic' && (dep.target === target || walkDynamic(graph, dep.target, target, visited)),
  );
}

/**
 * A static import of a project that `ctx.project` also loads lazily: not an exception, not a
 * `type` import, and not into one of the target's secondary entry points (which may be static).
 */
export function isStaticImportOfLazyProject(ctx: RuleContext, file: string, site: ImportSite, target: string, exceptions: readonly string[]): boolean {
  if (site.typeOnly || matchesAnyImportWildcard(exceptions, site.specifier)) return false;
  if (!isLoadedLazily(ctx.graph, ctx.project.name, target)) return false;
  if (!isStaticImportStatement(ctx.readText(file) ?? '', site)) return false;
  const targetRoot = ctx.projects[target]?.root ?? ctx.graph.nodes[target]?.data.root ?? '';
  return !site.resolved.file || !findEntryPointOf(ctx, site.resolved.file, targetRoot);
}
