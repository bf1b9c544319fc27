import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CreateNodesResult } from '@nx/devkit';
import { nameWorkspaceProject } from '../core/workspace-project';
import { createWorkspaceTarget, type HarnessPluginOptions } from './harness-target';

/** The files `nx g harness:init` writes at the root and the workspace check judges. */
export const WORKSPACE_DOCS = ['BRIEF.md', 'AGENTS.md', 'ARCHITECTURE.md'];

/**
 * The workspace check: `harness-check` on Nx's root project (root `.`), which owns the files no
 * other project owns, so a change to BRIEF.md touches it alone in `nx affected`. It exists once the
 * root holds a workspace document; before `harness:init` there is nothing workspace-level to judge.
 *
 * A root project.json names the project itself, so only the target is added to it. Otherwise the
 * project is named as Nx names a root package.json project (`nx.name`, then `name`), so adding
 * `"nx": {}` to the root package.json later keeps the same project.
 */
export function inferWorkspaceProject(
  files: readonly string[],
  workspaceRoot: string,
  executor: string,
  options: HarnessPluginOptions,
): readonly [string, CreateNodesResult] | undefined {
  const configFile = ['project.json', 'package.json'].find((f) => files.includes(f));
  if (!configFile || !WORKSPACE_DOCS.some((doc) => fs.existsSync(path.join(workspaceRoot, doc)))) return undefined;
  const targets = { [options.targetName ?? 'harness-check']: createWorkspaceTarget(executor) };
  if (configFile === 'project.json') return [configFile, { projects: { '.': { root: '.', targets } } }];
  const packageJson = readText(path.join(workspaceRoot, 'package.json'));
  const name = nameWorkspaceProject(packageJson);
  if (hasNxSection(packageJson)) return [configFile, { projects: { '.': { name, root: '.', targets } } }];
  // A project harness alone makes is no library: `nx release` by default versions every public
  // library with a package.json, and the root package.json was never one of them.
  return [configFile, { projects: { '.': { name, root: '.', projectType: 'application', targets } } }];
}

function readText(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

/** Nx itself makes a root package.json with an `nx` section a project; its settings stand. */
function hasNxSection(packageJson: string | undefined): boolean {
  try {
    return (JSON.parse(packageJson ?? '') as { nx?: unknown }).nx !== undefined;
  } catch {
    return false;
  }
}
