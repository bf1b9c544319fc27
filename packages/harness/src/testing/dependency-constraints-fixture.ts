/** Shared setup of the dependency-constraints specs (rules/dependency-constraints*.spec.ts). */

import type { DepConstraint } from '../core/dep-constraint';
import type { CheckContext } from '../collect/types';
import { checkDependencyConstraints } from '../rules/dependency-constraints';
import { createTestCheckContext, createTestRuleContext, type TestProject } from './create-test-context';

export const INVOICE = 'modules/billing/src/lib/invoice.ts';

export const BASE_FILES: Record<string, string> = {
  'modules/billing/src/index.ts': "export * from './lib/invoice';\n",
  'modules/shared/src/index.ts': 'export const money = 1;\n',
  'modules/auth/src/index.ts': 'export const token = 1;\n',
};

/** billing (tagged `billingTags`), shared (scope:shared) and auth (scope:auth). */
export function createProjects(billingTags = ['scope:billing']): TestProject[] {
  return [
    { name: 'billing', root: 'modules/billing', tags: billingTags },
    { name: 'shared', root: 'modules/shared', tags: ['scope:shared'] },
    { name: 'auth', root: 'modules/auth', tags: ['scope:auth'] },
  ];
}

/** One case: billing's files on top of BASE_FILES, the constraints, and changes to the check before the rule runs. */
export interface Setup {
  files?: Record<string, string>;
  constraints: DepConstraint[];
  billingTags?: string[];
  edges?: Array<[string, string]>;
  adjust?: (check: CheckContext) => void;
}

/** The check context of one case, with lodash and react as the npm packages of the graph. */
export function createCheck(setup: Setup): CheckContext {
  const check = createTestCheckContext({
    projects: createProjects(setup.billingTags),
    files: { ...BASE_FILES, ...setup.files },
    edges: setup.edges,
    externalPackages: ['lodash', 'react'],
    config: { constraints: setup.constraints },
  });
  setup.adjust?.(check);
  return check;
}

/** Runs dependency-constraints over billing for one case. */
export function runRule(setup: Setup) {
  return checkDependencyConstraints(createTestRuleContext(createCheck(setup), 'billing'));
}

/** billing's invoice.ts importing `specifier`. */
export const importing = (specifier: string) => ({ [INVOICE]: `import { x } from '${specifier}';\nexport const y = x;\n` });

export const BILLING_ONLY_SHARED: DepConstraint = {
  sourceTag: 'scope:billing',
  onlyDependOnLibsWithTags: ['scope:billing', 'scope:shared'],
};
