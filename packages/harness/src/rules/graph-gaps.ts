import { isSourceFile, joinRoot, readImportSites } from './import-sites';
import type { RuleContext, RuleFinding } from './types';
import type { UnknownDep } from '../collect/types';

const REFERENCE = 'ARCHITECTURE.md#dependency-rules';

/**
 * Where Nx's graph cannot show the project's edges, so no check of them can be trusted to be
 * complete: Nx did not analyse imports at all, or a file depends on a node nobody owns. Each is
 * a finding of the project, so a run is never green while harness is half blind.
 */
export function findGraphGaps(ctx: RuleContext): RuleFinding[] {
  const findings: RuleFinding[] = [];
  if (ctx.importAnalysis === false) {
    const blind = describeMissingAnalysis(ctx);
    if (blind) findings.push(blind);
  }
  for (const file of ctx.project.files) {
    for (const dep of ctx.unknownDeps?.[file] ?? []) findings.push(describeUnknownNode(ctx, file, dep));
  }
  return findings;
}

/** One finding, at the project's first import of another project, when Nx analysed no imports. */
function describeMissingAnalysis(ctx: RuleContext): RuleFinding | undefined {
  for (const file of [...ctx.project.files].sort()) {
    if (!isSourceFile(file)) continue;
    const site = readImportSites(ctx, file).find((s) => s.resolved.project && s.resolved.project !== ctx.project.name);
    if (!site) continue;
    return {
      kind: 'dependency-constraints/no-import-analysis',
      title: "Nx's project graph holds no import analysis",
      file,
      line: site.line,
      column: site.column,
      found: site.specifier,
      expected:
        'Nx analyses TypeScript imports, so every import between projects is an edge of its graph ' +
        '(without it, `nx affected`, task caching and the cycle checks see only package.json edges)',
      fix: `Add "@nx/js" to devDependencies in the root package.json, at the version of "nx", and install it; Nx analyses imports only when @nx/js (or another @nx/ framework plugin) is declared there`,
      reference: REFERENCE,
    };
  }
  return undefined;
}

function describeUnknownNode(ctx: RuleContext, file: string, { node, packageName: pkg }: UnknownDep): RuleFinding {
  const site = pkg && isSourceFile(file) ? readImportSites(ctx, file).find((s) => s.resolved.externalPackage === pkg) : undefined;
  const manifest = joinRoot(ctx.project.root, 'package.json');
  const fix = pkg
    ? `Run \`nx reset\` so Nx rebuilds its graph; if ${node} is still there, declare "${pkg}" in ${manifest} and install it, or, if a workspace project is meant, give that project's package.json the name "${pkg}"`
    : `Run \`nx reset\` so Nx rebuilds its graph from the current projects; if ${node} is still there, rename the import to a project that exists`;
  return {
    kind: 'dependency-constraints/unknown-graph-node',
    title: 'Dependency on a node missing from the Nx project graph',
    file,
    line: site?.line ?? 0,
    column: site?.column ?? 0,
    found: node,
    expected: "every dependency in Nx's file map names a workspace project or an external package, so its edge can be judged",
    fix,
    reference: REFERENCE,
  };
}
