import fromMarkdown from 'mdast-util-from-markdown';

/** Something a markdown file points at: a link, an image, a link definition or a backticked path. */
export interface Reference {
  kind: 'link' | 'path';
  /** As written: the URL of a link, or the text of a backticked path. */
  target: string;
  /** 1-based line in the markdown file. */
  line: number;
}

interface MarkdownNode {
  type: string;
  url?: string;
  value?: string;
  position?: { start: { line: number } };
  children?: MarkdownNode[];
}

/** File types a backticked word must end in to count as a path when it has no slash. */
const PATH_EXTENSIONS = /\.(md|mdx|json|ya?ml|[cm]?[jt]sx?|txt|sh|toml)$/i;
/** Placeholders (`modules/<name>/`), globs, commands and tags are not paths to resolve. */
const NOT_A_PATH = /[\s<>*{}$:|]|^[@-]/;

/**
 * Lists what a markdown file refers to, from its syntax tree rather than regexes, so code blocks,
 * link titles and escaped brackets are handled as a markdown renderer handles them. Backticked
 * paths are included only when `withPaths` is set: agent maps name files that way.
 */
export function listReferences(markdown: string, withPaths: boolean): Reference[] {
  const references: Reference[] = [];
  const visit = (node: MarkdownNode) => {
    const line = node.position?.start.line ?? 0;
    if ((node.type === 'link' || node.type === 'image' || node.type === 'definition') && node.url) {
      references.push({ kind: 'link', target: node.url, line });
    } else if (withPaths && node.type === 'inlineCode' && node.value && isPathLike(node.value)) {
      references.push({ kind: 'path', target: node.value, line });
    }
    node.children?.forEach(visit);
  };
  visit(fromMarkdown(markdown) as MarkdownNode);
  return references;
}

function isPathLike(text: string): boolean {
  if (NOT_A_PATH.test(text)) return false;
  return text.includes('/') || PATH_EXTENSIONS.test(text);
}
