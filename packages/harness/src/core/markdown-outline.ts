import type { Heading, Root } from 'mdast';
import { parseMarkdown, readHeadingText, toAnchor } from './markdown';

/**
 * A document's sections as the CommonMark parser sees them (so a `#` line inside a code fence or
 * front matter is no heading), and the one judgement of whether a section is written, shared by
 * the docs rule, `harness:report`, `harness:adopt` and `--fix`.
 */

/** A heading of the document's top level and the text up to the next heading of any depth. */
export interface MarkdownSection {
  title: string;
  /** GitHub's anchor of the heading, without a duplicate suffix. */
  anchor: string;
  depth: number;
  /** 1-based line of the heading. */
  line: number;
  /** The lines between this heading and the next, as written. */
  body: string;
}

export type SectionState = 'written' | 'placeholder' | 'missing';

/** Every top-level section in document order; pass the parsed tree when the caller has it. */
export function listSections(text: string, tree: Root = parseMarkdown(text)): MarkdownSection[] {
  const lines = text.split(/\r?\n/);
  const headings = tree.children.filter((node): node is Heading => node.type === 'heading');
  return headings.map((heading, index) => {
    const title = readHeadingText(heading);
    // Positions are 1-based, so the heading's end line is the index of the line after it.
    const from = heading.position?.end.line ?? 0;
    const next = headings[index + 1];
    const to = next ? (next.position?.start.line ?? 1) - 1 : lines.length;
    const body = lines.slice(from, to).map((line) => `${line}\n`).join('');
    return { title, anchor: toAnchor(title), depth: heading.depth, line: heading.position?.start.line ?? 0, body };
  });
}

/** The section whose heading has the anchor of `name` (`Public API` finds `## Public API`). */
export function findSection(sections: readonly MarkdownSection[], name: string): MarkdownSection | undefined {
  const anchor = toAnchor(name);
  return sections.find((section) => section.anchor === anchor);
}

/**
 * Whether the section called `name` is written: it, or a subsection under it (a deeper heading
 * before the next heading of its own depth or higher), has real text.
 */
export function judgeSection(sections: readonly MarkdownSection[], name: string): SectionState {
  const section = findSection(sections, name);
  if (!section) return 'missing';
  const index = sections.indexOf(section);
  const end = sections.findIndex((s, i) => i > index && s.depth <= section.depth);
  const own = sections.slice(index, end < 0 ? undefined : end);
  return own.some((s) => hasRealText(s.body)) ? 'written' : 'placeholder';
}

/** True when a section body has prose beyond comments, blank lines and template text. */
export function hasRealText(body: string): boolean {
  const stripped = body.replace(/<!--[\s\S]*?-->/g, '').trim();
  return stripped.length > 0 && !isTemplateText(stripped);
}

/** Text that a generator leaves for a person or agent to replace. */
export function isTemplateText(text: string): boolean {
  return /^(TODO|TBD|FIXME)\b/i.test(text.trim()) || text.includes('harness:todo');
}
