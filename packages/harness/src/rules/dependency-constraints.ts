import type { DepConstraint } from '../config/types';
import {
  buildProjectAdjacency,
  findShortestParents,
  readPath,
  type ProjectAdjacency,
} from '../core/graph-paths';
import {
  couldMatchPackage,
  coversEveryImportOf,
  findConstraintsFor,
  hasAnyTag,
  hasTag,
  isPlainTag,
  matchesImportPattern,
} from '../core/tag-match';
import { findGraphGaps } from './graph-gaps';
import {
  describeBannedImport,
  describeNestedPackages,
  describeNonBuildableImport,
  describeStaticLazyImport,
  describeSource,
  describeTransitiveImport,
  withExplanation,
  type Location,
} from './describe-boundary-findings';
import { readDependencyScope } from './dependency-scope';
import { findNestedBannedPackages, judgeTransitiveImport, type NestedPackage } from './external-dependencies';
import { isSourceFile, joinRoot, joinWithOr, readImportSites, type ImportSite } from './import-sites';
import { isLoadedLazily, isNonBuildableImport, isStaticImportOfLazyProject } from './project-edge-checks';
import type { Rule, RuleContext, RuleFinding } from './types';
import { listFileEdges } from './unseen-imports';

const REFERENCE = 'ARCHITECTURE.md#dependency-rules';
const TITLE = 'Dependency constraint violation';
/** How many dependency paths a notDependOnLibsWithTags finding spells out. */
const MAX_PATHS_SHOWN = 3;

/** Why an edge to another workspace project breaks the constraints. */
type EdgeFault =
  | { kind: 'unconstrained' }
  | { kind: 'only'; constraint: DepConstraint }
  | { kind: 'only-untagged'; constraint: DepConstraint }
  | { kind: 'not'; constraint: DepConstraint; paths: string[][] }
  | { kind: 'nested'; constraint: DepConstraint; packages: NestedPackage[] };

/** An edge as ESLint judges it, in its order: buildable libraries, then lazy loading, then tags. */
interface EdgeJudgement {
  nonBuildable: boolean;
  /** The project is also loaded lazily, so a static import of it is a finding (per import). */
  lazy: boolean;
  fault?: EdgeFault;
}

export const dependencyConstraintsRule: Rule = {
  id: 'dependency-constraints',
  description:
    'Tag constraints on every project-graph edge, as in @nx/enforce-module-boundaries depConstraints (transitive for notDependOnLibsWithTags), plus banned and allowed external imports.',
  defaultSeverity: 'error',
  check: checkDependencyConstraints,
};

/**
 * Judges each edge of the file map, and each import of a project that Nx's file map lacks (a text
 * scan finds those; a file is parsed only on suspicion), then parses only the files that hold a
 * failing edge, for positions. Where Nx's graph is blind, the gap is a finding of its own.
 */
export function checkDependencyConstraints(ctx: RuleContext): RuleFinding[] {
  const scope = readDependencyScope(ctx);
  const { options } = scope;
  const constraints = ctx.config.constraints;
  const hasLazyEdge = (ctx.graph.dependencies[ctx.project.name] ?? []).some((dep) => dep.type === 'dynamic');
  if (constraints.length === 0 && !options.banTransitiveDependencies && !options.enforceBuildableLibDependency && !hasLazyEdge) {
    return findGraphGaps(ctx);
  }
  const applicable = findConstraintsFor(constraints, ctx.project.tags);
  const externalConstraints = applicable.filter(
    (c) => c.bannedExternalImports !== undefined || c.allowedExternalImports !== undefined,
  );
  const judgements = new Map<string, EdgeJudgement | undefined>();
  const judge = (target: string) => {
    if (!judgements.has(target)) judgements.set(target, judgeProjectEdge(ctx, applicable, target));
    return judgements.get(target);
  };
  const findings: RuleFinding[] = findGraphGaps(ctx);
  for (const file of ctx.project.files) {
    if (!isSourceFile(file) || scope.isIgnoredFile(file)) continue;
    const failing = new Map<string, EdgeJudgement>();
    const packages = new Set<string>();
    for (const dep of listFileEdges(ctx, file, ctx.project)) {
      if (dep === ctx.project.name) continue;
      if (ctx.graph.nodes[dep] || ctx.projects[dep]) {
        const judgement = judge(dep);
        if (judgement) failing.set(dep, judgement);
      } else if (externalConstraints.length > 0) {
        const pkg = packageNameOfNode(ctx, dep);
        if (pkg && mayBanPackage(externalConstraints, pkg)) packages.add(pkg);
      }
    }
    // Only a parse finds imports that resolve to no package at all, so that option reads every file.
    if (failing.size === 0 && packages.size === 0 && !options.banTransitiveDependencies) continue;
    findings.push(...checkFile(ctx, file, failing, packages, externalConstraints));
  }
  return findings;
}

