import type { ExecutorContext, TaskGraph } from '@nx/devkit';
import { checkProjects } from '../../check/check-projects';
import { normalizeCheckOptions } from '../../check/normalize-options';
import { isHarnessConfigError } from '../../config/config-error';
import { loadNxLogger } from './nx-logger';
import { readNxBatchBehaviour } from './nx-runtime';
import type { CheckExecutorSchema } from './schema';

interface BatchTaskResult {
  success: boolean;
  terminalOutput: string;
}

/**
 * Nx batch mode: `nx run-many -t harness-check` hands every task to one call, so the graph,
 * the file map and each parsed source are read once for the whole run, not once per project.
 * Tasks with different options (rare) are grouped and each group collects once.
 *
 * It yields each task's result: Nx 22.4.2 and later print a batch task's output only for
 * results that arrive as a stream; results returned all at once are cached but never shown.
 * Older Nx prints no result of a fresh batch run at all, so there harness prints each report
 * itself, under the same `> nx run <task>` line Nx prints for a task of its own.
 */
export default async function* checkBatch(
  taskGraph: TaskGraph,
  inputs: Record<string, CheckExecutorSchema>,
  overrides: CheckExecutorSchema,
  context: ExecutorContext,
): AsyncGenerator<{ task: string; result: BatchTaskResult }> {
  const results = await checkAllTasks(taskGraph, inputs, overrides, context);
  if (!readNxBatchBehaviour(context.root).printsBatchResults) printResults(results);
  for (const [task, result] of Object.entries(results)) {
    yield { task, result };
  }
}

function printResults(results: Record<string, BatchTaskResult>): void {
  const logger = loadNxLogger();
  for (const [task, result] of Object.entries(results)) {
    logger.info(`\n> nx run ${task}\n`);
    logger.info(result.terminalOutput);
  }
}

/** Every task's result, with one collect per group of tasks that share their options. */
export async function checkAllTasks(
  taskGraph: TaskGraph,
  inputs: Record<string, CheckExecutorSchema>,
  overrides: CheckExecutorSchema,
  context: ExecutorContext,
): Promise<Record<string, BatchTaskResult>> {
  const results: Record<string, BatchTaskResult> = {};
  // Nx hands each task its options with `{projectName}` already filled in, so the report path
  // differs per project; it must not split the batch, or each project would collect on its own.
  type Group = { options: CheckExecutorSchema; taskIds: string[]; outputFiles: Record<string, string | undefined> };
  const groups = new Map<string, Group>();
  for (const taskId of Object.keys(taskGraph.tasks)) {
    const { outputFile, 'output-file': kebabOutputFile, ...shared } = (inputs[taskId] ?? overrides) as CheckExecutorSchema & { 'output-file'?: string };
    const key = JSON.stringify(shared);
    const group: Group = groups.get(key) ?? { options: shared, taskIds: [], outputFiles: {} };
    group.taskIds.push(taskId);
    group.outputFiles[taskGraph.tasks[taskId].target.project] = outputFile ?? kebabOutputFile;
    groups.set(key, group);
  }
  for (const { options: raw, taskIds, outputFiles } of groups.values()) {
    let options;
    try {
      options = normalizeCheckOptions(raw);
    } catch (error) {
      if (!isHarnessConfigError(error)) throw error;
      for (const id of taskIds) results[id] = { success: false, terminalOutput: error.message };
      continue;
    }
    const projectOf = (id: string) => taskGraph.tasks[id].target.project;
    const outcomes = await checkProjects({
      workspaceRoot: context.root,
      graph: context.projectGraph!,
      projects: taskIds.map(projectOf),
      options,
      outputFiles,
    });
    for (const id of taskIds) {
      const outcome = outcomes[projectOf(id)];
      results[id] = { success: outcome.success, terminalOutput: outcome.output };
    }
  }
  return results;
}
