import { logger, type Tree } from '@nx/devkit';
import { HARNESS_CONFIG_FILE, readHarnessConfig } from '../../../config/read-harness-config';
import { isHarnessConfigError } from '../../../config/config-error';
import { resolveRuleSetting } from '../../../config/resolve-rule-setting';
import type { CoverageThresholds } from '../../../config/types';
import { RULES } from '../../../rules';
import { docsRule } from '../../../rules/docs';

/** What adopt takes from harness.yaml: the coverage every module starts from and the sections the docs rule requires. */
export interface WorkspaceSettings {
  coverage: CoverageThresholds;
  readmeSections: string[];
  conventionsSections: string[];
}

/**
 * Reads harness.yaml as the check will, so the documents adopt writes satisfy the docs rule as it
 * is configured. A broken harness.yaml is reported and the defaults are used: adopting does not
 * need it, and the check will name the problem again.
 */
export function readWorkspaceSettings(tree: Tree): WorkspaceSettings {
  let config = readHarnessConfig(undefined, RULES);
  try {
    config = readHarnessConfig(tree.read(HARNESS_CONFIG_FILE, 'utf-8') ?? undefined, RULES);
  } catch (error) {
    if (!isHarnessConfigError(error)) throw error;
    logger.warn(`${error.message} (adopt used the default conventions)`);
  }
  const docs = resolveRuleSetting(docsRule, config).options as { readmeSections: string[]; conventionsSections: string[] };
  return { coverage: config.conventions.coverage, readmeSections: docs.readmeSections, conventionsSections: docs.conventionsSections };
}
