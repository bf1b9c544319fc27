import type { DepConstraint, ImportKind } from '../core/dep-constraint';
import type { TagFault } from '../core/edge-judgement';
import type { FindingKind } from '../core/finding-kinds';
import { hasTag, isPlainTag } from '../core/tag-match';
import { describeNestedPackages, describeSource, withExplanation, type Location } from './describe-boundary-findings';
import type { NestedPackage } from './external-dependencies';
import { joinRoot, joinWithOr } from './import-sites';
import type { RuleContext, RuleFinding } from './types';
import { CODE_EXTENSION } from '../core/source-files';

const REFERENCE = 'ARCHITECTURE.md#dependency-rules';
const TITLE = 'Dependency constraint violation';
/** The finding kind of each edge fault: the constraint key the edge breaks. */
const KIND_OF_FAULT = {
  unconstrained: 'dependency-constraints/unconstrained',
  only: 'dependency-constraints/only-depend-on',
  'only-untagged': 'dependency-constraints/only-untagged',
  not: 'dependency-constraints/not-depend-on',
} as const satisfies Record<Exclude<EdgeFault['kind'], 'nested'>, FindingKind>;
/** How many dependency paths a notDependOnLibsWithTags finding spells out. */
const MAX_PATHS_SHOWN = 3;

/** Why an edge to another workspace project breaks the constraints. */
export type EdgeFault = TagFault | { kind: 'nested'; constraint: DepConstraint; packages: NestedPackage[] };

/**
 * What the Fix adds about the kind of import: ESLint's reading (a static import) adds nothing; a
 * type-only or lazy import names itself and the `importKinds` that would let it through.
 */
const KIND_NOTES: Record<ImportKind, string> = {
  static: '',
  type: '. This is a type-only import (erased at run time): add importKinds: [static, dynamic] to this constraint in harness.yaml if type-only imports are fine here',
  dynamic: '. This is a lazy import(): add importKinds: [static, type] to this constraint in harness.yaml if lazy imports are fine here',
};

/** Test, story and mock files: the ones users ask to give their own rule (nrwl/nx#18151, #8818). */
const TEST_FILE = new RegExp(`\\.(spec|test|stories)${CODE_EXTENSION}$|(^|/)__mocks__/`);

/** The harness.yaml key that would let this import through, when the constraint does not set it yet. */
function suggestOption(constraint: DepConstraint, importKind: ImportKind, file: string): string {
  if (importKind !== 'static') return constraint.importKinds ? '' : KIND_NOTES[importKind];
  if (!TEST_FILE.test(file) || constraint.files || constraint.excludeFiles) return '';
  return '. If only test files need it, add excludeFiles: ["**/*.spec.ts"] to this constraint in harness.yaml, and a constraint with files: ["**/*.spec.ts"] that allows it';
}

/** The findings of one import (or one import-less edge) that breaks the constraints. */
export function describeFault(ctx: RuleContext, fault: EdgeFault, target: string, at: Location, importKind: ImportKind = 'static'): RuleFinding[] {
  if (fault.kind !== 'nested') return [describeEdgeFault(ctx, fault, target, at, importKind)];
  return describeNestedPackages(ctx, fault.constraint, fault.packages, target, at, describeSource(fault.constraint));
}

function describeEdgeFault(ctx: RuleContext, fault: Exclude<EdgeFault, { kind: 'nested' }>, target: string, at: Location, importKind: ImportKind): RuleFinding {
  if (fault.kind === 'unconstrained') return { ...at, ...describeUnconstrained(ctx), kind: KIND_OF_FAULT.unconstrained, title: TITLE, reference: REFERENCE };
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
  return { ...at, kind: KIND_OF_FAULT[fault.kind], title: TITLE, expected, fix: withExplanation(fix + suggestOption(fault.constraint, importKind, at.file), fault.constraint), reference: REFERENCE };
}

export function tagsOf(ctx: RuleContext, project: string): string[] {
  return ctx.projects[project]?.tags ?? ctx.graph.nodes[project]?.data.tags ?? [];
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
