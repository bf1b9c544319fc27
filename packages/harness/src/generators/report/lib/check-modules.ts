import type { ProjectGraph, Tree } from '@nx/devkit';
import { runCheck } from '../../../check/run-check';
import { collectWorkspace } from '../../../collect/collect-workspace';
import type { ProjectFiles } from '../../../collect/read-file-map';
import { HARNESS_CONFIG_FILE, readHarnessConfig } from '../../../config/read-harness-config';
import { sortFindings, type Finding } from '../../../core/finding';
import { RULES } from '../../../rules';
import type { CheckContext, ProjectInfo } from '../../../collect/types';

export interface ModuleCheck {
  context: CheckContext;
  /** Every project but the workspace root, by name. */
  modules: ProjectInfo[];
  /** All findings of the real check over those modules, in report order. */
  findings: Finding[];
}

/**
 * Runs the real harness-check over every module, with the same collect and rules as the executor,
 * so the report's findings are the ones `nx run-many -t harness-check` prints.
 */
export async function checkModules(tree: Tree, graph: ProjectGraph, projectFiles?: ProjectFiles): Promise<ModuleCheck> {
  const configText = tree.exists(HARNESS_CONFIG_FILE) ? tree.read(HARNESS_CONFIG_FILE, 'utf-8') ?? undefined : undefined;
  const config = readHarnessConfig(configText, RULES);
  const context = await collectWorkspace({ workspaceRoot: tree.root, graph, config, projectFiles });
  const modules = Object.values(context.projects)
    .filter((p) => p.root !== '')
    .sort((a, b) => a.name.localeCompare(b.name));
  const { findings } = await runCheck(context, modules.map((m) => m.name));
  return { context, modules, findings: sortFindings(findings) };
}
