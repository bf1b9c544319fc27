import { DEFAULT_CONVENTIONS, HARNESS_CONFIG_FILE } from './defaults';
import { DEFAULT_DEPENDENCY_OPTIONS } from './dependency-options';
import type { HarnessConfig, RuleDeclaration } from './types';
import { expectRecord, rejectUnknownKeys, validateConstraints, validateConventions, validateRules } from './validate-config';
import { DEPENDENCY_OPTION_KEYS, validateDependencyOptions } from './validate-dependency-options';
import { parseYamlSource } from './yaml-source';

export { HARNESS_CONFIG_FILE };

const TOP_LEVEL_KEYS = ['$schema', 'dependencies', 'rules', 'conventions'];

/**
 * Reads harness.yaml from its text (undefined when the file does not exist), validates it and
 * applies defaults. Throws HarnessConfigError naming the file and line of the first problem.
 * `rules` is the rule table (config sits below rules, so it is passed in): each rule's options are
 * checked against its schema here, at load.
 */
export function readHarnessConfig(text: string | undefined, rules: readonly RuleDeclaration[], file = HARNESS_CONFIG_FILE): HarnessConfig {
  const config: HarnessConfig = { file, constraints: [], dependencyOptions: DEFAULT_DEPENDENCY_OPTIONS, rules: {}, conventions: DEFAULT_CONVENTIONS };
  if (text === undefined || text.trim() === '') return config;
  const src = parseYamlSource(file, text);
  const root = expectRecord(src, [], src.data);
  rejectUnknownKeys(src, [], root, TOP_LEVEL_KEYS);
  const dependencies = expectRecord(src, ['dependencies'], root.dependencies);
  rejectUnknownKeys(src, ['dependencies'], dependencies, ['constraints', ...DEPENDENCY_OPTION_KEYS]);
  config.constraints = validateConstraints(src, ['dependencies', 'constraints'], dependencies.constraints);
  config.dependencyOptions = validateDependencyOptions(src, ['dependencies'], dependencies);
  config.rules = validateRules(src, ['rules'], root.rules, rules);
  const conventions = expectRecord(src, ['conventions'], root.conventions);
  rejectUnknownKeys(src, ['conventions'], conventions, ['naming', 'coverage', 'tests', 'layers']);
  config.conventions = validateConventions(src, ['conventions'], conventions, DEFAULT_CONVENTIONS);
  return config;
}