/** How an edge to `target` fails, if it does; tag faults come in constraint order, as ESLint reports one per import. */
function judgeProjectEdge(ctx: RuleContext, applicable: DepConstraint[], target: string): EdgeJudgement | undefined {
  const { options } = readDependencyScope(ctx);
  const nonBuildable = options.enforceBuildableLibDependency && isNonBuildableImport(ctx.graph, ctx.project.name, target, options.buildTargets);
  const lazy = isLoadedLazily(ctx.graph, ctx.project.name, target);
  const fault = ctx.config.constraints.length > 0 ? findEdgeFault(ctx, applicable, target, options.checkNestedExternalImports) : undefined;
  return nonBuildable || lazy || fault ? { nonBuildable, lazy, fault } : undefined;
}

function findEdgeFault(ctx: RuleContext, applicable: DepConstraint[], target: string, checkNested: boolean): EdgeFault | undefined {
  if (applicable.length === 0) return { kind: 'unconstrained' };
  const targetTags = tagsOf(ctx, target);
  for (const constraint of applicable) {
    const only = constraint.onlyDependOnLibsWithTags;
    if (only && only.length > 0 && !hasAnyTag(targetTags, only)) return { kind: 'only', constraint };
    // An empty list allows only untagged projects: Nx's reading, kept for parity.
    if (only && only.length === 0 && targetTags.length > 0) return { kind: 'only-untagged', constraint };
    const not = constraint.notDependOnLibsWithTags;
    if (not && not.length > 0) {
      const paths = findTaggedPaths(ctx, target, not);
      if (paths.length > 0) return { kind: 'not', constraint, paths };
    }
    if (checkNested && (constraint.bannedExternalImports?.length || constraint.allowedExternalImports)) {
      const packages = findNestedBannedPackages(ctx.graph, target, constraint);
      if (packages.length > 0) return { kind: 'nested', constraint, packages };
    }
  }
  return undefined;
}

function tagsOf(ctx: RuleContext, project: string): string[] {
  return ctx.projects[project]?.tags ?? ctx.graph.nodes[project]?.data.tags ?? [];
}

const parentsByAdjacency = new WeakMap<ProjectAdjacency, Map<string, Map<string, string | null>>>();

/** Shortest paths from the source project through `target` to every reachable project with a banned tag. */
function findTaggedPaths(ctx: RuleContext, target: string, patterns: string[]): string[][] {
  const adjacency = buildProjectAdjacency(ctx.graph);
  let byStart = parentsByAdjacency.get(adjacency);
  if (!byStart) parentsByAdjacency.set(adjacency, (byStart = new Map()));
  let parents = byStart.get(target);
  if (!parents) byStart.set(target, (parents = findShortestParents(adjacency, target)));
  const paths: string[][] = [];
  // Map order is breadth-first order, so the nearest offenders come first.
  for (const reached of parents.keys()) {
    if (hasAnyTag(tagsOf(ctx, reached), patterns)) paths.push([ctx.project.name, ...readPath(parents, reached)!]);
  }
  return paths;
}

function packageNameOfNode(ctx: RuleContext, node: string): string | undefined {
  const external = ctx.graph.externalNodes?.[node];
  if (external) return external.data.packageName;
  return node.startsWith('npm:') ? node.slice('npm:'.length) : undefined;
}

/** Whether some import of the package could be rejected; false lets the file go unparsed. */
function mayBanPackage(constraints: DepConstraint[], pkg: string): boolean {
  return constraints.some(
    (c) =>
      (c.bannedExternalImports ?? []).some((pattern) => couldMatchPackage(pattern, pkg)) ||
      (c.allowedExternalImports !== undefined &&
        !c.allowedExternalImports.some((pattern) => coversEveryImportOf(pattern, pkg))),
  );
}

/** The first constraint that rejects the specifier: banned first, then outside an allow-list. */
function findBanningConstraint(constraints: DepConstraint[], specifier: string): DepConstraint | undefined {
  return constraints.find(
    (c) =>
      (c.bannedExternalImports ?? []).some((pattern) => matchesImportPattern(pattern, specifier)) ||
      (c.allowedExternalImports !== undefined &&
        !c.allowedExternalImports.some((pattern) => matchesImportPattern(pattern, specifier))),
  );
}

