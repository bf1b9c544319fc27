import { ROOT_AGENTS, createWorkspace, runAll, runRule } from '../testing/agents-md-fixture';

describe('agents-md', () => {
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
