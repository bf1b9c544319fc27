import type { Tree } from '@nx/devkit';
import { toAnchor } from '../../../core/markdown';
import { listSections } from '../../../core/markdown-outline';

/** A `## title` section of a module document. */
export interface DocSection {
  title: string;
  body: string;
}

/** A module document: what a new file holds, and the sections an existing one must have. */
export interface DocumentPlan {
  file: string;
  /** For a new file: YAML front matter (with its `---` lines), the `#` heading and a lead paragraph. */
  frontMatter?: string;
  heading: string;
  lead?: string;
  sections: DocSection[];
}

export const TODO_MARKER = '<!-- harness:todo -->';

/**
 * Gives each required section the generated text of the same anchor, or a marked placeholder
 * when adopt has nothing to say about it (a section the workspace added to the docs rule).
 */
export function selectSections(required: string[], generated: DocSection[]): DocSection[] {
  return required.map(
    (title) =>
      generated.find((s) => toAnchor(s.title) === toAnchor(title)) ?? {
        title,
        body: `${TODO_MARKER} Describe this project's ${title.toLowerCase()} here.`,
      },
  );
}

/**
 * Writes a new document whole. An existing one keeps every byte it has: only the required
 * sections it lacks are appended at its end. Returns the titles of sections written with a
 * harness:todo marker, which a person or agent must complete.
 */
export function writeDocument(tree: Tree, plan: DocumentPlan): string[] {
  // A blank file has no text to keep, so it gets the whole document.
  const read = tree.read(plan.file, 'utf-8');
  const existing = read === null || read.trim() === '' ? null : read;
  const present = existing === null ? [] : listSections(existing).map((s) => s.anchor);
  const missing = plan.sections.filter((s) => !present.includes(toAnchor(s.title)));
  if (missing.length === 0) return [];
  const sections = missing.map((s) => `## ${s.title}\n\n${s.body.trim()}\n`);
  if (existing === null) {
    const lead = plan.lead ? `${plan.lead}\n\n` : '';
    tree.write(plan.file, `${plan.frontMatter ?? ''}# ${plan.heading}\n\n${lead}${sections.join('\n')}`);
  } else {
    tree.write(plan.file, `${existing}${existing.endsWith('\n') ? '' : '\n'}\n${sections.join('\n')}`);
  }
  return missing.filter((s) => s.body.includes(TODO_MARKER)).map((s) => s.title);
}
