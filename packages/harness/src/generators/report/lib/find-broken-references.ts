import { listAnchors, listLinks, parseMarkdown } from '../../../core/markdown';
import { hasAnchor, isMarkdownFile, resolveLink, type ResolvedLink } from '../../../core/resolve-link';
import type { WorkspaceFiles } from './types';

/** A link, image or link definition that does not lead anywhere. */
export interface BrokenReference {
  /** The URL as written. */
  target: string;
  /** 1-based line in the markdown file. */
  line: number;
  /** Why it does not resolve, naming the path that was looked for. */
  reason: string;
}

export interface ReferenceCheck {
  /** How many relative references were checked (external URLs are not). */
  checked: number;
  broken: BrokenReference[];
}

/**
 * Checks that every relative link of a module document resolves to a file or folder of the
 * workspace, and that a `#anchor` into a markdown file names one of its headings. (The root
 * AGENTS.md is judged by the agents-md rule instead, which also checks backticked paths.)
 */
export function findBrokenReferences(files: WorkspaceFiles, file: string, text: string): ReferenceCheck {
  let checked = 0;
  const broken: BrokenReference[] = [];
  for (const link of listLinks(parseMarkdown(text))) {
    const resolved = resolveLink(file, link.url);
    if (!resolved) continue;
    checked++;
    const reason = explainBrokenLink(files, file, text, resolved);
    if (reason) broken.push({ target: link.url, line: link.line, reason });
  }
  return { checked, broken };
}

/** Undefined when the link resolves; otherwise why not. */
function explainBrokenLink(files: WorkspaceFiles, file: string, text: string, link: ResolvedLink): string | undefined {
  const { written, target, fragment } = link;
  if (target === undefined) return `${written} is outside the workspace`;
  if (!files.exists(target)) return `${target} does not exist`;
  if (!fragment || !isMarkdownFile(target)) return undefined;
  const targetText = target === file ? text : files.read(target);
  if (targetText === undefined) return undefined;
  return hasAnchor(listAnchors(parseMarkdown(targetText)), fragment) ? undefined : `${target} has no heading #${fragment}`;
}
