import type { DepConstraint, ImportKind } from '../core/dep-constraint';
import { judgeTagFaults, judgesImportKind, type TaggedGraph } from '../core/edge-judgement';
import { buildProjectAdjacency } from '../core/graph-paths';
import {
  couldMatchPackage,
  coversEveryImportOf,
  findConstraintsFor,
  hasFileScopedConstraints,
  judgesFile,
  matchesImportPattern,
} from '../core/tag-match';
import { findGraphGaps } from './graph-gaps';
import {
  describeBannedImport,
  describeNonBuildableImport,
  describeStaticLazyImport,
  describeTransitiveImport,
} from './describe-boundary-findings';
import { describeFault, tagsOf, type EdgeFault } from './describe-edge-faults';
import { readDependencyScope } from './dependency-scope';
import { findNestedBannedPackages, judgeTransitiveImport } from './external-dependencies';
import { listGraphOnlyEdges } from './graph-only-edges';
import { isSourceFile, readImportSites, type ImportSite } from './import-sites';
import { isLoadedLazily, isNonBuildableImport, isStaticImportOfLazyProject } from './project-edge-checks';
import type { Rule, RuleContext, RuleFinding } from './types';
import { isJudgedFile } from './judged-files';
import { listFileEdges } from './unseen-imports';

/** An edge as ESLint judges it, in its order: buildable libraries, then lazy loading, then tags. */
interface EdgeJudgement {
  nonBuildable: boolean;
  /** The project is also loaded lazily, so a static import of it is a finding (per import). */
  lazy: boolean;
  /** The tag fault per kind of import: one fault for all three unless a constraint sets importKinds. */
  faults?: Record<ImportKind, EdgeFault | undefined>;
}

