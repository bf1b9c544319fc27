import { readConventions } from '../config/read-conventions';
import { readHarnessConfig } from '../config/read-harness-config';
import { renderAgentsMap } from '../docs/render-docs';
import { renderCommandsSection, renderModuleAgents } from '../docs/render-agents';
import { BILLING_AGENTS, ROOT_AGENTS, createWorkspace, runAll, runRule } from '../testing/agents-md-fixture';
import { agentsMdRule, toComparableLine } from './agents-md';

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
});
