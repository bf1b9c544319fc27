import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ProjectGraph } from '@nx/devkit';
import { RULES } from '../rules';
import { checkProjects } from './check-projects';
import { normalizeCheckOptions } from './normalize-options';
import { createTempFolder } from '../testing/temp-folders';

const README = '# billing\n\n## Purpose\n\nBills.\n\n## Public API\n\nx\n\n## Dependencies\n\nx\n\n## Testing\n\nx\n';
const CONVENTIONS = '---\nnaming: { functions: snake_case }\ncoverage: { lines: 0, branches: 0, functions: 0, statements: 0 }\n---\n## Naming\n\nx\n\n## Dependencies\n\nx\n\n## Testing\n\nx\n\n## Coverage\n\nx\n\n## Layers\n\nx\n';

/** A workspace on disk with two modules, and the graph and file map Nx would give for it. */
function writeWorkspace(files: Record<string, string>) {
  const root = createTempFolder('harness-check-');
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), text);
  }
  const node = (name: string, tags: string[]) => ({ name, type: 'lib' as const, data: { root: `modules/${name}`, tags } });
  const graph: ProjectGraph = {
    nodes: { billing: node('billing', ['scope:billing']), auth: node('auth', ['scope:auth']) },
    dependencies: { billing: [{ source: 'billing', target: 'auth', type: 'static' }], auth: [] },
  };
  const list = (name: string) =>
    Object.keys(files)
      .filter((f) => f.startsWith(`modules/${name}/`))
      .map((file) => ({ file, hash: '1', deps: file.endsWith('refund.ts') ? ['auth'] : [] }));
  return { root, graph, projectFiles: { billing: list('billing'), auth: list('auth') } };
}

const writeModule = (name: string, extra: Record<string, string> = {}) => ({
  [`modules/${name}/README.md`]: README.replace('billing', name),
  [`modules/${name}/CONVENTIONS.md`]: CONVENTIONS,
  [`modules/${name}/src/index.ts`]: `export const ${name.toUpperCase()} = 1;\n`,
  [`modules/${name}/tests/${name}.spec.ts`]: `test('x', () => expect(1).toBe(1));\n`,
  ...extra,
});

