import type { ModuleConventions } from './read-conventions';
import type { HarnessConfig, RuleDeclaration, RuleSetting } from './types';

/**
 * A rule's effective setting for one module: CONVENTIONS.md front matter over harness.yaml over
 * the rule's default, severity whole and options key by key. The one place this is decided; the
 * check, `harness:report`, `harness:adopt` and the MCP explanation all ask here, so they agree.
 * Without `module`, the workspace's setting (harness.yaml over the default).
 */
export function resolveRuleSetting(rule: RuleDeclaration, config: HarnessConfig, module?: Pick<ModuleConventions, 'rules'>): RuleSetting {
  const workspace = config.rules[rule.id];
  const local = module?.rules[rule.id];
  return {
    severity: local?.severity ?? workspace?.severity ?? rule.defaultSeverity,
    options: { ...rule.defaultOptions, ...workspace?.options, ...local?.options },
  };
}
