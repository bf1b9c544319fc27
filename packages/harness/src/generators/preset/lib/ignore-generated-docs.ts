import type { Tree } from '@nx/devkit';

/** Documents whose generated sections `nx sync:check` compares byte for byte. */
const GENERATED_DOCS = ['BRIEF.md', 'ARCHITECTURE.md'];

/**
 * create-nx-workspace runs `nx format --all` after a preset when prettier is set up. Prettier pads
 * markdown tables, so the module map and rule table would no longer equal what the harness sync
 * generator renders, and `nx sync:check` would fail in a brand-new workspace.
 */
export function ignoreGeneratedDocs(tree: Tree, formatter: 'none' | 'prettier'): void {
  if (formatter !== 'prettier') return;
  const file = '.prettierignore';
  const text = tree.exists(file) ? (tree.read(file, 'utf-8') ?? '') : '';
  const lines = text.split(/\r?\n/);
  const missing = GENERATED_DOCS.map((doc) => `/${doc}`).filter((entry) => !lines.includes(entry));
  if (missing.length === 0) return;
  const block = ['# harness sync writes these; prettier would reformat its tables', ...missing].join('\n');
  tree.write(file, `${text}${text && !text.endsWith('\n') ? '\n' : ''}${block}\n`);
}
