import { readConventions } from '../config/read-conventions';
import { readHarnessConfig } from '../config/read-harness-config';
import { renderAgentsMap } from '../docs/render-docs';
import { renderCommandsSection, renderModuleAgents } from '../docs/render-agents';
import { createTestCheckContext, createTestRuleContext } from '../testing/create-test-context';
import type { RuleFinding } from './types';
import type { CheckContext } from '../collect/types';
import { agentsMdRule, checkAgentsMd, toComparableLine } from './agents-md';

const ROOT_AGENTS = [
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

const BILLING_AGENTS = ['# billing', '', '## Commands', '', '- Tests: `npx nx test billing`.', '- Entry point: `src/index.ts`; see [README](README.md#purpose).', ''].join('\n');

/** Two modules and the workspace project (root '', judging the root AGENTS.md) with agent docs that pass; `files` adds or replaces files, `omit` removes some. */
function createWorkspace(files: Record<string, string> = {}, omit: string[] = []): CheckContext {
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

function setTargets(check: CheckContext, targets: Record<string, string[]>): void {
  for (const [project, names] of Object.entries(targets)) {
    (check.graph.nodes[project].data as { targets?: Record<string, object> }).targets = Object.fromEntries(names.map((t) => [t, {}]));
  }
}

function runRule(check: CheckContext, project: string, options: Record<string, unknown> = {}): RuleFinding[] {
  return checkAgentsMd(createTestRuleContext(check, project, { setting: { options } }));
}

const runAll = (check: CheckContext, options: Record<string, unknown> = {}) => ['workspace', 'billing', 'shared'].flatMap((p) => runRule(check, p, options));

describe('agents-md', () => {
  it('is a workspace rule with budgets as options', () => {
    expect(agentsMdRule.id).toBe('agents-md');
    expect(agentsMdRule.defaultOptions).toEqual({ maxLines: 100, moduleMaxLines: 40, chainBytes: 32768 });
  });

  it('passes agent docs whose paths, links, anchors, scripts and targets all exist', () => {
    expect(runAll(createWorkspace())).toEqual([]);
  });

  it('passes the AGENTS.md files that harness generates', () => {
    const targets = { billing: ['test', 'harness-check'], shared: ['build', 'harness-check'] };
    const check = createWorkspace({
      'AGENTS.md': ['# AGENTS.md', '', renderAgentsMap(renderCommandsSection(targets, 'workspace')), ''].join('\n'),
      'modules/billing/AGENTS.md': renderModuleAgents({ name: 'billing', root: 'modules/billing', tags: ['scope:billing', 'type:feature'], importPath: '@acme/billing', naming: 'snake_case', targets: targets.billing }),
      'modules/billing/CONVENTIONS.md': '# billing conventions\n',
      'harness.yaml': 'rules: {}\n',
      'docs/index.md': '# Docs\n',
    });
    expect(runAll(check)).toEqual([]);
  });

  describe('which project reports a file', () => {
    it('reports the root AGENTS.md on the workspace project only, never on a module', () => {
      const check = createWorkspace({ 'AGENTS.md': ROOT_AGENTS + '- See `docs/gone.md`.\n' });
      expect(runRule(check, 'workspace').map((f) => f.found)).toEqual(['docs/gone.md']);
      expect([...runRule(check, 'billing'), ...runRule(check, 'shared')]).toEqual([]);
    });

    it("reports a module's own AGENTS.md on that module only", () => {
      const check = createWorkspace({ 'modules/shared/AGENTS.md': '# shared\n\nSee `src/gone.ts`.\n' });
      expect(runRule(check, 'billing')).toEqual([]);
      expect(runRule(check, 'shared').map((f) => [f.file, f.found])).toEqual([['modules/shared/AGENTS.md', 'src/gone.ts']]);
    });

    it('reports a folder AGENTS.md above modules on the first project below it', () => {
      const check = createWorkspace({ 'modules/AGENTS.md': '# modules\n\nSee `gone/`.\n' });
      expect(runRule(check, 'billing').map((f) => [f.file, f.found])).toEqual([['modules/AGENTS.md', 'gone/']]);
      expect(runRule(check, 'shared')).toEqual([]);
    });
  });

  describe('budgets', () => {
    it('reports a root AGENTS.md longer than maxLines', () => {
      const findings = runRule(createWorkspace(), 'workspace', { maxLines: 10 });
      expect(findings).toEqual([
        {
          kind: 'agents-md/over-line-budget',
          title: 'AGENTS.md over its line budget',
          file: 'AGENTS.md',
          line: 0,
          column: 0,
          found: '15 lines',
          expected: 'at most 10 lines: AGENTS.md is a map that points onward, not a manual',
          fix: 'Cut AGENTS.md to 10 lines: move detail into docs/, ARCHITECTURE.md or a module README and leave a one-line link to it',
          reference: 'ARCHITECTURE.md#documentation',
        },
      ]);
    });

    it('holds a module AGENTS.md to moduleMaxLines, not maxLines', () => {
      const findings = runRule(createWorkspace(), 'billing', { moduleMaxLines: 5 });
      expect(findings.map((f) => [f.file, f.found])).toEqual([['modules/billing/AGENTS.md', '6 lines']]);
    });

    it('reports a module whose chain of AGENTS.md files is over chainBytes, naming the largest file', () => {
      const findings = runRule(createWorkspace(), 'billing', { chainBytes: 500 });
      const rootBytes = Buffer.byteLength(ROOT_AGENTS);
      const total = rootBytes + Buffer.byteLength(BILLING_AGENTS);
      expect(findings).toEqual([
        {
          kind: 'agents-md/over-chain-budget',
          title: 'AGENTS.md chain over its byte budget',
          file: 'modules/billing/AGENTS.md',
          line: 0,
          column: 0,
          found: `${total} bytes in AGENTS.md + modules/billing/AGENTS.md`,
          expected: 'at most 500 bytes from the root AGENTS.md down to modules/billing/, since agents read the files joined and cut them off at a budget',
          fix: `Shorten the chain by ${total - 500} bytes: move detail out of the largest file, AGENTS.md (${rootBytes} bytes), into docs/ or a README and link to it`,
          reference: 'ARCHITECTURE.md#documentation',
        },
      ]);
    });

    it('counts the chain of a module without its own AGENTS.md too', () => {
      const findings = runRule(createWorkspace(), 'shared', { chainBytes: 100 });
      expect(findings.map((f) => [f.title, f.file])).toEqual([['AGENTS.md chain over its byte budget', 'AGENTS.md']]);
    });

    it('refuses an invalid budget when harness.yaml loads, so the rule never checks with it', () => {
      const text = 'rules:\n  agents-md:\n    severity: error\n    chainBytes: big\n';
      expect(() => readHarnessConfig(text, [agentsMdRule])).toThrow(
        'harness: harness.yaml:4: "chainBytes" must be a whole number, got "big"; write chainBytes: 32768 (the default), or remove it',
      );
    });

    it('refuses a budget under 1 in a module\'s CONVENTIONS.md front matter too', () => {
      const text = '---\nrules:\n  agents-md: { severity: error, moduleMaxLines: 0 }\n---\n# Conventions\n';
      expect(() => readConventions('modules/billing/CONVENTIONS.md', text, readHarnessConfig(undefined, [agentsMdRule]), [agentsMdRule])).toThrow(
        'harness: modules/billing/CONVENTIONS.md:3: "moduleMaxLines" must be at least 1, got 0; write moduleMaxLines: 40 (the default), or remove it',
      );
    });
  });

  describe('repeated lines', () => {
    it('reports a line copied from the root AGENTS.md into a module AGENTS.md', () => {
      const check = createWorkspace({ 'modules/billing/AGENTS.md': BILLING_AGENTS + '* Import another module only through its entry point.\n' });
      expect(runRule(check, 'billing')).toEqual([
        {
          kind: 'agents-md/repeated-line',
          title: 'Line repeated from a parent AGENTS.md',
          file: 'modules/billing/AGENTS.md',
          line: 7,
          column: 1,
          found: '* Import another module only through its entry point.',
          expected: 'a nested AGENTS.md says only what differs for its folder; this line is already AGENTS.md:14',
          fix: 'Remove line 7 from modules/billing/AGENTS.md: agents already read it in AGENTS.md',
          reference: 'ARCHITECTURE.md#documentation',
        },
      ]);
    });

    it('compares with every folder above, nearest first', () => {
      const check = createWorkspace({
        'modules/AGENTS.md': '# modules\n\nEvery module has its own README file.\n',
        'modules/billing/AGENTS.md': BILLING_AGENTS + 'Every module has its own README file.\n',
      });
      expect(runRule(check, 'billing').map((f) => f.expected)).toEqual([
        'a nested AGENTS.md says only what differs for its folder; this line is already modules/AGENTS.md:3',
      ]);
    });

    it.each([
      ['## Commands', 'a shared heading is structure'],
      ['', 'a blank line'],
      ['| --- | --- |', 'a table separator'],
      ['<!-- harness:start -->', 'a marker'],
      ['```sh', 'a fence'],
      ['- See README.', 'a line of fewer than three words'],
    ])('lets `%s` repeat (%s)', (line) => {
      expect(toComparableLine(line)).toBeUndefined();
    });

    it('compares lines without their list markers and extra spaces', () => {
      expect(toComparableLine('1.  Run   the   tests first')).toBe(toComparableLine('- Run the tests first'));
    });
  });

  describe('paths', () => {
    it('reports a backticked path that was renamed away, suggesting what the folder now holds', () => {
      const renamed = createWorkspace({ 'modules/billing/src/lib/invoices.ts': 'export {};\n' }, ['modules/billing/src/lib/billing.ts']);
      expect(runRule(renamed, 'workspace')).toEqual([
        {
          kind: 'agents-md/missing-path',
          title: 'Missing path in agent docs',
          file: 'AGENTS.md',
          line: 15,
          column: 25,
          found: 'modules/billing/src/lib/billing.ts',
          expected: 'every path AGENTS.md names exists, relative to the file, the workspace root or a project root',
          fix: 'Point `modules/billing/src/lib/billing.ts` in AGENTS.md at an existing path such as `modules/billing/src/lib/invoices.ts`, or remove the line',
          reference: 'ARCHITECTURE.md#documentation',
        },
      ]);
    });

    it('suggests a file that kept its name but moved', () => {
      const check = createWorkspace({ 'modules/billing/AGENTS.md': '# billing\n\nStart at `src/main/index.ts`.\n' });
      expect(runRule(check, 'billing').map((f) => f.fix)).toEqual([
        'Point `src/main/index.ts` in modules/billing/AGENTS.md at an existing path such as `modules/billing/src/index.ts`, `modules/shared/src/index.ts`, or remove the line',
      ]);
    });

    it('accepts paths relative to the file, the workspace root or a project root, and bare file names', () => {
      const check = createWorkspace({
        'AGENTS.md': '# Map\n\n`modules/billing/README.md`, `src/lib/billing.ts`, `billing.ts`, `package.json`, `/BRIEF.md`.\n',
        'modules/billing/AGENTS.md': '# billing\n\n`README.md`, `./src/index.ts`, `../shared/src/index.ts`.\n',
      });
      expect(runAll(check)).toEqual([]);
    });

    it('resolves a bare name against a folder named earlier on the same line', () => {
      const check = createWorkspace({ 'AGENTS.md': '# Map\n\n- `tools/`: `gen.mjs`, `gone.mjs`.\n- `other.mjs`\n', 'tools/gen.mjs': '', 'tools/other.mjs': '' });
      expect(runRule(check, 'workspace').map((f) => [f.line, f.found])).toEqual([
        [3, 'gone.mjs'],
        [4, 'other.mjs'],
      ]);
    });

    it('says to remove a path when nothing near it exists', () => {
      const check = createWorkspace({ 'AGENTS.md': '# Map\n\nSee `vendor/legacy/tool.sh`.\n' });
      expect(runRule(check, 'workspace').map((f) => f.fix)).toEqual(['Remove `vendor/legacy/tool.sh` from AGENTS.md, or create it']);
    });
  });

  describe('links and anchors', () => {
    it('reports a relative link to a missing file', () => {
      const check = createWorkspace({ 'modules/billing/AGENTS.md': '# billing\n\nSee [the guide](docs/guide.md).\n' });
      expect(runRule(check, 'billing')).toEqual([
        {
          kind: 'agents-md/broken-link',
          title: 'Broken link in agent docs',
          file: 'modules/billing/AGENTS.md',
          line: 3,
          column: 5,
          found: 'docs/guide.md',
          expected: 'every relative link in AGENTS.md resolves to a file or folder in the workspace',
          fix: 'Point `docs/guide.md` in modules/billing/AGENTS.md at an existing path such as `modules/billing/AGENTS.md`, `modules/billing/README.md`, or remove the line',
          reference: 'ARCHITECTURE.md#documentation',
        },
      ]);
    });

    it('reports a link that leaves the workspace', () => {
      const check = createWorkspace({ 'AGENTS.md': '# Map\n\n[spec](../shared/SPEC.md)\n' });
      expect(runRule(check, 'workspace').map((f) => [f.title, f.found])).toEqual([['Broken link in agent docs', '../shared/SPEC.md']]);
    });

    it('reports an anchor that is not a heading of the target, listing the headings', () => {
      const check = createWorkspace({ 'AGENTS.md': '# Map\n\n[brief](BRIEF.md#modules) and [here](#nowhere).\n' });
      expect(runRule(check, 'workspace')).toEqual([
        {
          kind: 'agents-md/broken-anchor',
          title: 'Broken anchor in agent docs',
          file: 'AGENTS.md',
          line: 3,
          column: 1,
          found: 'BRIEF.md#modules',
          expected: '#modules is a heading of BRIEF.md',
          fix: 'Point the link at an existing heading of BRIEF.md, one of: #brief, #module-map, #module-map-1; or add a "modules" heading there',
          reference: 'ARCHITECTURE.md#documentation',
        },
        expect.objectContaining({ found: '#nowhere', fix: 'Point the link at an existing heading of AGENTS.md, one of: #map; or add a "nowhere" heading there' }),
      ]);
    });

    it('accepts duplicate-heading anchors, folders, URLs, reference links and images that exist', () => {
      const check = createWorkspace({
        'AGENTS.md': '# Map\n\n[a](BRIEF.md#module-map-1) [b](modules/billing/) [c](https://nx.dev) [d][ref] ![e](modules/billing/README.md)\n\n[ref]: ARCHITECTURE.md#architecture\n',
      });
      expect(runRule(check, 'workspace')).toEqual([]);
    });

    it('says to drop the anchor when the target has no headings', () => {
      const check = createWorkspace({ 'AGENTS.md': '# Map\n\n[x](package.md#top)\n', 'package.md': 'plain text\n' });
      expect(runRule(check, 'workspace').map((f) => f.fix)).toEqual(['Remove #top from the link: package.md has no headings']);
    });
  });

  describe('commands', () => {
    it('reports an npm script that package.json does not have, listing the ones it has', () => {
      const check = createWorkspace({ 'AGENTS.md': ROOT_AGENTS.replace('npm run build', 'npm run compile') });
      expect(runRule(check, 'workspace')).toEqual([
        {
          kind: 'agents-md/unknown-script',
          title: 'Unknown npm script in agent docs',
          file: 'AGENTS.md',
          line: 7,
          column: 4,
          found: 'npm run compile',
          expected: '"compile" is a script in package.json',
          fix: 'Add a "compile" script to package.json, or change the command to one of: build, test',
          reference: 'ARCHITECTURE.md#documentation',
        },
      ]);
    });

    it("accepts a script of the module's own package.json in its AGENTS.md", () => {
      const check = createWorkspace({
        'modules/billing/AGENTS.md': '# billing\n\n`npm run migrate`\n',
        'modules/billing/package.json': JSON.stringify({ scripts: { migrate: 'x' } }),
      });
      expect(runRule(check, 'billing')).toEqual([]);
    });

    it('reports a target the project does not have, listing the ones it has', () => {
      const check = createWorkspace({ 'modules/billing/AGENTS.md': '# billing\n\n`npx nx run billing:lint`\n' });
      expect(runRule(check, 'billing')).toEqual([
        {
          kind: 'agents-md/unknown-target',
          title: 'Unknown Nx target in agent docs',
          file: 'modules/billing/AGENTS.md',
          line: 3,
          column: 6,
          found: 'nx run billing:lint',
          expected: '"lint" is a target of billing',
          fix: 'Change "lint" to an existing target, one of: harness-check, test; or add a "lint" target to billing (`npx nx sync` regenerates the harness commands list)',
          reference: 'ARCHITECTURE.md#documentation',
        },
      ]);
    });

    it('reads `nx <target> <project>` the same way', () => {
      const check = createWorkspace({ 'modules/billing/AGENTS.md': '# billing\n\n```sh\nnpx nx e2e billing --watch\n```\n' });
      expect(runRule(check, 'billing').map((f) => [f.line, f.found, f.expected])).toEqual([[4, 'nx e2e billing', '"e2e" is a target of billing']]);
    });

    it('reports a project that is not in the graph, listing the projects', () => {
      const check = createWorkspace({ 'AGENTS.md': ROOT_AGENTS.replace('billing:test', 'payments:test') });
      expect(runRule(check, 'workspace')).toEqual([
        expect.objectContaining({
          kind: 'agents-md/unknown-project',
          title: 'Unknown Nx project in agent docs',
          found: 'nx run payments:test',
          expected: '"payments" is a project in the Nx project graph',
          fix: 'Change "payments" to an existing project, one of: billing, shared, workspace (`npx nx show projects` lists them)',
        }),
      ]);
    });

    it('reports a run-many target that no project has', () => {
      const check = createWorkspace({ 'AGENTS.md': ROOT_AGENTS.replace('-t harness-check', '-t harness-check,lint') });
      expect(runRule(check, 'workspace')).toEqual([
        expect.objectContaining({
          kind: 'agents-md/unknown-target',
          title: 'Unknown Nx target in agent docs',
          found: 'nx run-many -t harness-check,lint',
          expected: '"lint" is a target of some project',
          fix: 'Change "lint" to an existing target, one of: build, harness-check, test (`npx nx sync` regenerates the harness commands list)',
        }),
      ]);
    });

    it('checks the target of a command whose project is a placeholder against every project', () => {
      const check = createWorkspace({ 'AGENTS.md': ROOT_AGENTS.replace('nx test <module>', 'nx lint <module>') });
      expect(runRule(check, 'workspace').map((f) => f.expected)).toEqual(['"lint" is a target of some project']);
    });

    it('skips target checks when the graph carries no targets', () => {
      const check = createWorkspace({ 'AGENTS.md': ROOT_AGENTS.replace('billing:test', 'billing:anything') });
      for (const node of Object.values(check.graph.nodes)) delete (node.data as { targets?: unknown }).targets;
      expect(runRule(check, 'workspace')).toEqual([]);
    });
  });
});
