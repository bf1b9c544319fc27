import { docsRule } from './docs';
import type { Rule } from './types';

/** Every rule, in report order. Ids are stable: configs and baselines name them. */
export const RULES: Rule[] = [docsRule];

export const RULE_IDS = RULES.map((r) => r.id);

export function findRule(id: string): Rule | undefined {
  return RULES.find((r) => r.id === id);
}
