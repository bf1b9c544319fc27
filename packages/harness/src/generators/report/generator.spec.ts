import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { ProjectGraph, Tree } from '@nx/devkit';
import { FsTree, flushChanges } from 'nx/src/generators/tree';
import { MARKER_END, MARKER_START } from '../../docs/markers';
import { reportGenerator } from './generator';
import { RUBRIC } from './lib/rubric';
import type { QualityReport } from './lib/types';
import { writeQualityReport } from './lib/write-quality-report';

jest.mock('@nx/devkit', () => ({ ...jest.requireActual('@nx/devkit'), createProjectGraphAsync: jest.fn() }));

/** Sources are written at this time and coverage reports after it, so no report is stale. */
const SOURCE_TIME = 1_700_000_000;

const writeReadme = (name: string, publicApi = 'Import `greet` from the entry point; it returns a greeting.') =>
  `# ${name}\n\n## Purpose\n\nGreets people by name.\n\n## Public API\n\n${publicApi}\n\n## Dependencies\n\nNone: it imports no other module.\n\n## Testing\n\nRun the tests in tests/, see [the conventions](CONVENTIONS.md#testing).\n`;
const CONVENTIONS =
  '---\nnaming: { functions: camelCase }\ncoverage: { lines: 80, branches: 70, functions: 80, statements: 80 }\n---\n# conventions\n\n## Naming\n\nFunctions are camelCase.\n\n## Dependencies\n\nOnly through entry points.\n\n## Testing\n\nEvery file has a spec.\n\n## Coverage\n\nAt least 80% of lines.\n\n## Layers\n\nNo layers in this module.\n';
const coverageSummary = (pct: number, lines = pct) =>
  JSON.stringify({ total: { lines: { pct: lines }, branches: { pct }, functions: { pct }, statements: { pct } } });

/** A module that should score A: documented, tested, covered, and clean under the check. */
const writeGoodModule = (name: string): Record<string, string> => ({
  [`modules/${name}/README.md`]: writeReadme(name),
  [`modules/${name}/CONVENTIONS.md`]: CONVENTIONS,
  [`modules/${name}/src/index.ts`]: "export function greet(who: string): string {\n  return `hello ${who}`;\n}\n",
  [`modules/${name}/tests/${name}.spec.ts`]: "import { greet } from '../src';\ntest('greets', () => expect(greet('a')).toBe('hello a'));\n",
  [`modules/${name}/coverage/coverage-summary.json`]: coverageSummary(100),
});

/** A module with a placeholder README section, no tests, no coverage report and two error findings. */
const writeWeakModule = (name: string): Record<string, string> => ({
  [`modules/${name}/README.md`]: writeReadme(name, 'TODO: describe the public API.'),
  [`modules/${name}/CONVENTIONS.md`]: CONVENTIONS,
  [`modules/${name}/src/index.ts`]: "export function Greet_Person(): void {\n  console.log('hi');\n}\n",
});

const AGENTS = '# AGENTS.md\n\nStart here. This repo greets people.\n\n- [BRIEF.md](BRIEF.md): what the repo does and the module map.\n- `ARCHITECTURE.md`: the dependency rules.\n- `docs/`: design docs and plans.\n- `harness.yaml`: the rules the check enforces.\n';
const ROOT_DOCS: Record<string, string> = {
  'AGENTS.md': AGENTS,
  'ARCHITECTURE.md': `# Architecture\n\n${MARKER_START}\n## Rules\n\nEvery import between modules goes through an entry point.\n${MARKER_END}\n`,
  'harness.yaml': 'rules:\n  file-size: warn\n',
  'docs/design-docs/index.md': '# Design docs\n\nOne file per decision.\n',
  'docs/exec-plans/active/.gitkeep': '',
  'docs/exec-plans/completed/.gitkeep': '',
  'docs/tech-debt-tracker.md': '# Tech-debt tracker\n\n| Item | Where |\n| --- | --- |\n',
};

