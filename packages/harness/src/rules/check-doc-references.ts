import * as path from 'node:path';
import { listInlineCodePaths, listLinks, parseMarkdown } from '../core/markdown';
import { resolveLink, resolveWorkspacePath } from '../core/resolve-link';
import type { RuleContext, RuleFinding } from './types';

export interface DocReferenceOptions {
  /** Whose docs these are, for the finding's title. */
  owner: 'module' | 'workspace';
  /**
   * Also judge backticked paths. Off for prose such as ARCHITECTURE.md, which names paths
   * inside a package (`src/index.ts`) without saying which one.
   */
  paths: boolean;
}

/**
 * Relative links and backticked paths of one markdown file must resolve: a link against the
 * file's folder, a backticked path against the file's folder or the workspace root. Paths that
 * would leave the workspace never resolve.
 */
export function checkDocReferences(
  ctx: RuleContext,
  file: string,
  text: string,
  options: DocReferenceOptions = { owner: 'module', paths: true },
): RuleFinding[] {
  const dir = path.posix.dirname(file);
  const tree = parseMarkdown(text);
  const findings: RuleFinding[] = [];
  const exists = (target: string | undefined) => target !== undefined && ctx.exists(target);
  for (const link of listLinks(tree)) {
    // Anchors are not judged here, so a link into the file itself (`#usage`) always resolves.
    const resolved = link.kind === 'image' ? undefined : resolveLink(file, link.url);
    if (!resolved || resolved.written === '' || exists(resolved.target)) continue;
    findings.push({
      kind: 'docs/broken-link',
      title: `Broken link in ${options.owner} docs`,
      file,
      line: link.line,
      column: link.column,
      found: link.url,
      expected: 'every relative link resolves to a file in the workspace',
      fix: `Point the link at an existing file (relative to ${dir === '.' ? 'the workspace root' : dir}), or remove it`,
      reference: 'ARCHITECTURE.md#documentation',
    });
  }
  for (const ref of options.paths ? listInlineCodePaths(tree) : []) {
    if (exists(resolveWorkspacePath(file, ref.path)) || exists(resolveWorkspacePath('', ref.path))) continue;
    findings.push({
      kind: 'docs/missing-path',
      title: `Missing path in ${options.owner} docs`,
      file,
      line: ref.line,
      column: ref.column,
      found: ref.path,
      expected: 'every backticked path names a file or folder that exists',
      fix: `Rename \`${ref.path}\` to the path as it is now (relative to ${dir} or the workspace root), or remove it`,
      reference: 'ARCHITECTURE.md#documentation',
    });
  }
  return findings;
}
