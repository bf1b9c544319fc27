import * as path from 'node:path';

/**
 * Where a markdown link leads, as GitHub reads it, for every check that follows links: the docs
 * and agents-md rules and `harness:report`.
 */

/** A relative link, split and decoded. */
export interface ResolvedLink {
  /** The path part as written, decoded (`docs/a b.md`); '' for a link into the same file. */
  written: string;
  /** The workspace-relative target ('.' for the root); undefined when the path leaves the workspace. */
  target: string | undefined;
  /** The `#fragment` as written, without the `#`; undefined when there is none. */
  fragment: string | undefined;
}

/** A scheme (`https:`, `mailto:`) or `//host`: outside the repository, so never checked. */
const EXTERNAL = /^([a-z][a-z\d+.-]*:|\/\/)/i;

/** Splits and resolves a link written in `file`; undefined for an external URL. */
export function resolveLink(file: string, url: string): ResolvedLink | undefined {
  const trimmed = url.trim();
  if (EXTERNAL.test(trimmed)) return undefined;
  const hash = trimmed.indexOf('#');
  const beforeHash = hash < 0 ? trimmed : trimmed.slice(0, hash);
  const written = decodeLinkText(beforeHash.split('?')[0]);
  const target = written === '' ? file : resolveWorkspacePath(file, written);
  return { written, target, fragment: hash < 0 ? undefined : trimmed.slice(hash + 1) };
}

/**
 * The workspace-relative path of `written` as named in `file`: relative to the file's folder, or
 * to the workspace root when it starts with `/`. Undefined when it leaves the workspace.
 */
export function resolveWorkspacePath(file: string, written: string): string | undefined {
  const folder = written.startsWith('/') ? '' : path.posix.dirname(file);
  const joined = path.posix.normalize(path.posix.join(folder === '.' ? '' : folder, written.replace(/^\/+/, '')));
  if (joined === '..' || joined.startsWith('../')) return undefined;
  return joined.replace(/\/+$/, '') || '.';
}

/** `%20` in a link is a space in the file name; a `%` that starts no valid escape is taken as written. */
export function decodeLinkText(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Whether a link's `#fragment` names one of a document's anchors (GitHub matches them case-blind). */
export function hasAnchor(anchors: readonly string[], fragment: string): boolean {
  const wanted = decodeLinkText(fragment).toLowerCase();
  return anchors.some((anchor) => anchor.toLowerCase() === wanted);
}

/** Whether a link target is a markdown document, whose headings a fragment can name. */
export function isMarkdownFile(file: string): boolean {
  return /\.(md|markdown)$/i.test(file);
}
