import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createUserWorkspace, REPO_ROOT, removeUserWorkspace, runNx } from '../src';

/*
 * Agent legibility as a user meets it, in ONE real workspace: init, three modules, the layered
 * AGENTS.md files, the Mermaid module graph, the agents-md findings and sync after a removal.
 *
 * Time budget on 2 cores, whole suite under 5 minutes: workspace ~5 s (cached) or ~60 s, init
 * ~5 s, three modules ~35 s + 2 × 5 s, each check or sync ~4 s, Mermaid parse ~2 s.
 */
const SUITE_BUDGET_MS = 5 * 60 * 1000;
const SETUP_TIMEOUT_MS = 4 * 60 * 1000;
const STEP_TIMEOUT_MS = 2 * 60 * 1000;
const MODULES = ['billing', 'auth', 'notifications'];

const startedAt = Date.now();
let dir = '';
const file = (name: string) => path.join(dir, name);
const read = (name: string) => fs.readFileSync(file(name), 'utf8');

beforeAll(async () => {
  dir = await createUserWorkspace('legibility');
  const steps = [['g', 'harness:init'], ...MODULES.map((m) => ['g', 'harness:module', m])];
  for (const args of steps) {
    const result = await runNx(dir, [...args, '--no-interactive']);
    if (result.code !== 0) throw new Error(`nx ${args.join(' ')} failed:\n${result.output}`);
  }
}, SETUP_TIMEOUT_MS);

afterAll(() => {
  if (dir && !process.env.HARNESS_E2E_KEEP) removeUserWorkspace(dir);
});

it('writes layered agent files: root map, one short AGENTS.md per module, CLAUDE.md importing AGENTS.md', () => {
  expect(read('AGENTS.md').split('\n').length).toBeLessThanOrEqual(100);
  expect(read('CLAUDE.md').split('\n')[0]).toBe('@AGENTS.md');
  for (const m of MODULES) {
    const text = read(`modules/${m}/AGENTS.md`);
    expect(text.split('\n').length).toBeLessThanOrEqual(40);
    expect(text).toContain('[README.md](README.md)');
    expect(Buffer.byteLength(read('AGENTS.md') + text)).toBeLessThan(32 * 1024);
  }
});

it('passes nx run-many -t harness-check, agents-md included, and nx sync:check', async () => {
  const check = await runNx(dir, ['run-many', '-t', 'harness-check', '--skip-nx-cache']);
  expect(check.output).not.toContain('ERROR:');
  expect(check.code).toBe(0);
  expect((await runNx(dir, ['sync:check'])).code).toBe(0);
}, STEP_TIMEOUT_MS);

it('holds a Mermaid module graph in ARCHITECTURE.md that mermaid.parse accepts', () => {
  const diagram = /```mermaid\n([\s\S]*?)\n```/.exec(read('ARCHITECTURE.md'))?.[1];
  expect(diagram).toContain('flowchart');
  for (const m of MODULES) expect(diagram).toContain(m);
  const helper = path.join(REPO_ROOT, 'packages/harness/src/testing/parse-mermaid.mjs');
  const parsed = spawnSync(process.execPath, [helper], { input: diagram, encoding: 'utf8', cwd: REPO_ROOT });
  expect(parsed.stderr).toBe('');
  expect(parsed.status).toBe(0);
});

it('reports a stale path, a missing npm script, a missing target and a repeated line, each with a Fix', async () => {
  const root = read('AGENTS.md');
  const billing = read('modules/billing/AGENTS.md');
  const copied = root.split('\n').find((l) => l.startsWith('- Import another module only'))!;
  fs.writeFileSync(file('AGENTS.md'), `${root}\n## Notes\n\n- See \`docs/old-plans.md\`.\n- Run \`npm run lint-all\` first.\n- Ship with \`nx run billing:deploy\`.\n`);
  fs.writeFileSync(file('modules/billing/AGENTS.md'), `${billing}\n${copied}\n`);
  const result = await runNx(dir, ['run-many', '-t', 'harness-check', '--skip-nx-cache']);
  fs.writeFileSync(file('AGENTS.md'), root);
  fs.writeFileSync(file('modules/billing/AGENTS.md'), billing);
  expect(result.code).toBe(1);
  for (const found of ['`docs/old-plans.md`', '`npm run lint-all`', '`nx run billing:deploy`', copied]) {
    const block = result.output.split('\n\n').find((b) => b.includes(`Found: ${found.startsWith('`') ? found : ''}`) && b.includes(found));
    expect(block).toMatch(/^Fix: .+/m);
  }
}, STEP_TIMEOUT_MS);

it('fails nx sync:check after a module is removed until nx sync updates the map, the diagram and the commands', async () => {
  fs.rmSync(file('modules/notifications'), { recursive: true });
  expect((await runNx(dir, ['sync:check'])).code).not.toBe(0);
  expect((await runNx(dir, ['sync'])).code).toBe(0);
  expect((await runNx(dir, ['sync:check'])).code).toBe(0);
  for (const doc of ['BRIEF.md', 'ARCHITECTURE.md', 'AGENTS.md']) expect(read(doc)).not.toContain('notifications');
}, 3 * STEP_TIMEOUT_MS);

it('stays within the time budget', () => {
  expect(Date.now() - startedAt).toBeLessThan(SUITE_BUDGET_MS);
});
