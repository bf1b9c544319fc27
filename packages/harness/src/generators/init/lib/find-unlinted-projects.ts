import { getProjects, readNxJson, type Tree } from '@nx/devkit';

const ESLINT_CONFIGS = ['eslint.config.js', 'eslint.config.mjs', 'eslint.config.cjs', 'eslint.config.ts', '.eslintrc.json', '.eslintrc.js', '.eslintrc.cjs', '.eslintrc.yml', '.eslintrc.yaml', '.eslintrc'];

/**
 * Projects the repository's ESLint never lints through Nx: no `lint` target of their own (declared,
 * a package.json script, or inferred by `@nx/eslint/plugin` from an ESLint config in the project).
 * Their imports were never judged by the module-boundaries rule, so a first `harness-check` there
 * would fail code that the repository's CI has always passed.
 */
export function findUnlintedProjects(tree: Tree): Array<{ name: string; root: string }> {
  // ESLint run over the whole repository (a root script) lints projects without a target too.
  if (hasLintTarget(tree, '', {})) return [];
  const plugins = readNxJson(tree)?.plugins ?? [];
  const infersLint = plugins.some((p) => (typeof p === 'string' ? p : p.plugin) === '@nx/eslint/plugin');
  const unlinted: Array<{ name: string; root: string }> = [];
  let linted = 0;
  for (const [name, project] of getProjects(tree)) {
    if (project.root === '.' || project.root === '') continue;
    const lints = hasLintTarget(tree, project.root, project.targets ?? {}) || (infersLint && ESLINT_CONFIGS.some((f) => tree.exists(`${project.root}/${f}`)));
    if (lints) linted++;
    else unlinted.push({ name, root: project.root });
  }
  // No project lints through Nx at all: the repository runs ESLint some other way, so nothing
  // says which projects it skips.
  if (linted === 0) return [];
  return unlinted.sort((a, b) => a.root.localeCompare(b.root));
}

function hasLintTarget(tree: Tree, root: string, targets: Record<string, { executor?: string; command?: string }>): boolean {
  const declared = Object.entries(targets).some(
    ([target, config]) => target === 'lint' || /eslint|:lint$/.test(config.executor ?? '') || /\beslint\b/.test(config.command ?? ''),
  );
  if (declared) return true;
  const manifest = root ? `${root}/package.json` : 'package.json';
  if (!tree.exists(manifest)) return false;
  try {
    const scripts = (JSON.parse(tree.read(manifest, 'utf8') ?? '{}') as { scripts?: Record<string, string> }).scripts ?? {};
    return Object.entries(scripts).some(([script, command]) => script === 'lint' || /\beslint\b/.test(command));
  } catch {
    return false;
  }
}