describe('checkProjects', () => {
  const base = {
    'BRIEF.md': '| `billing` | x |\n| `auth` | x |\n',
    'tsconfig.base.json': JSON.stringify({ compilerOptions: { paths: { '@acme/auth': ['modules/auth/src/index.ts'], '@acme/billing': ['modules/billing/src/index.ts'] } } }),
    ...writeModule('auth'),
  };

  it('reports each finding in the remediation format and fails the project', async () => {
    const ws = writeWorkspace({
      ...base,
      'harness.yaml': 'dependencies:\n  constraints:\n    - sourceTag: "scope:billing"\n      onlyDependOnLibsWithTags: ["scope:billing"]\n      explanation: "events only"\n',
      ...writeModule('billing', { 'modules/billing/src/lib/refund.ts': "import { AUTH } from '@acme/auth';\nexport function processRefund() { return AUTH; }\n" }),
    });
    const outcomes = await checkProjects({ workspaceRoot: ws.root, graph: ws.graph, projectFiles: ws.projectFiles, projects: ['billing', 'auth'], options: normalizeCheckOptions({}) });
    expect(outcomes.auth.success).toBe(true);
    expect(outcomes.billing.success).toBe(false);
    expect(outcomes.billing.output).toContain(
      'ERROR: Dependency constraint violation\nFile: modules/billing/src/lib/refund.ts\nLine: 1\nFound: `@acme/auth`\nExpected pattern: scope:billing may depend only on scope:billing\n',
    );
    expect(outcomes.billing.output).toContain('Why: events only');
    expect(outcomes.billing.output).toContain('Found: `processRefund`\nExpected pattern: snake_case function names\nFix: Rename to `process_refund`');
    expect(outcomes.billing.output.split('\n').pop()).toMatch(/^harness-check: 2 errors, 0 warnings in 1 file/);
  });

  it('reports an unparsable file by name and still checks the others', async () => {
    const ws = writeWorkspace({
      ...base,
      ...writeModule('billing', {
        'modules/billing/src/lib/broken.ts': 'export function (\n',
        'modules/billing/src/lib/other.ts': 'export function badName() {}\n',
      }),
    });
    const { billing } = await checkProjects({ workspaceRoot: ws.root, graph: ws.graph, projectFiles: ws.projectFiles, projects: ['billing'], options: normalizeCheckOptions({}) });
    expect(billing.output).toContain('ERROR: File could not be parsed\nFile: modules/billing/src/lib/broken.ts');
    expect(billing.output).toContain('Found: `badName`');
    expect(billing.output).not.toMatch(/\n\s+at /);
  });

  it('reports a rule that throws as one block and keeps the other rules\' findings, in the same output as the rest', async () => {
    const docs = RULES.find((r) => r.id === 'docs')!;
    const spy = jest.spyOn(docs, 'check').mockImplementation(() => {
      throw new Error('docs broke');
    });
    try {
      const ws = writeWorkspace({ ...base, ...writeModule('billing', { 'modules/billing/src/lib/other.ts': 'export function badName() {}\n' }) });
      const { billing } = await checkProjects({ workspaceRoot: ws.root, graph: ws.graph, projectFiles: ws.projectFiles, projects: ['billing'], options: normalizeCheckOptions({}) });
      expect(billing.success).toBe(false);
      expect(billing.output).toContain('ERROR: Rule failed\nFile: modules/billing\nLine: 1\nFound: `Error: docs broke`\n');
      expect(billing.output).toContain('Found: `badName`');
      expect(billing.output).not.toContain('harness: internal error');
      expect(billing.output).not.toMatch(/\n\s+at /);
    } finally {
      spy.mockRestore();
    }
  });

  it('turns a config error into one line for every project, with no stack trace', async () => {
    const ws = writeWorkspace({ ...base, ...writeModule('billing'), 'harness.yaml': 'rules:\n  naming: sometimes\n' });
    const outcomes = await checkProjects({ workspaceRoot: ws.root, graph: ws.graph, projectFiles: ws.projectFiles, projects: ['billing', 'auth'], options: normalizeCheckOptions({}) });
    for (const outcome of Object.values(outcomes)) {
      expect(outcome).toEqual({ success: false, output: 'harness: harness.yaml:2: unknown severity "sometimes" for rule "naming"; use error, warn or off' });
    }
  });

  it('refuses a misspelt rule option in harness.yaml, and a mistyped one in front matter, before any rule runs', async () => {
    const yaml = 'rules:\n  file-size:\n    severity: warn\n    maxLine: 300\n';
    const ws = writeWorkspace({ ...base, ...writeModule('billing'), 'harness.yaml': yaml });
    const { billing } = await checkProjects({ workspaceRoot: ws.root, graph: ws.graph, projectFiles: ws.projectFiles, projects: ['billing'], options: normalizeCheckOptions({}) });
    expect(billing).toEqual({
      success: false,
      output: 'harness: harness.yaml:4: unknown option "maxLine" in "rules.file-size"; did you mean "maxLines"? file-size takes severity, maxLines',
    });
    const front = '---\nrules:\n  docs: { severity: error, readmeSections: Purpose }\n---\n# billing\n';
    const local = writeWorkspace({ ...base, ...writeModule('billing', { 'modules/billing/CONVENTIONS.md': front }) });
    const outcome = await checkProjects({ workspaceRoot: local.root, graph: local.graph, projectFiles: local.projectFiles, projects: ['billing'], options: normalizeCheckOptions({}) });
    expect(outcome.billing.success).toBe(false);
    expect(outcome.billing.output).toMatch(/^harness: modules\/billing\/CONVENTIONS\.md:3: "readmeSections" must be a list, got "Purpose"; write readmeSections: \[/);
  });

  it('names CONVENTIONS.md when its front matter is broken', async () => {
    const ws = writeWorkspace({ ...base, ...writeModule('billing', { 'modules/billing/CONVENTIONS.md': '---\nnaming: [\n---\n' }) });
    const { billing } = await checkProjects({ workspaceRoot: ws.root, graph: ws.graph, projectFiles: ws.projectFiles, projects: ['billing'], options: normalizeCheckOptions({}) });
    expect(billing.success).toBe(false);
    expect(billing.output).toMatch(/^harness: modules\/billing\/CONVENTIONS\.md:\d+: invalid YAML/);
  });

  it('writes --output-file per project and refuses a path outside the workspace', async () => {
    const ws = writeWorkspace({ ...base, ...writeModule('billing') });
    const run = (outputFile: string) =>
      checkProjects({ workspaceRoot: ws.root, graph: ws.graph, projectFiles: ws.projectFiles, projects: ['billing'], options: normalizeCheckOptions({ format: 'json', outputFile }) });
    const inside = await run('dist/{projectName}.json');
    expect(inside.billing.output).toBe('harness-check: report for billing written to dist/billing.json');
    expect(JSON.parse(fs.readFileSync(path.join(ws.root, 'dist/billing.json'), 'utf8'))).toEqual([]);
    const outside = await run('../escape.json');
    expect(outside.billing).toEqual({ success: false, output: 'harness: --output-file: "../escape.json" is outside the workspace; name a path inside the workspace, e.g. dist/harness/report.json' });
    expect(fs.existsSync(path.join(ws.root, '..', 'escape.json'))).toBe(false);
  });
  it('with a baseline, passes an old finding and fails a new one', async () => {
    const ws = writeWorkspace({ ...base, ...writeModule('billing', { 'modules/billing/src/lib/a.ts': 'export function oldName() {}\n' }) });
    const run = (extra: object) =>
      checkProjects({ workspaceRoot: ws.root, graph: ws.graph, projectFiles: ws.projectFiles, projects: ['billing'], options: normalizeCheckOptions(extra) });
    const recorded = await run({ updateBaseline: true });
    expect(recorded.billing).toEqual({ success: true, output: expect.stringContaining('recorded 1 known finding(s) of billing in harness-baseline.json') });
    const old = await run({});
    expect(old.billing.success).toBe(true);
    expect(old.billing.output).toContain('1 known finding(s) of billing accepted by harness-baseline.json');
    fs.writeFileSync(path.join(ws.root, 'modules/billing/src/lib/a.ts'), '\n\nexport function oldName() {}\nexport function newName() {}\n');
    const fresh = await run({});
    expect(fresh.billing.success).toBe(false);
    expect(fresh.billing.output).toContain('Found: `newName`');
    expect(fresh.billing.output).not.toContain('Found: `oldName`');
  });
});

describe('normalizeCheckOptions', () => {
  it('splits --rules and refuses unknown ids and formats in one sentence', () => {
    expect(normalizeCheckOptions({ rules: 'naming, docs' }).rules).toEqual(['naming', 'docs']);
    expect(() => normalizeCheckOptions({ rules: 'spelling' })).toThrow('harness: --rules: unknown rule id "spelling"; use one of');
    expect(() => normalizeCheckOptions({ format: 'xml' as 'text' })).toThrow('harness: --format: unknown format "xml"; use one of text, json, sarif, github');
  });

});

