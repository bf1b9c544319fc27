import { readJson, readNxJson, type TargetConfiguration, type Tree } from '@nx/devkit';

/** Test runners whose Nx plugins infer a test target from a config file in the project. */
const INFERRING_PLUGINS: Array<{ plugins: string[]; option: string; configs: RegExp }> = [
  { plugins: ['@nx/jest/plugin'], option: 'targetName', configs: /^jest\.config\.[cm]?[jt]s$/ },
  { plugins: ['@nx/vite/plugin', '@nx/vitest', '@nx/vitest/plugin'], option: 'testTargetName', configs: /^(vite|vitest)\.config\.[cm]?[jt]s$/ },
];
const TEST_EXECUTOR = /jest|vitest|mocha|karma|jasmine|node:test/i;

/**
 * The command that runs a project's tests, e.g. `nx test orders`, or undefined when none is
 * declared. Inferred targets are not in a generator's tree, so they are looked for the way Nx
 * infers them: a `test` script in package.json, or a runner config that a registered plugin reads.
 */
export function findTestCommand(tree: Tree, name: string, root: string, targets: Record<string, TargetConfiguration>): string | undefined {
  const target = findDeclaredTarget(targets) ?? findScriptTarget(tree, root) ?? findInferredTarget(tree, root);
  if (!target) return undefined;
  return target === 'test' ? `nx test ${name}` : `nx run ${name}:${target}`;
}

function findDeclaredTarget(targets: Record<string, TargetConfiguration>): string | undefined {
  if (targets.test) return 'test';
  return Object.keys(targets).find((t) => TEST_EXECUTOR.test(targets[t].executor ?? '') || /^(unit-)?tests?$/.test(t));
}

function findScriptTarget(tree: Tree, root: string): string | undefined {
  const manifest = `${root}/package.json`;
  if (!tree.exists(manifest)) return undefined;
  try {
    return typeof readJson(tree, manifest).scripts?.test === 'string' ? 'test' : undefined;
  } catch {
    return undefined;
  }
}

function findInferredTarget(tree: Tree, root: string): string | undefined {
  const plugins = readNxJson(tree)?.plugins ?? [];
  const files = tree.children(root);
  for (const { plugins: names, option, configs } of INFERRING_PLUGINS) {
    const registered = plugins.find((p) => names.includes(typeof p === 'string' ? p : p.plugin));
    if (!registered || !files.some((f) => configs.test(f))) continue;
    const options = typeof registered === 'string' ? {} : ((registered.options ?? {}) as Record<string, unknown>);
    return typeof options[option] === 'string' ? (options[option] as string) : 'test';
  }
  return undefined;
}
