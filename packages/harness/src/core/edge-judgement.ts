import { IMPORT_KINDS, type DepConstraint, type ImportKind } from './dep-constraint';
import { findShortestParents, readPath, type ProjectAdjacency } from './graph-paths';
import { findConstraintsFor, hasAnyTag, judgesFile } from './tag-match';

/**
 * The tag judgement of one project-to-project dependency, with the semantics of
 * `@nx/enforce-module-boundaries`. The dependency-constraints rule and the module diagram in
 * ARCHITECTURE.md both call it, so an arrow is red exactly when the check fails that dependency.
 */

/** Why a dependency on another workspace project breaks the tag constraints of its source. */
export type TagFault =
  | { kind: 'unconstrained' }
  | { kind: 'only'; constraint: DepConstraint }
  | { kind: 'only-untagged'; constraint: DepConstraint }
  | { kind: 'not'; constraint: DepConstraint; paths: string[][] };

/** What the judgement reads of the workspace: project-level edges and each project's tags. */
export interface TaggedGraph {
  adjacency: ProjectAdjacency;
  tagsOf(project: string): readonly string[];
}

/** A further check per constraint after the tag checks (the rule's nested external imports). */
export type ConstraintCheck<Extra> = (constraint: DepConstraint) => Extra | undefined;

/**
 * The first fault of the constraints that apply to `source`, in config order, per kind of import:
 * one fault for all three unless a constraint sets `importKinds`. No applicable constraint means
 * the source may depend on no other project, as in Nx.
 */
export function judgeTagFaults<Extra = never>(
  applicable: readonly DepConstraint[],
  source: string,
  target: string,
  graph: TaggedGraph,
  extra?: ConstraintCheck<Extra>,
): Record<ImportKind, TagFault | Extra | undefined> {
  if (applicable.length === 0 || !applicable.some((c) => c.importKinds)) {
    const fault = applicable.length === 0 ? ({ kind: 'unconstrained' } as const) : findFirstFault(applicable, source, target, graph, extra);
    return { static: fault, dynamic: fault, type: fault };
  }
  const faults = {} as Record<ImportKind, TagFault | Extra | undefined>;
  for (const kind of IMPORT_KINDS) {
    faults[kind] = findFirstFault(applicable.filter((c) => judgesImportKind(c, kind)), source, target, graph, extra);
  }
  return faults;
}

/** Whether a constraint judges this kind of import: one without `importKinds` judges all three. */
export function judgesImportKind(constraint: DepConstraint, kind: ImportKind): boolean {
  return !constraint.importKinds || constraint.importKinds.includes(kind);
}

/**
 * Whether a dependency that no import locates breaks the constraints: judged as the rule judges
 * such an edge, a static import from no file in particular (only constraints without `files`).
 */
export function breaksTagConstraints(constraints: readonly DepConstraint[], source: string, target: string, graph: TaggedGraph): boolean {
  if (constraints.length === 0) return false;
  const applicable = findConstraintsFor(constraints, graph.tagsOf(source)).filter((c) => judgesFile(c, undefined));
  return judgeTagFaults(applicable, source, target, graph).static !== undefined;
}

function findFirstFault<Extra>(
  applicable: readonly DepConstraint[],
  source: string,
  target: string,
  graph: TaggedGraph,
  extra: ConstraintCheck<Extra> | undefined,
): TagFault | Extra | undefined {
  const targetTags = graph.tagsOf(target);
  for (const constraint of applicable) {
    const only = constraint.onlyDependOnLibsWithTags;
    if (only && only.length > 0 && !hasAnyTag(targetTags, only)) return { kind: 'only', constraint };
    // An empty list allows only untagged projects: Nx's reading, kept for parity.
    if (only && only.length === 0 && targetTags.length > 0) return { kind: 'only-untagged', constraint };
    const not = constraint.notDependOnLibsWithTags;
    if (not && not.length > 0) {
      const paths = findTaggedPaths(graph, source, target, not);
      if (paths.length > 0) return { kind: 'not', constraint, paths };
    }
    const more = extra?.(constraint);
    if (more !== undefined) return more;
  }
  return undefined;
}

const parentsByAdjacency = new WeakMap<ProjectAdjacency, Map<string, Map<string, string | null>>>();

/** Shortest paths from `source` through `target` to every reachable project with a banned tag. */
function findTaggedPaths(graph: TaggedGraph, source: string, target: string, patterns: string[]): string[][] {
  let byStart = parentsByAdjacency.get(graph.adjacency);
  if (!byStart) parentsByAdjacency.set(graph.adjacency, (byStart = new Map()));
  let parents = byStart.get(target);
  if (!parents) byStart.set(target, (parents = findShortestParents(graph.adjacency, target)));
  const paths: string[][] = [];
  // Map order is breadth-first order, so the nearest offenders come first.
  for (const reached of parents.keys()) {
    if (hasAnyTag(graph.tagsOf(reached), patterns)) paths.push([source, ...readPath(parents, reached)!]);
  }
  return paths;
}
