import { logger, type ExecutorContext } from '@nx/devkit';
import { checkProjects } from '../../check/check-projects';
import { normalizeCheckOptions } from '../../check/normalize-options';
import { isHarnessConfigError } from '../../config/config-error';
import type { CheckExecutorSchema } from './schema';

/** `nx run <project>:harness-check`: checks one project and prints its report. */
export default async function checkExecutor(
  schema: CheckExecutorSchema,
  context: ExecutorContext,
): Promise<{ success: boolean }> {
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
  return { success: outcome.success };
}
