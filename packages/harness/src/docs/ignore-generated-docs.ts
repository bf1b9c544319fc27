import type { Tree } from '@nx/devkit';

/**
 * Documents whose harness blocks are rewritten by the generators and compared by `nx sync:check`.
 * `AGENTS.md` has no leading slash, so it covers every module's AGENTS.md too.
 */
const GENERATED_DOCS = ['/BRIEF.md', '/ARCHITECTURE.md', 'AGENTS.md', '/docs/QUALITY_SCORE.md'];

/**
 * `nx sync` and create-nx-workspace run prettier over what generators write. Prettier pads
 * markdown tables and adds blank lines inside the harness markers, so the module map and rule table
 * would no longer equal what the harness sync generator renders (`nx sync:check` would fail in a
 * brand-new workspace), and a second harness:init would rewrite AGENTS.md.
 */
export function ignoreGeneratedDocs(tree: Tree, formatter: 'none' | 'prettier'): void {
  if (formatter !== 'prettier') return;
  const file = '.prettierignore';
  const text = tree.exists(file) ? (tree.read(file, 'utf-8') ?? '') : '';
  const lines = text.split(/\r?\n/);
  const missing = GENERATED_DOCS.filter((entry) => !lines.includes(entry));
  if (missing.length === 0) return;
  const block = ['# harness writes these; prettier would reflow its tables and marker blocks', ...missing].join('\n');
  tree.write(file, `${text}${text && !text.endsWith('\n') ? '\n' : ''}${block}\n`);
}

/** Prettier is set up when the workspace has a prettier config or depends on prettier. */
export function detectFormatter(tree: Tree): 'none' | 'prettier' {
  const configs = ['.prettierrc', '.prettierrc.json', '.prettierrc.js', '.prettierrc.cjs', '.prettierrc.mjs', '.prettierrc.yaml', '.prettierrc.yml', 'prettier.config.js', 'prettier.config.cjs', 'prettier.config.mjs', '.prettierignore'];
  if (configs.some((f) => tree.exists(f))) return 'prettier';
  const pkg = tree.exists('package.json') ? (tree.read('package.json', 'utf-8') ?? '') : '';
  return /"prettier"\s*:/.test(pkg) ? 'prettier' : 'none';
}
