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
  isComboConstraint,
  isPlainTag,
  matchesImportPattern,
} from '../core/tag-match';
import { findGraphGaps } from './graph-gaps';
import { isSourceFile, joinRoot, joinWithOr, readImportSites, type ImportSite } from './import-sites';
import type { Rule, RuleContext, RuleFinding } from './types';
import { listFileEdges } from './unseen-imports';

const REFERENCE = 'ARCHITECTURE.md#dependency-rules';
const TITLE = 'Dependency constraint violation';
const EXTERNAL_TITLE = 'Banned external import';
/** How many dependency paths a notDependOnLibsWithTags finding spells out. */
const MAX_PATHS_SHOWN = 3;

/** Why an edge to another workspace project breaks the constraints. */
type EdgeFault =
  | { kind: 'unconstrained' }
  | { kind: 'only'; constraint: DepConstraint }
  | { kind: 'only-untagged'; constraint: DepConstraint }
  | { kind: 'not'; constraint: DepConstraint; paths: string[][] };

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
  const constraints = ctx.config.constraints;
  if (constraints.length === 0) return findGraphGaps(ctx);
  const applicable = findConstraintsFor(constraints, ctx.project.tags);
  const externalConstraints = applicable.filter(
    (c) => c.bannedExternalImports !== undefined || c.allowedExternalImports !== undefined,
  );
  const faults = new Map<string, EdgeFault | undefined>();
  const judge = (target: string) => {
    if (!faults.has(target)) faults.set(target, judgeProjectEdge(ctx, applicable, target));
    return faults.get(target);
  };
  const findings: RuleFinding[] = findGraphGaps(ctx);
  for (const file of ctx.project.files) {
    if (!isSourceFile(file)) continue;
    const failing = new Map<string, EdgeFault>();
    const packages = new Set<string>();
    for (const dep of listFileEdges(ctx, file, ctx.project)) {
      if (dep === ctx.project.name) continue;
      if (ctx.graph.nodes[dep] || ctx.projects[dep]) {
        const fault = judge(dep);
        if (fault) failing.set(dep, fault);
      } else if (externalConstraints.length > 0) {
        const pkg = packageNameOfNode(ctx, dep);
        if (pkg && mayBanPackage(externalConstraints, pkg)) packages.add(pkg);
      }
    }
    if (failing.size === 0 && packages.size === 0) continue;
    findings.push(...checkFile(ctx, file, failing, packages, externalConstraints));
  }
  return findings;
}

/** The first fault of an edge to `target`, in constraint order, as ESLint reports one per import. */
function judgeProjectEdge(ctx: RuleContext, applicable: DepConstraint[], target: string): EdgeFault | undefined {
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
  failing: Map<string, EdgeFault>,
  packages: Set<string>,
  externalConstraints: DepConstraint[],
): RuleFinding[] {
  const findings: RuleFinding[] = [];
  const located = new Set<string>();
  for (const site of readImportSites(ctx, file)) {
    const { project, externalPackage } = site.resolved;
    const fault = project ? failing.get(project) : undefined;
    if (project && fault) {
      located.add(project);
      findings.push(describeEdgeFault(ctx, fault, project, { file, ...positionOf(site), found: site.specifier }));
    } else if (!project && externalPackage && packages.has(externalPackage)) {
      const constraint = findBanningConstraint(externalConstraints, site.specifier);
      if (constraint) findings.push(describeBannedImport(ctx, constraint, site, file));
    }
  }
  for (const [project, fault] of failing) {
    if (!located.has(project)) {
      findings.push(describeEdgeFault(ctx, fault, project, { file, line: 0, column: 0, found: project }));
    }
  }
  return findings;
}

function positionOf(site: ImportSite): { line: number; column: number } {
  return { line: site.line, column: site.column };
}

type Location = Pick<RuleFinding, 'file' | 'line' | 'column' | 'found'>;

function describeEdgeFault(ctx: RuleContext, fault: EdgeFault, target: string, at: Location): RuleFinding {
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

function describeBannedImport(ctx: RuleContext, constraint: DepConstraint, site: ImportSite, file: string): RuleFinding {
  const source = describeSource(constraint);
  const banned = (constraint.bannedExternalImports ?? []).some((p) => matchesImportPattern(p, site.specifier));
  const allowed = constraint.allowedExternalImports ?? [];
  const expected = banned
    ? `${source} must not import ${joinWithOr(constraint.bannedExternalImports ?? [])}`
    : allowed.length === 0
      ? `${source} may import no external packages`
      : `${source} may import only these external packages: ${allowed.join(', ')}`;
  const fix = banned
    ? `Remove this import of ${site.specifier}, or move the code that needs it into a project whose constraints allow it`
    : `Remove this import of ${site.specifier}, or add it to allowedExternalImports of this constraint in ${ctx.config.file} if ${source} should use it`;
  return {
    title: EXTERNAL_TITLE,
    file,
    line: site.line,
    column: site.column,
    found: site.specifier,
    expected,
    fix: withExplanation(fix, constraint),
    reference: REFERENCE,
  };
}

/** The source side of a constraint in words: `scope:billing`, `scope:billing and type:ui`, `every project`. */
function describeSource(constraint: DepConstraint): string {
  if (isComboConstraint(constraint)) return (constraint.allSourceTags ?? []).join(' and ');
  return constraint.sourceTag === '*' ? 'every project' : (constraint.sourceTag ?? '');
}

/**
 * The tag to suggest as a new home for shared code: an allowed plain tag the project does not
 * carry itself (`scope:shared` for billing), else the first allowed plain tag.
 */
function suggestHomeTag(allowed: string[], ownTags: string[]): string | undefined {
  const plain = allowed.filter(isPlainTag);
  return plain.find((tag) => !hasTag(ownTags, tag)) ?? plain[0];
}

function withExplanation(fix: string, constraint: DepConstraint): string {
  return constraint.explanation ? `${fix}. Why: ${constraint.explanation}` : fix;
}
