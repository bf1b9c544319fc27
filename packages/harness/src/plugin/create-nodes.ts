import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CreateNodes, CreateNodesContext, CreateNodesResult } from '@nx/devkit';
import { parse as parseYaml } from 'yaml';
import { createHarnessTarget, type HarnessPluginOptions } from './harness-target';
import { resolvePluginName } from './resolve-plugin-name';
import { inferWorkspaceProject } from './workspace-project';

const PROJECT_FILES = '**/{project.json,package.json}';

/**
 * Infers `harness-check` on every project, with no edit to any project.json. A package.json counts
 * only where Nx would make it a project: inside the npm workspaces and without a project.json.
 * The root is the workspace check (`./workspace-project.ts`), not a module.
 */
export const createNodes: CreateNodes<HarnessPluginOptions> = [
  PROJECT_FILES,
  (files, options, context) => {
    const executor = `${resolvePluginName(context.workspaceRoot)}:check`;
    const workspaceGlobs = readWorkspaceGlobs(context.workspaceRoot);
    const targetName = options?.targetName ?? 'harness-check';
    const results: Array<readonly [string, CreateNodesResult]> = [];
    for (const file of files) {
      const root = path.posix.dirname(file);
      if (root === '.' || !isProjectFile(file, root, workspaceGlobs, context)) continue;
      results.push([file, { projects: { [root]: { targets: { [targetName]: createHarnessTarget(executor, options ?? {}) } } } }]);
    }
    const workspace = inferWorkspaceProject(files, context.workspaceRoot, executor, options ?? {});
    if (workspace) results.push(workspace);
    return results;
  },
];

/** Nx 21 and 22 look for `createNodesV2`; Nx 23 reads `createNodes` with the same signature. */
export const createNodesV2 = createNodes;

function isProjectFile(file: string, root: string, workspaceGlobs: WorkspaceGlobs, context: CreateNodesContext): boolean {
  if (file.endsWith('project.json')) return true;
  if (fs.existsSync(path.join(context.workspaceRoot, root, 'project.json'))) return false;
  return workspaceGlobs.include.some((glob) => glob.test(root)) && !workspaceGlobs.exclude.some((glob) => glob.test(root));
}

/**
 * The package workspaces of the root package.json (npm, yarn) and of pnpm-workspace.yaml, as
 * regexes over project roots: where Nx makes a package.json a project. A `!` glob excludes.
 */
function readWorkspaceGlobs(workspaceRoot: string): WorkspaceGlobs {
  const globs = [...readPackageJsonWorkspaces(workspaceRoot), ...readPnpmWorkspaces(workspaceRoot)];
  return {
    include: globs.filter((g) => !g.startsWith('!')).map(globToRegExp),
    exclude: globs.filter((g) => g.startsWith('!')).map((g) => globToRegExp(g.slice(1))),
  };
}

interface WorkspaceGlobs {
  include: RegExp[];
  exclude: RegExp[];
}

function readPackageJsonWorkspaces(workspaceRoot: string): string[] {
  try {
    const pkg = JSON.parse(fs.readFileSync(path.join(workspaceRoot, 'package.json'), 'utf8'));
    const globs: unknown = Array.isArray(pkg.workspaces) ? pkg.workspaces : pkg.workspaces?.packages;
    return Array.isArray(globs) ? globs.filter((g): g is string => typeof g === 'string') : [];
  } catch {
    return [];
  }
}

function readPnpmWorkspaces(workspaceRoot: string): string[] {
  try {
    const text = fs.readFileSync(path.join(workspaceRoot, 'pnpm-workspace.yaml'), 'utf8');
    const packages: unknown = (parseYaml(text) as { packages?: unknown } | null)?.packages;
    return Array.isArray(packages) ? packages.filter((g): g is string => typeof g === 'string') : [];
  } catch {
    return [];
  }
}

export function globToRegExp(glob: string): RegExp {
  const body = glob
    .replace(/\/$/, '')
    .split('/')
    .map((part) => (part === '**' ? '.*' : part.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*')))
    .join('/');
  return new RegExp(`^${body}$`);
}