const briefFor = (names: string[]) =>
  `# Brief\n\nA repo that greets.\n\n## Module map\n\n${names.map((n) => `- \`${n}\`: [modules/${n}](modules/${n}/README.md)`).join('\n')}\n`;

interface TestWorkspace {
  root: string;
  tree: Tree;
  graph: ProjectGraph;
  projectFiles: Record<string, Array<{ file: string; hash: string; deps: string[] }>>;
}

/**
 * collectWorkspace reads module files from disk while the report reads docs through the tree,
 * so the workspace is written to a temp folder and the tree is an FsTree over that same folder:
 * both then see the same files, as they do when Nx runs the generator.
 */
const roots: string[] = [];
afterAll(() => roots.forEach((root) => fs.rmSync(root, { recursive: true, force: true })));

function writeWorkspace(modules: string[], files: Record<string, string>): TestWorkspace {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'harness-report-'));
  roots.push(root);
  writeFiles(root, files);
  const graph: ProjectGraph = { nodes: {}, dependencies: {} };
  const projectFiles: TestWorkspace['projectFiles'] = {};
  for (const name of modules) {
    graph.nodes[name] = { name, type: 'lib', data: { root: `modules/${name}`, tags: [`scope:${name}`] } };
    graph.dependencies[name] = [];
    projectFiles[name] = Object.keys(files)
      .filter((f) => f.startsWith(`modules/${name}/`))
      .sort()
      .map((file) => ({ file, hash: '1', deps: [] }));
  }
  return { root, tree: new FsTree(root, false), graph, projectFiles };
}

function writeFiles(root: string, files: Record<string, string>): void {
  for (const [file, text] of Object.entries(files)) {
    const full = path.join(root, file);
    fs.mkdirSync(path.dirname(full), { recursive: true });
    fs.writeFileSync(full, text);
    const time = file.endsWith('coverage-summary.json') ? SOURCE_TIME + 100 : SOURCE_TIME;
    fs.utimesSync(full, time, time);
  }
}

const runReport = (ws: TestWorkspace) => writeQualityReport({ tree: ws.tree, graph: ws.graph, projectFiles: ws.projectFiles });
const readTreeText = (tree: Tree, file: string) => tree.read(file, 'utf-8') ?? '';
const findModule = (report: QualityReport, name: string) => report.modules.find((m) => m.name === name)!;
const listGaps = (report: QualityReport, name: string) => Object.values(findModule(report, name).dimensions).flatMap((d) => d.gaps);

describe('report generator', () => {
  const tidy = (modules: Record<string, (name: string) => Record<string, string>>, extra: Record<string, string> = {}) =>
    writeWorkspace(Object.keys(modules), {
      ...ROOT_DOCS,
      'BRIEF.md': briefFor(Object.keys(modules)),
      ...Object.entries(modules).reduce((all, [name, write]) => ({ ...all, ...write(name) }), {}),
      ...extra,
    });

  it('grades a documented, tested, covered and clean module A with no gaps', async () => {
    const report = await runReport(tidy({ billing: writeGoodModule }));
    const billing = findModule(report, 'billing');
    expect({ grade: billing.grade, score: billing.score, findings: billing.findings }).toEqual({ grade: 'A', score: 100, findings: {} });
    expect(listGaps(report, 'billing')).toEqual([]);
    expect(billing.dimensions.docs.evidence).toEqual([
      'modules/billing/README.md: 4/4 required sections with real text, 1/1 relative links resolve',
      'modules/billing/CONVENTIONS.md: 5/5 required sections with real text, no relative links',
    ]);
    expect(billing.dimensions.tests.evidence).toEqual(['1 test file: modules/billing/tests/billing.spec.ts']);
    expect(billing.dimensions.coverage.evidence[0]).toBe(
      'modules/billing/coverage/coverage-summary.json: lines 100% (threshold 80%), branches 100% (threshold 70%), functions 100% (threshold 80%), statements 100% (threshold 80%); the check has no coverage findings',
    );
  });

  it('grades a module with a placeholder section, no tests and error findings F, listing each gap', async () => {
    const report = await runReport(tidy({ billing: writeGoodModule, weak: writeWeakModule }));
    const weak = findModule(report, 'weak');
    expect(weak.grade).toBe('F');
    expect(weak.dimensions.tests.score).toBe(0);
    expect(weak.dimensions.coverage.score).toBe(0);
    expect(weak.findings).toMatchObject({ naming: { errors: 1, warnings: 0 }, 'no-console': { errors: 1, warnings: 0 } });
    const gaps = listGaps(report, 'weak');
    expect(gaps).toContain('Write the Public API section of modules/weak/README.md (it holds only placeholder text)');
    expect(gaps.some((g) => g.includes('modules/weak/tests/weak.spec.ts'))).toBe(true);
    expect(gaps.some((g) => g.includes('`nx test weak --coverage`'))).toBe(true);
    expect(gaps.some((g) => g.includes('Rename to `greetPerson`') && g.includes('(naming, modules/weak/src/index.ts:1)'))).toBe(true);
    expect(gaps.some((g) => g.includes('(no-console, modules/weak/src/index.ts:2)'))).toBe(true);
    expect(findModule(report, 'billing').grade).toBe('A');
  });

  it('caps a module with any error finding at the rubric cap, however high its score', async () => {
    const ws = tidy({ billing: (n) => ({ ...writeGoodModule(n), [`modules/${n}/src/lib/log.ts`]: "export function logIt(): void {\n  console.log('x');\n}\n" }) });
    const billing = findModule(await runReport(ws), 'billing');
    expect(billing.score).toBeGreaterThanOrEqual(RUBRIC.grades[0].min);
    expect(billing.grade).toBe(RUBRIC.gradeCapOnError);
  });

  it('scores coverage from the report totals and lists the check’s Fix line for a shortfall', async () => {
    const ws = tidy({ billing: (n) => ({ ...writeGoodModule(n), [`modules/${n}/coverage/coverage-summary.json`]: coverageSummary(100, 50) }) });
    const coverage = findModule(await runReport(ws), 'billing').dimensions.coverage;
    expect(coverage.score).toBe(100 - RUBRIC.coverageFindingPenalty);
    expect(coverage.evidence[0]).toContain('lines 50% (threshold 80%), branches 100% (threshold 70%)');
    expect(coverage.evidence[0]).toContain('the check has 1 coverage finding');
    expect(coverage.gaps).toEqual([expect.stringMatching(/^Add tests .*lines.*`nx test billing --coverage`$/)]);
  });

  it('lists a broken relative link and a missing document as docs gaps', async () => {
    const ws = tidy({
      billing: (n) => {
        const files = writeGoodModule(n);
        delete files[`modules/${n}/CONVENTIONS.md`];
        return { ...files, [`modules/${n}/README.md`]: writeReadme(n) + '\nSee [the design](docs/design.md).\n' };
      },
    });
    const docs = findModule(await runReport(ws), 'billing').dimensions.docs;
    expect(docs.gaps).toEqual([
      'Fix the link `CONVENTIONS.md#testing` in modules/billing/README.md line 17: modules/billing/CONVENTIONS.md does not exist',
      'Fix the link `docs/design.md` in modules/billing/README.md line 19: modules/billing/docs/design.md does not exist',
      'Create modules/billing/CONVENTIONS.md with the sections Naming, Dependencies, Testing, Coverage, Layers, each describing the module in real text',
    ]);
    // README: 1 + 4 sections passed, links failed; CONVENTIONS: all 7 checks failed.
    expect(docs.score).toBe(Math.round((100 * 5) / 13));
  });

  it('writes the rubric, the legibility table and each module between the markers of QUALITY_SCORE.md', async () => {
    const ws = tidy({ billing: writeGoodModule, weak: writeWeakModule });
    await runReport(ws);
    const text = readTreeText(ws.tree, 'docs/QUALITY_SCORE.md');
    const block = text.slice(text.indexOf(MARKER_START) + MARKER_START.length, text.indexOf(MARKER_END)).trim();
    expect(block.startsWith('Each module scores 0–100 in four dimensions, weighted docs 25, tests 25, coverage 25, findings 25.')).toBe(true);
    expect(block).toContain('Grades: A ≥ 90, B ≥ 80, C ≥ 70, D ≥ 60, else F; a module with any error finding gets C at best.');
    expect(block).toContain('## Workspace legibility: B (86/100)');
    expect(block).toContain('| Module | Grade | Score | Docs | Tests | Coverage | Findings |');
    expect(block).toContain('| [`billing`](#billing) | A | 100 | 100 | 100 | 100 | 100 |');
    expect(block).toContain('### weak');
    expect(block).toContain('1. Write the Public API section of modules/weak/README.md (it holds only placeholder text)');
  });

  it('changes nothing on a second run over an unchanged repository', async () => {
    const ws = tidy({ billing: writeGoodModule, weak: writeWeakModule });
    await runReport(ws);
    expect(ws.tree.listChanges().map((c) => c.path).sort()).toEqual(['docs/QUALITY_SCORE.md', 'quality.json']);
    flushChanges(ws.root, ws.tree.listChanges());
    const again = new FsTree(ws.root, false);
    await writeQualityReport({ tree: again, graph: ws.graph, projectFiles: ws.projectFiles });
    expect(again.listChanges()).toEqual([]);
  });

  it('keeps user text outside the markers and replaces only the block', async () => {
    const ws = tidy({ billing: writeGoodModule }, { 'docs/QUALITY_SCORE.md': `# Our quality\n\nMy notes.\n\n${MARKER_START}\nstale grades\n${MARKER_END}\n\nMore notes.\n` });
    await runReport(ws);
    const text = readTreeText(ws.tree, 'docs/QUALITY_SCORE.md');
    expect(text.startsWith(`# Our quality\n\nMy notes.\n\n${MARKER_START}\nEach module scores`)).toBe(true);
    expect(text.endsWith(`${MARKER_END}\n\nMore notes.\n`)).toBe(true);
    expect(text).not.toContain('stale grades');
  });

  it('writes quality.json with sorted keys and nothing that changes between runs', async () => {
    const ws = tidy({ billing: writeGoodModule });
    await runReport(ws);
    const text = readTreeText(ws.tree, 'quality.json');
    const json = JSON.parse(text);
    expect(Object.keys(json)).toEqual(['legibility', 'modules', 'rubric']);
    expect(json.modules[0]).toEqual({
      dimensions: {
        coverage: { evidence: [expect.stringContaining('coverage-summary.json: lines 100%')], score: 100 },
        docs: { evidence: expect.any(Array), score: 100 },
        findings: { evidence: ['harness-check: no errors or warnings'], score: 100 },
        tests: { evidence: ['1 test file: modules/billing/tests/billing.spec.ts'], score: 100 },
      },
      findings: {},
      gaps: [],
      grade: 'A',
      name: 'billing',
      root: 'modules/billing',
      score: 100,
    });
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}T/);
  });

  it('passes every legibility criterion on a tidy workspace, with the file behind each', async () => {
    const { legibility } = await runReport(tidy({ billing: writeGoodModule }));
    expect(legibility.criteria.map((c) => [c.id, c.passed])).toEqual([
      ['agents-md-written', true],
      ['agents-md-short', true],
      ['agents-md-references', true],
      ['brief-lists-modules', true],
      ['architecture-generated', true],
      ['docs-skeleton', true],
      ['module-docs', true],
    ]);
    expect(legibility.criteria.find((c) => c.id === 'agents-md-references')!.evidence).toBe('AGENTS.md: all 4 paths, links and commands it names exist');
    expect({ score: legibility.score, grade: legibility.grade }).toEqual({ score: 100, grade: 'A' });
  });

  it.each([
    ['AGENTS.md of headings and a TODO', 'agents-md-written', { 'AGENTS.md': '# AGENTS.md\n\n## Map\n\nTODO\n\n- [BRIEF.md](BRIEF.md)\n' }, 'AGENTS.md: only headings, comments or placeholder text'],
    ['AGENTS.md of 128 lines', 'agents-md-short', { 'AGENTS.md': AGENTS + '- more\n'.repeat(120) }, 'AGENTS.md: 128 lines (budget 100)'],
    ['a missing path in AGENTS.md', 'agents-md-references', { 'AGENTS.md': AGENTS + '- [old plan](docs/plan.md) and `src/gone.ts`\n' }, 'AGENTS.md: 2 of 6 do not exist: `docs/plan.md` (line 9), `src/gone.ts` (line 9)'],
    ['an unknown npm script in AGENTS.md', 'agents-md-references', { 'AGENTS.md': AGENTS + '- `npm run deploy`: ship it.\n', 'package.json': '{"scripts":{"test":"jest"}}' }, 'AGENTS.md: 1 of 5 do not exist: `npm run deploy` (line 9)'],
    ['BRIEF.md without the module', 'brief-lists-modules', { 'BRIEF.md': '# Brief\n\nA repo that greets.\n' }, 'BRIEF.md: does not list billing (modules/billing)'],
    ['ARCHITECTURE.md without markers', 'architecture-generated', { 'ARCHITECTURE.md': '# Architecture\n\nHand-written only.\n' }, 'ARCHITECTURE.md: no <!-- harness:start --> / <!-- harness:end --> section'],
    ['an empty design-docs index', 'docs-skeleton', { 'docs/design-docs/index.md': '# Design docs\n' }, 'docs/: empty docs/design-docs/index.md'],
    ['a README section left as harness:todo', 'module-docs', { 'modules/billing/README.md': writeReadme('billing', '<!-- harness:todo -->') }, '1 of 1 modules have a missing document or placeholder section: billing'],
  ])('judges %s on substance: %s fails, naming the file and what was found', async (_label, id, override, evidence) => {
    const { legibility } = await runReport(tidy({ billing: writeGoodModule }, override));
    const criterion = legibility.criteria.find((c) => c.id === id)!;
    expect(criterion).toMatchObject({ passed: false, evidence });
    expect(criterion.gap).toEqual(expect.any(String));
    expect(legibility.criteria.filter((c) => !c.passed).map((c) => c.id)).toEqual([id]);
  });

  it('fails the AGENTS.md criteria when the file is missing', async () => {
    const ws = writeWorkspace([], { ...ROOT_DOCS, 'AGENTS.md': '' });
    fs.rmSync(path.join(ws.root, 'AGENTS.md'));
    const { legibility } = await writeQualityReport({ tree: new FsTree(ws.root, false), graph: ws.graph, projectFiles: {} });
    expect(legibility.criteria.slice(0, 3).map((c) => [c.passed, c.evidence])).toEqual([
      [false, 'AGENTS.md does not exist'],
      [false, 'AGENTS.md does not exist'],
      [false, 'AGENTS.md does not exist'],
    ]);
    expect(legibility.criteria.find((c) => c.id === 'brief-lists-modules')!.evidence).toBe('BRIEF.md does not exist');
  });

  it('builds the project graph with Nx, without exiting on a graph error', async () => {
    const devkit = jest.requireMock('@nx/devkit') as { createProjectGraphAsync: jest.Mock };
    devkit.createProjectGraphAsync.mockResolvedValue({ nodes: {}, dependencies: {} });
    const ws = writeWorkspace([], { ...ROOT_DOCS, 'BRIEF.md': briefFor([]) });
    await reportGenerator(ws.tree, {});
    expect(devkit.createProjectGraphAsync).toHaveBeenCalledWith({ exitOnError: false });
    expect(readTreeText(ws.tree, 'docs/QUALITY_SCORE.md')).toContain('No modules yet.');
  });
});
