import type { DepConstraint } from '../core/dep-constraint';
import { isComboConstraint, matchesImportPattern } from '../core/tag-match';
import type { NestedPackage, TransitiveFault } from './external-dependencies';
import { joinRoot, joinWithOr, type ImportSite } from './import-sites';
import type { RuleContext, RuleFinding } from './types';

/** Where a finding points: the file, the import's position and the import as written. */
export type Location = Pick<RuleFinding, 'file' | 'line' | 'column' | 'found'>;

const REFERENCE = 'ARCHITECTURE.md#dependency-rules';

/** The source side of a constraint in words: `scope:billing`, `scope:billing and type:ui`, `every project`. */
export function describeSource(constraint: DepConstraint): string {
  if (isComboConstraint(constraint)) return (constraint.allSourceTags ?? []).join(' and ');
  return constraint.sourceTag === '*' ? 'every project' : (constraint.sourceTag ?? '');
}

export function withExplanation(fix: string, constraint: DepConstraint): string {
  return constraint.explanation ? `${fix}. Why: ${constraint.explanation}` : fix;
}

/** enforceBuildableLibDependency: a buildable library imports one that cannot be built. */
export function describeNonBuildableImport(ctx: RuleContext, target: string, at: Location): RuleFinding {
  const targets = ctx.config.dependencyOptions?.buildTargets ?? ['build'];
  return {
    ...at,
    kind: 'dependency-constraints/non-buildable-import',
    title: 'Buildable library imports a non-buildable library',
    expected: `${ctx.project.name} has a ${targets.join(' or ')} target, so every library it imports has one too (enforceBuildableLibDependency)`,
    fix: `Add a ${targets[0]} target to ${target}, or move the code ${ctx.project.name} needs into a buildable library`,
    reference: REFERENCE,
  };
}

/** A static import of a project that this project also loads lazily, which defeats the lazy load. */
export function describeStaticLazyImport(target: string, at: Location): RuleFinding {
  return {
    ...at,
    kind: 'dependency-constraints/static-lazy-import',
    title: 'Static import of a lazy-loaded project',
    expected: `${target} is loaded lazily (import()) by this project, so it is never imported statically`,
    fix: `Load ${at.found} with import() here too, import only types from it (import type), or list it under checkDynamicDependenciesExceptions in harness.yaml if the static import is meant`,
    reference: REFERENCE,
  };
}

/** banTransitiveDependencies: the package is not declared where this project can rely on it. */
export function describeTransitiveImport(ctx: RuleContext, fault: TransitiveFault, packageName: string, at: Location): RuleFinding {
  const manifest = joinRoot(ctx.project.root, 'package.json');
  const declared = ctx.exists(manifest) ? `${manifest} or the root package.json` : 'the root package.json';
  return {
    ...at,
    kind: fault === 'unresolved' ? 'dependency-constraints/uninstalled-package' : 'dependency-constraints/transitive-package',
    title: fault === 'unresolved' ? 'Import of a package that is not installed' : 'Import of a transitive dependency',
    expected: `every package ${ctx.project.name} imports is declared in ${declared} (banTransitiveDependencies)`,
    fix:
      fault === 'unresolved'
        ? `Install ${packageName} and declare it in ${declared}, or fix the import if it names no real package`
        : `Declare ${packageName} in ${declared} (dependencies, devDependencies or peerDependencies) instead of relying on a package that depends on it`,
    reference: REFERENCE,
  };
}

/** checkNestedExternalImports: one finding per banned package the imported project leads to. */
export function describeNestedPackages(ctx: RuleContext, constraint: DepConstraint, packages: NestedPackage[], target: string, at: Location, source: string): RuleFinding[] {
  return packages.map(({ packageName, usedBy }) => ({
    ...at,
    kind: 'dependency-constraints/banned-nested-import',
    title: 'Banned external import through a dependency',
    expected: `${source} must not use ${packageName}, not even through the projects it depends on`,
    fix: withExplanation(
      `Stop importing ${target}${usedBy === target ? '' : ` (it leads to ${usedBy})`}, which uses ${packageName}, or move the code ${ctx.project.name} needs into a project that does not use it`,
      constraint,
    ),
    reference: REFERENCE,
  }));
}

/** An external import that a constraint bans, or that its allow-list leaves out. */
export function describeBannedImport(ctx: RuleContext, constraint: DepConstraint, site: ImportSite, file: string): RuleFinding {
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
    kind: 'dependency-constraints/banned-external-import',
    title: 'Banned external import',
    file,
    line: site.line,
    column: site.column,
    found: site.specifier,
    expected,
    fix: withExplanation(fix, constraint),
    reference: REFERENCE,
  };
}