/** The constraints that judge one file (all of the project's unless some set files/excludeFiles). */
interface ConstraintSet {
  applicable: DepConstraint[];
  external: DepConstraint[];
  judgements: Map<string, EdgeJudgement | undefined>;
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
 * failing edge, for positions and import kinds. Where Nx's graph is blind, the gap is a finding of
 * its own. With `edges: graph`, graph edges no import makes are judged at their declaration.
 */
export function checkDependencyConstraints(ctx: RuleContext): RuleFinding[] {
  const scope = readDependencyScope(ctx);
  const { options } = scope;
  const constraints = ctx.config.constraints;
  const hasLazyEdge = (ctx.graph.dependencies[ctx.project.name] ?? []).some((dep) => dep.type === 'dynamic');
  if (constraints.length === 0 && !options.banTransitiveDependencies && !options.enforceBuildableLibDependency && !hasLazyEdge) {
    return findGraphGaps(ctx);
  }
  const selectSet = createSetSelector(ctx);
  const findings: RuleFinding[] = findGraphGaps(ctx);
  for (const file of ctx.project.files) {
    if (!isSourceFile(file) || scope.isIgnoredFile(file) || !isJudgedFile(ctx, file)) continue;
    const set = selectSet(file);
    const failing = new Map<string, EdgeJudgement>();
    const packages = new Set<string>();
    for (const dep of listFileEdges(ctx, file, ctx.project)) {
      if (dep === ctx.project.name) continue;
      if (ctx.graph.nodes[dep] || ctx.projects[dep]) {
        const judgement = judgeIn(ctx, set, dep);
        if (judgement) failing.set(dep, judgement);
      } else if (set.external.length > 0) {
        const pkg = packageNameOfNode(ctx, dep);
        if (pkg && mayBanPackage(set.external, pkg)) packages.add(pkg);
      }
    }
    // Only a parse finds imports that resolve to no package at all, so that option reads every file.
    if (failing.size === 0 && packages.size === 0 && !options.banTransitiveDependencies) continue;
    findings.push(...checkFile(ctx, file, failing, packages, set.external));
  }
  if (options.edges === 'graph') findings.push(...checkGraphOnlyEdges(ctx, selectSet(undefined)));
  return findings;
}

/** Picks the constraint set of a file (workspace-relative; undefined for an edge no file makes). */
function createSetSelector(ctx: RuleContext): (file: string | undefined) => ConstraintSet {
  const forProject = findConstraintsFor(ctx.config.constraints, ctx.project.tags);
  const whole = createConstraintSet(forProject);
  if (!hasFileScopedConstraints(forProject)) return () => whole;
  const sets = new Map<string, ConstraintSet>();
  const prefix = ctx.project.root ? `${ctx.project.root}/` : '';
  return (file) => {
    const relative = file === undefined ? undefined : file.startsWith(prefix) ? file.slice(prefix.length) : file;
    const applicable = forProject.filter((constraint) => judgesFile(constraint, relative));
    const key = applicable.map((constraint) => forProject.indexOf(constraint)).join(',');
    let set = sets.get(key);
    if (!set) sets.set(key, (set = createConstraintSet(applicable)));
    return set;
  };
}

function createConstraintSet(applicable: DepConstraint[]): ConstraintSet {
  const external = applicable.filter((c) => c.bannedExternalImports !== undefined || c.allowedExternalImports !== undefined);
  return { applicable, external, judgements: new Map() };
}

function judgeIn(ctx: RuleContext, set: ConstraintSet, target: string): EdgeJudgement | undefined {
  if (!set.judgements.has(target)) set.judgements.set(target, judgeProjectEdge(ctx, set.applicable, target));
  return set.judgements.get(target);
}

/** Graph edges no import makes (`edges: graph`), judged as static imports at their declaration. */
function checkGraphOnlyEdges(ctx: RuleContext, set: ConstraintSet): RuleFinding[] {
  const findings: RuleFinding[] = [];
  for (const { target, at } of listGraphOnlyEdges(ctx)) {
    const judgement = judgeIn(ctx, set, target);
    const fault = judgement?.faults?.static;
    const declared = `. ${at.line > 0 ? `${at.file} declares this dependency` : `The project graph has this dependency (no file of ${ctx.project.name} declares it)`}, no import makes it: remove it if ${ctx.project.name} does not need ${target}`;
    if (judgement?.nonBuildable) findings.push(describeNonBuildableImport(ctx, target, at));
    else if (fault) findings.push(...describeFault(ctx, fault, target, at).map((finding) => ({ ...finding, fix: finding.fix + declared })));
  }
  return findings;
}

/** How an edge to `target` fails, if it does; tag faults come in constraint order, as ESLint reports one per import. */
function judgeProjectEdge(ctx: RuleContext, applicable: DepConstraint[], target: string): EdgeJudgement | undefined {
  const { options } = readDependencyScope(ctx);
  const nonBuildable = options.enforceBuildableLibDependency && isNonBuildableImport(ctx.graph, ctx.project.name, target, options.buildTargets);
  const lazy = isLoadedLazily(ctx.graph, ctx.project.name, target);
  const faults = ctx.config.constraints.length > 0 ? findFaultsByKind(ctx, applicable, target, options.checkNestedExternalImports) : undefined;
  const failed = faults && (faults.static || faults.dynamic || faults.type);
  return nonBuildable || lazy || failed ? { nonBuildable, lazy, faults } : undefined;
}

/** A constraint with `importKinds` judges only those kinds; the tag checks themselves live in core. */
function findFaultsByKind(ctx: RuleContext, applicable: DepConstraint[], target: string, checkNested: boolean): Record<ImportKind, EdgeFault | undefined> {
  const nested = (constraint: DepConstraint): EdgeFault | undefined => {
    if (!checkNested || !(constraint.bannedExternalImports?.length || constraint.allowedExternalImports)) return undefined;
    const packages = findNestedBannedPackages(ctx.graph, target, constraint);
    return packages.length > 0 ? { kind: 'nested', constraint, packages } : undefined;
  };
  return judgeTagFaults(applicable, ctx.project.name, target, readTaggedGraph(ctx), nested);
}

/** The project graph as the tag judgement reads it (the adjacency is built once per graph). */
function readTaggedGraph(ctx: RuleContext): TaggedGraph {
  return { adjacency: buildProjectAdjacency(ctx.graph), tagsOf: (project) => tagsOf(ctx, project) };
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
      // Located even when its kind lets it through: an edge whose every import is let through is no finding.
      located.add(project);
      const at = { file, ...positionOf(site), found: site.specifier };
      const fault = judgement.faults?.[site.kind];
      if (judgement.nonBuildable) findings.push(describeNonBuildableImport(ctx, project, at));
      else if (judgement.lazy && isStaticImportOfLazyProject(ctx, file, site, project, scope.options.checkDynamicDependenciesExceptions)) findings.push(describeStaticLazyImport(project, at));
      else if (fault) findings.push(...describeFault(ctx, fault, project, at, site.kind));
    } else if (!project && externalPackage) {
      const transitive = scope.options.banTransitiveDependencies ? judgeTransitiveImport(ctx, ctx.project.root, externalPackage) : undefined;
      if (transitive) findings.push(describeTransitiveImport(ctx, transitive, externalPackage, { file, ...positionOf(site), found: site.specifier }));
      const constraint = packages.has(externalPackage) ? findBanningConstraint(externalConstraints.filter((c) => judgesImportKind(c, site.kind)), site.specifier) : undefined;
      if (constraint) findings.push(describeBannedImport(ctx, constraint, site, file));
    }
  }
  for (const [project, judgement] of failing) {
    if (located.has(project)) continue;
    const at = { file, line: 0, column: 0, found: project };
    // No import located, so its kind is unknown: judged as a static import, ESLint's reading.
    if (judgement.nonBuildable) findings.push(describeNonBuildableImport(ctx, project, at));
    else if (judgement.faults?.static) findings.push(...describeFault(ctx, judgement.faults.static, project, at));
  }
  return findings;
}

function positionOf(site: ImportSite): { line: number; column: number } {
  return { line: site.line, column: site.column };
}
