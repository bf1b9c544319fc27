import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { CreateNodesContext } from '@nx/devkit';
import { createNodes, createNodesV2, globToRegExp } from './create-nodes';
import { createTempFolder } from '../testing/temp-folders';

describe('createNodes', () => {
  const root = createTempFolder('harness-nodes-');
  fs.writeFileSync(path.join(root, 'package.json'), JSON.stringify({ workspaces: ['packages/*', 'modules/*'] }));
  fs.mkdirSync(path.join(root, 'modules/billing'), { recursive: true });
  fs.writeFileSync(path.join(root, 'modules/billing/project.json'), '{}');
  fs.writeFileSync(path.join(root, 'modules/billing/package.json'), '{}');
  const context = { workspaceRoot: root, nxJsonConfiguration: {} } as unknown as CreateNodesContext;
  const infer = (files: string[], options = {}) => createNodes[1](files, options, context) as Array<readonly [string, { projects?: Record<string, { targets?: Record<string, unknown> }> }]>;

  it('infers harness-check on project.json projects and on workspace packages only', () => {
    const results = infer(['modules/billing/project.json', 'modules/billing/package.json', 'packages/ui/package.json', 'tools/scripts/package.json', 'package.json']);
    expect(results.map(([file]) => file)).toEqual(['modules/billing/project.json', 'packages/ui/package.json']);
  });

  it('declares inputs that include dependency tags and the workspace rules, and caches', () => {
    const [[, result]] = infer(['modules/billing/project.json']);
    const target = result.projects!['modules/billing'].targets!['harness-check'] as { cache: boolean; inputs: unknown[]; executor: string };
    expect(target.cache).toBe(true);
    expect(target.executor).toMatch(/harness:check$/);
    expect(target.inputs).toEqual(
      expect.arrayContaining([
        '{projectRoot}/**/*',
        '{workspaceRoot}/harness.yaml',
        { fileset: '{projectRoot}/{project.json,package.json}', dependencies: true },
      ]),
    );
    // BRIEF.md is the workspace check's: a change to it must not rerun every module.
    expect(target.inputs).not.toContain('{workspaceRoot}/BRIEF.md');
  });

  it('honours targetName and dependsOnTest', () => {
    const [[, result]] = infer(['modules/billing/project.json'], { targetName: 'lint-harness', dependsOnTest: true });
    expect(result.projects!['modules/billing'].targets!['lint-harness']).toMatchObject({ dependsOn: ['test'] });
  });

  it('exports the same tuple as createNodesV2 for Nx 21 and 22', () => {
    expect(createNodesV2).toBe(createNodes);
  });

  it("infers it on the packages of pnpm-workspace.yaml, minus its '!' globs", () => {
    const pnpmRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'harness-nodes-pnpm-'));
    try {
      fs.writeFileSync(path.join(pnpmRoot, 'package.json'), JSON.stringify({ name: 'root' }));
      fs.writeFileSync(path.join(pnpmRoot, 'pnpm-workspace.yaml'), "nodeLinker: hoisted\npackages:\n  - 'packages/*' # local builds\n  - '!packages/fixture'\n");
      const pnpmContext = { workspaceRoot: pnpmRoot, nxJsonConfiguration: {} } as unknown as CreateNodesContext;
      const results = createNodes[1](['packages/octo/package.json', 'packages/fixture/package.json', 'tools/x/package.json'], {}, pnpmContext) as Array<readonly [string, unknown]>;
      expect(results.map(([file]) => file)).toEqual(['packages/octo/package.json']);
    } finally {
      fs.rmSync(pnpmRoot, { recursive: true, force: true });
    }
  });

  it('turns workspace globs into anchored regexes', () => {
    expect(globToRegExp('modules/*').test('modules/billing')).toBe(true);
    expect(globToRegExp('modules/*').test('modules/billing/sub')).toBe(false);
    expect(globToRegExp('libs/**').test('libs/a/b')).toBe(true);
  });
});
