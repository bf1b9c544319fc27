import * as path from 'node:path';
import { listAnchors, listLinks, parseMarkdown } from '../../../core/markdown';
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

/** A scheme (`https:`, `mailto:`) or `//host`: outside the repository, so not checked here. */
const EXTERNAL = /^([a-z][a-z0-9+.-]*:|\/\/)/i;

/**
 * Checks that every relative link of a module document resolves to a file or folder of the
 * workspace, and that a `#anchor` into a markdown file names one of its headings. (The root
 * AGENTS.md is judged by the agents-md rule instead, which also checks backticked paths.)
 */
export function findBrokenReferences(files: WorkspaceFiles, file: string, text: string): ReferenceCheck {
  const links = listLinks(parseMarkdown(text)).filter((l) => !EXTERNAL.test(l.url));
  const broken: BrokenReference[] = [];
  for (const link of links) {
    const reason = resolveLink(files, file, text, link.url);
    if (reason) broken.push({ target: link.url, line: link.line, reason });
  }
  return { checked: links.length, broken };
}

/** Undefined when the link resolves; otherwise why not. */
function resolveLink(files: WorkspaceFiles, file: string, text: string, url: string): string | undefined {
  const [beforeHash, anchor] = splitOnce(url, '#');
  const target = safeDecode(splitOnce(beforeHash, '?')[0]);
  const resolved = target === '' ? file : joinFrom(file, target);
  if (resolved === undefined) return `${target} is outside the workspace`;
  if (!files.exists(resolved)) return `${resolved} does not exist`;
  if (!anchor || !resolved.endsWith('.md')) return undefined;
  const targetText = resolved === file ? text : files.read(resolved);
  if (targetText === undefined) return undefined;
  const wanted = safeDecode(anchor);
  const anchors = listAnchors(parseMarkdown(targetText));
  return anchors.includes(wanted) || anchors.includes(wanted.toLowerCase()) ? undefined : `${resolved} has no heading #${anchor}`;
}

/** Workspace-relative path of `target` as written in `file`; `/x` is from the root. */
function joinFrom(file: string, target: string): string | undefined {
  const folder = target.startsWith('/') ? '' : path.posix.dirname(file);
  const joined = path.posix.normalize(path.posix.join(folder === '.' ? '' : folder, target.replace(/^\/+/, '')));
  if (joined === '..' || joined.startsWith('../')) return undefined;
  return joined.replace(/\/+$/, '') || '.';
}

function splitOnce(text: string, separator: string): [string, string | undefined] {
  const at = text.indexOf(separator);
  return at < 0 ? [text, undefined] : [text.slice(0, at), text.slice(at + 1)];
}

/** `%20` in a link is a space in the file name; a malformed escape is taken as written. */
function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
