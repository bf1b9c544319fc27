import { getProjects, type Tree } from '@nx/devkit';
import { findSection, listSections } from '../core/markdown-outline';

/** One row of the module map in BRIEF.md. */
export interface ModuleRow {
  name: string;
  root: string;
  tags: string[];
  purpose: string;
  /** Whether the module has a README.md; the map links it, or else the module's folder. */
  hasReadme: boolean;
}

/** The first sentence of the README's Purpose section (or first paragraph), for the map. */
export function readPurpose(readme: string | undefined): string {
  if (!readme) return '';
  const purpose = findSection(listSections(readme), 'Purpose');
  const body = (purpose?.body ?? readme.replace(/^#.*$/m, '')).replace(/<!--[\s\S]*?-->/g, '');
  const paragraph = body.split(/\n\s*\n/).map((p) => p.trim()).find((p) => p && !p.startsWith('#') && !p.startsWith('|') && !p.startsWith('```'));
  if (!paragraph) return '';
  const sentence = paragraph.replace(/\s+/g, ' ').match(/^.*?[.!?](\s|$)/)?.[0] ?? paragraph;
  return sentence.trim().replace(/\|/g, '\\|');
}

/** Every project of the tree except the workspace root, sorted by path. */
export function readModuleRows(tree: Tree): ModuleRow[] {
  return [...getProjects(tree).entries()]
    .filter(([, p]) => p.root && p.root !== '.')
    .map(([name, p]) => {
      const readme = tree.exists(`${p.root}/README.md`) ? (tree.read(`${p.root}/README.md`, 'utf-8') ?? undefined) : undefined;
      return { name, root: p.root, tags: p.tags ?? [], purpose: readPurpose(readme), hasReadme: readme !== undefined };
    })
    .sort((a, b) => a.root.localeCompare(b.root));
}
