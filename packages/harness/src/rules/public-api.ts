import { readDependencyScope } from './dependency-scope';
import { isJudgedFile } from './judged-files';
import { isSourceFile, joinRoot, readImportSites, type ImportSite } from './import-sites';
import type { Rule, RuleContext, RuleFinding } from './types';
import type { ProjectInfo } from '../collect/types';

const REFERENCE = 'ARCHITECTURE.md#dependency-rules';

export const publicApiRule: Rule = {
  id: 'public-api',
  description:
    "Another project may be imported only through its entry point: no deep imports, no relative imports across a project root, and every such import is an edge of the Nx project graph.",
  defaultSeverity: 'error',
  check: checkPublicApi,
};

/** Reads every source file of the project once (the run caches the parse) and judges each import. */
export function checkPublicApi(ctx: RuleContext): RuleFinding[] {
  const scope = readDependencyScope(ctx);
  const findings: RuleFinding[] = [];
  for (const file of ctx.project.files) {
    if (!isSourceFile(file) || scope.isIgnoredFile(file) || !isJudgedFile(ctx, file)) continue;
    for (const site of readImportSites(ctx, file)) {
      const targetName = site.resolved.project;
      if (!targetName || targetName === ctx.project.name || scope.isAllowedImport(site.specifier)) continue;
      const target = ctx.projects[targetName];
      if (!target) continue;
      if (isRelative(site.specifier)) {
        findings.push(describeRelativeImport(target, site, file));
      } else if (site.resolved.viaEntryPoint === false) {
        findings.push(describeDeepImport(target, site, file));
      }
      // No entry in the file map means no file map at all; only a present entry can miss an edge.
      // Only an edge missing from the project graph itself: with source analysis off
      // (`analyzeSourceFiles: false`) the file map holds no file's imports, yet package.json
      // gives Nx every project edge, and the dependency rules judge the parsed imports anyway.
      const deps = ctx.fileDeps[file];
      if (deps && !deps.includes(targetName) && !hasProjectEdge(ctx, targetName)) findings.push(describeMissingEdge(ctx, target, site, file));
    }
  }
  return findings;
}

function isRelative(specifier: string): boolean {
  return specifier.startsWith('.') || specifier.startsWith('/');
}

function describeDeepImport(target: ProjectInfo, site: ImportSite, file: string): RuleFinding {
  return {
    kind: 'public-api/deep-import',
    title: 'Deep import into another module',
    ...at(site, file),
    expected: `${target.name} is imported only through its entry point`,
    fix: suggestEntryPoint(target),
    reference: REFERENCE,
  };
}

function describeRelativeImport(target: ProjectInfo, site: ImportSite, file: string): RuleFinding {
  return {
    kind: 'public-api/relative-import',
    title: 'Relative import across a project root',
    ...at(site, file),
    expected: `${target.name} is imported only through its entry point, never by a relative path`,
    fix: suggestEntryPoint(target),
    reference: REFERENCE,
  };
}

function hasProjectEdge(ctx: RuleContext, target: string): boolean {
  return (ctx.graph.dependencies[ctx.project.name] ?? []).some((dep) => dep.target === target);
}

function describeMissingEdge(ctx: RuleContext, target: ProjectInfo, site: ImportSite, file: string): RuleFinding {
  const manifest = joinRoot(ctx.project.root, 'package.json');
  const packageName = aliasUsedBy(site.specifier, target) ?? target.importAliases[0] ?? target.name;
  return {
    kind: 'public-api/missing-graph-edge',
    title: 'Import missing from the Nx project graph',
    ...at(site, file),
    expected: `every import of another workspace project is an edge of the Nx project graph (${ctx.project.name} -> ${target.name})`,
    fix:
      ctx.importAnalysis === false
        ? `Add "@nx/js" to devDependencies in the root package.json (at the version of "nx") and install it, so Nx analyses imports and sees this edge`
        : `Declare the dependency in ${manifest} ("${packageName}": "*" under "dependencies") so Nx sees the edge`,
    reference: REFERENCE,
  };
}

function at(site: ImportSite, file: string): Pick<RuleFinding, 'file' | 'line' | 'column' | 'found'> {
  return { file, line: site.line, column: site.column, found: site.specifier };
}

/** The alias a specifier starts with: `@org/billing` for `@org/billing/src/lib/x`. */
function aliasUsedBy(specifier: string, target: ProjectInfo): string | undefined {
  return target.importAliases.find((alias) => specifier === alias || specifier.startsWith(alias + '/'));
}

/** Names the real alias and entry file, so the agent can rewrite the import without looking. */
function suggestEntryPoint(target: ProjectInfo): string {
  const alias = target.importAliases[0];
  const entry = target.entryPoints[0];
  if (!alias) {
    const file = entry ?? joinRoot(target.root, 'src/index.ts');
    return `Give ${target.name} an import alias for ${file} (a tsconfig.base.json path or its package.json name) and import from that alias instead; if the symbol is not exported there, export it from that entry point`;
  }
  const where = entry ? ` (its entry point ${entry})` : '';
  return `Import from '${alias}'${where} instead; if the symbol is not exported there, export it from that entry point`;
}
