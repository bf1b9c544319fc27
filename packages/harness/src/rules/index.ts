import { circularRule } from './circular';
import { dependencyConstraintsRule } from './dependency-constraints';
import { docsRule } from './docs';
import { layersRule } from './layers';
import { publicApiRule } from './public-api';
import type { Rule } from './types';

/** Every rule, in report order. Ids are stable: configs and baselines name them. */
export const RULES: Rule[] = [dependencyConstraintsRule, publicApiRule, circularRule, layersRule, docsRule];

export const RULE_IDS = RULES.map((r) => r.id);

export function findRule(id: string): Rule | undefined {
  return RULES.find((r) => r.id === id);
}
