import type { ExecutorContext } from '@nx/devkit';
import { checkProjects } from '../../check/check-projects';
import { normalizeCheckOptions } from '../../check/normalize-options';
import { isHarnessConfigError } from '../../config/config-error';
import { loadNxLogger } from './nx-logger';
import { readNxBatchBehaviour } from './nx-runtime';
import type { CheckExecutorSchema } from './schema';

/** `nx run <project>:harness-check`: checks one project and prints its report. */
export default async function checkExecutor(
  schema: CheckExecutorSchema,
  context: ExecutorContext,
): Promise<{ success: boolean }> {
  const logger = loadNxLogger();
  let options;
  try {
    options = normalizeCheckOptions(schema);
  } catch (error) {
    if (!isHarnessConfigError(error)) throw error;
    logger.info(error.message);
    return { success: false };
  }
  const project = context.projectName;
  if (!project || !context.projectGraph) {
    logger.info('harness: harness-check needs a project; run it as `nx run <project>:harness-check`');
    return { success: false };
  }
  const outcomes = await checkProjects({ workspaceRoot: context.root, graph: context.projectGraph, projects: [project], options });
  const outcome = outcomes[project];
  // Plain logger.info for findings too: logger.error would colour the block, and agents and
  // scripts read the remediation format line by line.
  logger.info(outcome.output);
  const hint = describeBatchHint(context);
  if (hint) logger.info(hint);
  return { success: outcome.success };
}

/**
 * Before Nx 22.6, `nx run-many` ignores `preferBatch` and starts a process per project. The
 * first harness-check task of such a run (by id, so exactly one prints it) says how to batch.
 */
export function describeBatchHint(context: ExecutorContext): string | undefined {
  const tasks = Object.values(context.taskGraph?.tasks ?? {}).filter((task) => task.target.target === context.targetName);
  if (tasks.length < 2) return undefined;
  const [first] = [...tasks].sort((a, b) => a.id.localeCompare(b.id));
  if (first.target.project !== context.projectName) return undefined;
  const nx = readNxBatchBehaviour(context.root);
  if (nx.batchesByItself) return undefined;
  return (
    `harness: Nx ${nx.version} starts one process per project for harness-check (${tasks.length} here); ` +
    `add --batch (\`nx run-many -t ${context.targetName} --batch\`) or set NX_BATCH_MODE=true to check them all in one process`
  );
}
