import type { Tree } from '@nx/devkit';

/** Root documents whose harness blocks are rewritten by harness:init and compared by `nx sync:check`. */
const GENERATED_DOCS = ['AGENTS.md', 'BRIEF.md', 'ARCHITECTURE.md'];

/**
 * create-nx-workspace runs `nx format --all` after a preset when prettier is set up. Prettier pads
 * markdown tables and adds blank lines inside the harness markers, so the module map and rule table
 * would no longer equal what the harness sync generator renders (`nx sync:check` would fail in a
 * brand-new workspace), and a second harness:init would rewrite AGENTS.md.
 */
export function ignoreGeneratedDocs(tree: Tree, formatter: 'none' | 'prettier'): void {
  if (formatter !== 'prettier') return;
  const file = '.prettierignore';
  const text = tree.exists(file) ? (tree.read(file, 'utf-8') ?? '') : '';
  const lines = text.split(/\r?\n/);
  const missing = GENERATED_DOCS.map((doc) => `/${doc}`).filter((entry) => !lines.includes(entry));
  if (missing.length === 0) return;
  const block = ['# harness writes these; prettier would reflow its tables and marker blocks', ...missing].join('\n');
  tree.write(file, `${text}${text && !text.endsWith('\n') ? '\n' : ''}${block}\n`);
}
