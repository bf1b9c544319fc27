/** Shared setup of the agents-md specs (rules/agents-md*.spec.ts). */

import type { CheckContext } from '../collect/types';
import { checkAgentsMd } from '../rules/agents-md';
import type { RuleFinding } from '../rules/types';
import { createTestCheckContext, createTestRuleContext } from './create-test-context';

/** A root AGENTS.md whose paths, links, scripts and targets all exist in createWorkspace. */
export const ROOT_AGENTS = [
  '# AGENTS.md',
  '',
  'Start with [the brief](BRIEF.md#module-map), then [ARCHITECTURE.md](ARCHITECTURE.md).',
  '',
  '## Commands',
  '',
  '- `npm run build`: build everything.',
  '- `npx nx run billing:test`: test billing.',
  '- `npx nx run-many -t harness-check`: check every project.',
  '- `npx nx test <module>`: test one module.',
  '',
  '## Rules',
  '',
  '- Import another module only through its entry point.',
  '- Module code lives in `modules/billing/src/lib/billing.ts` and `modules/shared/`.',
  '',
].join('\n');

/** billing's own AGENTS.md, passing too. */
export const BILLING_AGENTS = ['# billing', '', '## Commands', '', '- Tests: `npx nx test billing`.', '- Entry point: `src/index.ts`; see [README](README.md#purpose).', ''].join('\n');

/** Two modules and the workspace project (root '', judging the root AGENTS.md) with agent docs that pass; `files` adds or replaces files, `omit` removes some. */
export function createWorkspace(files: Record<string, string> = {}, omit: string[] = []): CheckContext {
  const all: Record<string, string> = {
    'package.json': JSON.stringify({ scripts: { build: 'tsc', test: 'jest' } }),
    'AGENTS.md': ROOT_AGENTS,
    'BRIEF.md': '# Brief\n\n## Module map\n\n## Module map\n',
    'ARCHITECTURE.md': '# Architecture\n',
    'modules/billing/AGENTS.md': BILLING_AGENTS,
    'modules/billing/README.md': '# billing\n\n## Purpose\n\nBills.\n',
    'modules/billing/src/index.ts': 'export {};\n',
    'modules/billing/src/lib/billing.ts': 'export const x = 1;\n',
    'modules/shared/src/index.ts': 'export {};\n',
    ...files,
  };
  for (const file of omit) delete all[file];
  const check = createTestCheckContext({
    projects: [
      { name: 'billing', root: 'modules/billing', tags: ['scope:billing'] },
      { name: 'shared', root: 'modules/shared', tags: ['scope:shared'] },
      { name: 'workspace', root: '' },
    ],
    files: all,
  });
  setTargets(check, { billing: ['test', 'harness-check'], shared: ['build', 'harness-check'], workspace: ['harness-check'] });
  return check;
}

/** Gives each project of the graph the named targets, as Nx's project graph carries them. */
function setTargets(check: CheckContext, targets: Record<string, string[]>): void {
  for (const [project, names] of Object.entries(targets)) {
    (check.graph.nodes[project].data as { targets?: Record<string, object> }).targets = Object.fromEntries(names.map((t) => [t, {}]));
  }
}

/** Runs agents-md over one project with the given options. */
export function runRule(check: CheckContext, project: string, options: Record<string, unknown> = {}): RuleFinding[] {
  return checkAgentsMd(createTestRuleContext(check, project, { setting: { options } }));
}

/** Runs agents-md over every project of createWorkspace. */
export const runAll = (check: CheckContext, options: Record<string, unknown> = {}) => ['workspace', 'billing', 'shared'].flatMap((p) => runRule(check, p, options));