/** One finding per import statement behind a failing edge; line 0 when no statement resolves to it. */
function checkFile(
  ctx: RuleContext,
  file: string,
  failing: Map<string, EdgeJudgement>,
  packages: Set<string>,
  externalConstraints: DepConstraint[],
): RuleFinding[] {
  const scope = readDependencyScope(ctx);
  const findings: RuleFinding[] = [];
  const located = new Set<string>();
  for (const site of readImportSites(ctx, file)) {
    const { project, externalPackage } = site.resolved;
    // `allow` exempts the import from every check, and its edge needs no line-0 finding either.
    if (scope.isAllowedImport(site.specifier)) {
      if (project) located.add(project);
      continue;
    }
    const judgement = project ? failing.get(project) : undefined;
    if (project && judgement) {
      located.add(project);
      const at = { file, ...positionOf(site), found: site.specifier };
      if (judgement.nonBuildable) findings.push(describeNonBuildableImport(ctx, project, at));
      else if (judgement.lazy && isStaticImportOfLazyProject(ctx, file, site, project, scope.options.checkDynamicDependenciesExceptions)) findings.push(describeStaticLazyImport(project, at));
      else if (judgement.fault) findings.push(...describeFault(ctx, judgement.fault, project, at));
    } else if (!project && externalPackage) {
      const transitive = scope.options.banTransitiveDependencies ? judgeTransitiveImport(ctx, ctx.project.root, externalPackage) : undefined;
      if (transitive) findings.push(describeTransitiveImport(ctx, transitive, externalPackage, { file, ...positionOf(site), found: site.specifier }));
      const constraint = packages.has(externalPackage) ? findBanningConstraint(externalConstraints, site.specifier) : undefined;
      if (constraint) findings.push(describeBannedImport(ctx, constraint, site, file));
    }
  }
  for (const [project, judgement] of failing) {
    if (located.has(project)) continue;
    const at = { file, line: 0, column: 0, found: project };
    if (judgement.nonBuildable) findings.push(describeNonBuildableImport(ctx, project, at));
    else if (judgement.fault) findings.push(...describeFault(ctx, judgement.fault, project, at));
  }
  return findings;
}

function describeFault(ctx: RuleContext, fault: EdgeFault, target: string, at: Location): RuleFinding[] {
  if (fault.kind !== 'nested') return [describeEdgeFault(ctx, fault, target, at)];
  return describeNestedPackages(ctx, fault.constraint, fault.packages, target, at, describeSource(fault.constraint));
}

function positionOf(site: ImportSite): { line: number; column: number } {
  return { line: site.line, column: site.column };
}

function describeEdgeFault(ctx: RuleContext, fault: Exclude<EdgeFault, { kind: 'nested' }>, target: string, at: Location): RuleFinding {
  if (fault.kind === 'unconstrained') return { ...at, ...describeUnconstrained(ctx), title: TITLE, reference: REFERENCE };
  const source = describeSource(fault.constraint);
  let expected: string;
  let fix: string;
  if (fault.kind === 'only') {
    const only = fault.constraint.onlyDependOnLibsWithTags ?? [];
    expected = `${source} may depend only on ${only.join(', ')}`;
    fix = `Import from a project tagged ${joinWithOr(only)} instead`;
    const home = suggestHomeTag(only, ctx.project.tags);
    if (home) fix += `, or move the shared code into a ${home} module`;
  } else if (fault.kind === 'only-untagged') {
    expected = `${source} may depend only on projects without tags`;
    fix = `Remove this import of ${target} (tagged ${tagsOf(ctx, target).join(', ')}), or move the code you need into this project`;
  } else {
    const not = fault.constraint.notDependOnLibsWithTags ?? [];
    expected = `${source} must not depend on ${joinWithOr(not)} (transitively)`;
    const shown = fault.paths.slice(0, MAX_PATHS_SHOWN).map((path) => path.join(' -> '));
    const more = fault.paths.length - shown.length;
    fix =
      `Remove the dependency ${shown.join(', ')}${more > 0 ? ` (and ${more} more)` : ''}: ` +
      `import from a project that does not lead to ${joinWithOr(not)}, or move the code you need out of that chain`;
  }
  return { ...at, title: TITLE, expected, fix: withExplanation(fix, fault.constraint), reference: REFERENCE };
}

function describeUnconstrained(ctx: RuleContext): Pick<RuleFinding, 'expected' | 'fix'> {
  const { name, root, tags } = ctx.project;
  const expected =
    tags.length === 0
      ? `${name} has no tags, so it matches no dependency constraint and may depend on no other project`
      : `${name} is tagged ${tags.join(', ')}, which matches no dependency constraint, so it may depend on no other project`;
  const tagFile = ctx.exists(joinRoot(root, 'project.json')) ? joinRoot(root, 'project.json') : joinRoot(root, 'package.json');
  const fix = `Add a tag that a constraint in ${ctx.config.file} matches to the tags in ${tagFile}, or add a constraint for this project's tags to ${ctx.config.file}`;
  return { expected, fix };
}

/**
 * The tag to suggest as a new home for shared code: an allowed plain tag the project does not
 * carry itself (`scope:shared` for billing), else the first allowed plain tag.
 */
function suggestHomeTag(allowed: string[], ownTags: string[]): string | undefined {
  const plain = allowed.filter(isPlainTag);
  return plain.find((tag) => !hasTag(ownTags, tag)) ?? plain[0];
}
