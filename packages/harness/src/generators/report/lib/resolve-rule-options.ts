import type { ModuleConventions } from '../../../config/read-conventions';
import type { HarnessConfig } from '../../../config/types';
import type { Rule } from '../../../rules/types';

/**
 * A rule's options for one module, merged in the check's order (rule default, then harness.yaml,
 * then CONVENTIONS.md front matter), so the report looks where the check looks.
 */
export function resolveRuleOptions(rule: Rule, config: HarnessConfig, module: ModuleConventions): Record<string, unknown> {
  return { ...rule.defaultOptions, ...config.rules[rule.id]?.options, ...module.rules[rule.id]?.options };
}
