import { agentsMdRule } from './agents-md';
import { apiContractRule } from './api-contract';
import { circularRule } from './circular';
import { coverageRule } from './coverage';
import { dependencyConstraintsRule } from './dependency-constraints';
import { docsRule } from './docs';
import { fileSizeRule } from './file-size';
import { layersRule } from './layers';
import { namingRule } from './naming';
import { noConsoleRule } from './no-console';
import { publicApiRule } from './public-api';
import { testsRule } from './tests';
import type { Rule } from './types';

/** Every rule, in report order. Ids are stable: configs and baselines name them. */
export const RULES: Rule[] = [
  dependencyConstraintsRule,
  publicApiRule,
  circularRule,
  layersRule,
  namingRule,
  docsRule,
  agentsMdRule,
  testsRule,
  coverageRule,
  fileSizeRule,
  noConsoleRule,
  apiContractRule,
];

export const RULE_IDS = RULES.map((r) => r.id);

export function findRule(id: string): Rule | undefined {
  return RULES.find((r) => r.id === id);
}
