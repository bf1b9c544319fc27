import type { Conventions, HarnessConfig, RuleDeclaration, RuleSetting } from './types';
import { expectRecord, rejectUnknownKeys, validateConventions, validateRules } from './validate-config';
import { extractFrontMatter, parseYamlSource } from './yaml-source';

/** A module's resolved conventions plus its per-module rule overrides. */
export interface ModuleConventions {
  conventions: Conventions;
  rules: Record<string, RuleSetting>;
}

/**
 * Reads the YAML front matter of a module's CONVENTIONS.md over the workspace config.
 * A file without front matter (or no file) simply inherits harness.yaml.
 */
export function readConventions(
  file: string,
  text: string | undefined,
  config: HarnessConfig,
  rules: readonly RuleDeclaration[],
): ModuleConventions {
  const front = text === undefined ? undefined : extractFrontMatter(text);
  if (!front) return { conventions: config.conventions, rules: {} };
  const src = parseYamlSource(file, front.yaml, front.firstLine - 1);
  const root = expectRecord(src, [], src.data);
  rejectUnknownKeys(src, [], root, ['naming', 'coverage', 'tests', 'layers', 'rules']);
  return {
    conventions: validateConventions(src, [], root, config.conventions),
    rules: validateRules(src, ['rules'], root.rules, rules),
  };
}
