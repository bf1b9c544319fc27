/** A `##`-level (or deeper) section of a markdown file. */
export interface MarkdownSection {
  title: string;
  /** GitHub-style anchor of the heading, e.g. `public-api`. */
  anchor: string;
  level: number;
  /** 1-based line of the heading. */
  line: number;
  body: string;
}

/** GitHub's heading anchor: lower case, punctuation dropped, spaces to dashes. */
export function toAnchor(title: string): string {
  return title
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

/** Splits markdown into sections by ATX headings, ignoring headings inside fenced code. */
export function splitSections(text: string): MarkdownSection[] {
  const sections: MarkdownSection[] = [];
  let current: MarkdownSection | undefined;
  let fence: string | undefined;
  const lines = text.split(/\r?\n/);
  lines.forEach((line, index) => {
    const fenceMatch = /^\s*(```|~~~)/.exec(line);
    if (fenceMatch) fence = fence === fenceMatch[1] ? undefined : (fence ?? fenceMatch[1]);
    const heading = fence ? null : /^(#{1,6})\s+(.*?)\s*#*\s*$/.exec(line);
    if (heading) {
      current = { title: heading[2], anchor: toAnchor(heading[2]), level: heading[1].length, line: index + 1, body: '' };
      sections.push(current);
    } else if (current) {
      current.body += line + '\n';
    }
  });
  return sections;
}

/** True when a section body has prose beyond comments, blank lines and placeholders. */
export function hasRealText(body: string): boolean {
  const stripped = body.replace(/<!--[\s\S]*?-->/g, '').trim();
  return stripped.length > 0 && !isPlaceholder(stripped);
}

/** Text that a generator leaves for a person or agent to replace. */
export function isPlaceholder(text: string): boolean {
  return /^(TODO|TBD|FIXME)\b/i.test(text.trim()) || text.includes('harness:todo');
}
