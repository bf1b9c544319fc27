import type { Location } from './describe-boundary-findings';
import { isSourceFile, joinRoot } from './import-sites';
import type { RuleContext } from './types';
import { listFileEdges } from './unseen-imports';

/** A project-graph edge that no import of a source file makes, and where it is declared. */
export interface GraphOnlyEdge {
  target: string;
  at: Location;
}

/**
 * The edges to other workspace projects that only the project graph holds (`edges: graph`): a
 * package.json dependency, an `implicitDependencies` entry, an edge another Nx plugin adds. Each
 * points at the line of package.json or project.json that names the target, else at the project root.
 */
export function listGraphOnlyEdges(ctx: RuleContext): GraphOnlyEdge[] {
  const self = ctx.project.name;
  const imported = new Set<string>();
  for (const file of ctx.project.files) {
    if (isSourceFile(file)) for (const dep of listFileEdges(ctx, file, ctx.project)) imported.add(dep);
  }
  const edges: GraphOnlyEdge[] = [];
  for (const { target } of ctx.graph.dependencies[self] ?? []) {
    if (target === self || imported.has(target) || !(ctx.graph.nodes[target] || ctx.projects[target])) continue;
    imported.add(target);
    edges.push({ target, at: locateDeclaration(ctx, target) });
  }
  return edges;
}

function locateDeclaration(ctx: RuleContext, target: string): Location {
  const names = new Set([target, ...(ctx.projects[target]?.importAliases ?? []), ...readPackageNames(ctx, target)]);
  for (const file of [joinRoot(ctx.project.root, 'package.json'), joinRoot(ctx.project.root, 'project.json')]) {
    const text = ctx.readText(file);
    const at = text === undefined ? undefined : findQuotedName(text, names);
    if (at) return { file, ...at, found: target };
  }
  return { file: ctx.project.root || '.', line: 0, column: 0, found: target };
}

/** The npm name of a project: Nx's metadata, else its package.json. */
function readPackageNames(ctx: RuleContext, project: string): string[] {
  const node = ctx.graph.nodes[project] as { data: { root?: string; metadata?: { js?: { packageName?: string } } } } | undefined;
  const fromMetadata = node?.data.metadata?.js?.packageName;
  if (fromMetadata) return [fromMetadata];
  const root = ctx.projects[project]?.root ?? node?.data.root;
  const text = root === undefined ? undefined : ctx.readText(joinRoot(root, 'package.json'));
  try {
    const name = text ? (JSON.parse(text) as { name?: unknown }).name : undefined;
    return typeof name === 'string' ? [name] : [];
  } catch {
    return [];
  }
}

/** The first line holding one of the names as a quoted string, skipping the file's own `"name":` field. */
function findQuotedName(text: string, names: Set<string>): { line: number; column: number } | undefined {
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (/^\s*"name"\s*:/.test(lines[i])) continue;
    for (const name of names) {
      const column = lines[i].indexOf(JSON.stringify(name));
      if (column >= 0) return { line: i + 1, column: column + 1 };
    }
  }
  return undefined;
}
