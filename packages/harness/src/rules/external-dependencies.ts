import { isBuiltin } from 'node:module';
import type { ProjectGraph } from '@nx/devkit';
import type { DepConstraint } from '../core/dep-constraint';
import { matchesImportPattern } from '../core/tag-match';
import { joinRoot } from './import-sites';
import type { CheckContext } from '../collect/types';

/**
 * The npm side of ESLint's module-boundaries rule beyond banned imports: `banTransitiveDependencies`
 * (only packages a package.json declares) and `checkNestedExternalImports` (the banned packages
 * that the projects a dependency leads to use).
 */

/** What an import of a package breaks under banTransitiveDependencies, if anything. */
export type TransitiveFault = 'undeclared' | 'unresolved';

const packageNamesByGraph = new WeakMap<ProjectGraph, Set<string>>();

function listExternalPackages(graph: ProjectGraph): Set<string> {
  let names = packageNamesByGraph.get(graph);
  if (!names) {
    names = new Set(Object.values(graph.externalNodes ?? {}).map((node) => node.data.packageName));
    packageNamesByGraph.set(graph, names);
  }
  return names;
}

/**
 * ESLint reports an import of an installed package that neither the project's package.json nor the
 * root one declares (dependencies, devDependencies or peerDependencies), and an import that
 * resolves to nothing at all, unless it is a Node.js (or Bun) built-in.
 */
export function judgeTransitiveImport(ctx: CheckContext, projectRoot: string, packageName: string): TransitiveFault | undefined {
  if (isBuiltin(packageName) || packageName.startsWith('node:') || packageName.startsWith('bun:')) return undefined;
  if (!listExternalPackages(ctx.graph).has(packageName)) return 'unresolved';
  return declaresPackage(ctx, '', packageName) || declaresPackage(ctx, projectRoot, packageName) ? undefined : 'undeclared';
}

function declaresPackage(ctx: CheckContext, root: string, packageName: string): boolean {
  const text = ctx.readText(joinRoot(root, 'package.json'));
  if (text === undefined) return false;
  try {
    const manifest = JSON.parse(text);
    return ['dependencies', 'devDependencies', 'peerDependencies'].some((field) => !!manifest?.[field]?.[packageName]);
  } catch {
    return false;
  }
}

/** A package a project reached through the dependency uses, which a constraint bans. */
export interface NestedPackage {
  packageName: string;
  /** The project that depends on the package. */
  usedBy: string;
}

/**
 * The external packages used by `target` and every project it leads to (each once per project),
 * that the constraint bans: a bannedExternalImports glob matches the package name, or an
 * allowedExternalImports list exists and none of its globs does.
 */
export function findNestedBannedPackages(graph: ProjectGraph, target: string, constraint: DepConstraint): NestedPackage[] {
  const found: NestedPackage[] = [];
  for (const project of listReachableProjects(graph, target)) {
    const seen = new Set<string>();
    for (const dep of graph.dependencies[project] ?? []) {
      const packageName = graph.externalNodes?.[dep.target]?.data.packageName;
      if (!packageName || seen.has(packageName)) continue;
      seen.add(packageName);
      if (isBannedPackage(constraint, packageName)) found.push({ packageName, usedBy: project });
    }
  }
  return found;
}

function isBannedPackage(constraint: DepConstraint, packageName: string): boolean {
  if ((constraint.bannedExternalImports ?? []).some((pattern) => matchesImportPattern(pattern, packageName))) return true;
  const allowed = constraint.allowedExternalImports;
  return allowed !== undefined && !allowed.some((pattern) => matchesImportPattern(pattern, packageName));
}

/** `start` and every workspace project reachable from it, in graph order. */
function listReachableProjects(graph: ProjectGraph, start: string): string[] {
  const seen = new Set([start]);
  const queue = [start];
  for (let i = 0; i < queue.length; i++) {
    for (const dep of graph.dependencies[queue[i]] ?? []) {
      if (graph.nodes[dep.target] && !seen.has(dep.target)) {
        seen.add(dep.target);
        queue.push(dep.target);
      }
    }
  }
  return [...Object.keys(graph.nodes)].filter((name) => seen.has(name));
}
