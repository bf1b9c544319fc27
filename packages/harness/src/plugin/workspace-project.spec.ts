import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CreateNodesContext, TargetConfiguration } from '@nx/devkit';
import { createNodes } from './create-nodes';
import { createTempFolder } from '../testing/temp-folders';

type Result = readonly [string, { projects?: Record<string, { name?: string; root?: string; targets?: Record<string, TargetConfiguration> }> }];

/** A workspace folder with the given files (path → text). */
function createRoot(files: Record<string, string>): string {
  const root = createTempFolder('harness-workspace-project-');
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), text);
  }
  return root;
}

function infer(root: string, files: string[], options = {}): Result[] {
  const context = { workspaceRoot: root, nxJsonConfiguration: {} } as unknown as CreateNodesContext;
  return createNodes[1](files, options, context) as Result[];
}

const workspaceOf = (results: Result[]) => results.find(([, r]) => r.projects?.['.'])?.[1].projects!['.'];

describe('the workspace project', () => {
  const pkg = JSON.stringify({ name: '@acme/source', workspaces: ['packages/*'] });

  it('is the root project, named as Nx names a root package.json, once a workspace doc exists', () => {
    const root = createRoot({ 'package.json': pkg, 'BRIEF.md': '# Brief\n' });
    const results = infer(root, ['package.json', 'modules/billing/project.json']);
    expect(results.map(([file]) => file)).toEqual(['modules/billing/project.json', 'package.json']);
    expect(workspaceOf(results)).toMatchObject({ name: '@acme/source', root: '.', projectType: 'application' });
    expect(Object.keys(workspaceOf(results)!.targets!)).toEqual(['harness-check']);
  });

  it('does not exist before harness:init has written a workspace doc', () => {
    const root = createRoot({ 'package.json': pkg, 'harness.yaml': 'rules: {}\n' });
    expect(workspaceOf(infer(root, ['package.json']))).toBeUndefined();
  });

  it("adds only the target to a root project.json, which names the project itself", () => {
    const root = createRoot({ 'package.json': pkg, 'project.json': '{"name":"app"}', 'AGENTS.md': '# Map\n' });
    const results = infer(root, ['package.json', 'project.json']);
    expect(results.map(([file]) => file)).toEqual(['project.json']);
    expect(workspaceOf(results)).toEqual({ root: '.', targets: { 'harness-check': expect.any(Object) } });
  });

  it('prefers nx.name, and falls back to "workspace" when the root package.json has no name', () => {
    const named = createRoot({ 'package.json': JSON.stringify({ name: 'a', nx: { name: 'b' } }), 'ARCHITECTURE.md': '' });
    // With an nx section Nx makes the project itself; harness keeps its settings (no projectType).
    expect(workspaceOf(infer(named, ['package.json']))).toEqual({ name: 'b', root: '.', targets: expect.any(Object) });
    const nameless = createRoot({ 'package.json': '{}', 'ARCHITECTURE.md': '' });
    expect(workspaceOf(infer(nameless, ['package.json']))!.name).toBe('workspace');
  });

  it('honours targetName', () => {
    const root = createRoot({ 'package.json': pkg, 'BRIEF.md': '' });
    expect(Object.keys(workspaceOf(infer(root, ['package.json'], { targetName: 'lint-harness' }))!.targets!)).toEqual(['lint-harness']);
  });

  it('hashes the workspace docs, rules and every project file that names a module, not the whole workspace', () => {
    const root = createRoot({ 'package.json': pkg, 'BRIEF.md': '' });
    const target = workspaceOf(infer(root, ['package.json']))!.targets!['harness-check'];
    expect(target.cache).toBe(true);
    const inputs = target.inputs as string[];
    for (const judged of ['BRIEF.md', 'AGENTS.md', 'ARCHITECTURE.md', 'harness.yaml', 'docs/**/*', '**/{project.json,package.json}', '**/README.md']) {
      expect(inputs).toContain(`{workspaceRoot}/${judged}`);
    }
    expect(inputs.filter((input) => /\{projectRoot\}|\*\*\/\*$/.test(input) && !input.includes('docs/'))).toEqual([]);
    expect(target.inputs).not.toContain('{projectRoot}/**/*');
  });
});
