// The agents-md rule's second half: every path, link, anchor, npm script and Nx target an agent
// file names must exist. The budgets and the repeat check stay in agents-md.ts.
import * as path from 'node:path';
import {
  isPlaceholder,
  listAnchors,
  listCommands,
  listInlineCodePaths,
  listLinks,
  parseMarkdown,
  type MarkdownCommand,
  type MarkdownLink,
} from '../core/markdown';
import { hasAnchor, isMarkdownFile, resolveLink, resolveWorkspacePath } from '../core/resolve-link';
import type { RuleContext, RuleFinding } from './types';

/** Where every agents-md finding points. */
export const REFERENCE = 'ARCHITECTURE.md#documentation';
const SHOWN = 8;
/** A project root as the rule compares it: '' for the workspace root, no trailing slash. */
export const normalizeRoot = (root: string) => (root === '.' ? '' : root.replace(/\/+$/, ''));

/** Links, anchors, backticked paths, npm scripts and Nx targets named in one file. */
export function checkNamedThings(ctx: RuleContext, file: string, text: string): RuleFinding[] {
  const tree = parseMarkdown(text);
  const anchorCache = new Map<string, string[]>([[file, listAnchors(tree)]]);
  const findings: RuleFinding[] = [];
  for (const link of listLinks(tree)) findings.push(...checkLink(ctx, file, link, anchorCache));
  const paths = listInlineCodePaths(tree);
  for (const named of paths) {
    const folders = paths.filter((p) => p.line === named.line && p.column < named.column && p.path.endsWith('/')).map((p) => p.path);
    if (pathExists(ctx, file, named.path, folders)) continue;
    findings.push({
      kind: 'agents-md/missing-path',
      title: 'Missing path in agent docs',
      file,
      line: named.line,
      column: named.column,
      found: named.path,
      expected: 'every path AGENTS.md names exists, relative to the file, the workspace root or a project root',
      fix: describePathFix(ctx, file, named.path),
      reference: REFERENCE,
    });
  }
  for (const command of listCommands(tree)) findings.push(...checkCommand(ctx, file, command));
  return findings;
}

function checkLink(ctx: RuleContext, file: string, link: MarkdownLink, anchorCache: Map<string, string[]>): RuleFinding[] {
  const url = link.url.trim();
  const resolved = url ? resolveLink(file, url) : undefined;
  if (!resolved) return [];
  const { written, target, fragment = '' } = resolved;
  const place = { file, line: link.line, column: link.column, reference: REFERENCE };
  if (target === undefined || !ctx.exists(target)) {
    return [
      {
        ...place,
        kind: 'agents-md/broken-link',
        title: 'Broken link in agent docs',
        found: url,
        expected: 'every relative link in AGENTS.md resolves to a file or folder in the workspace',
        fix: describePathFix(ctx, file, written),
      },
    ];
  }
  if (!fragment || !isMarkdownFile(target)) return [];
  if (!anchorCache.has(target)) anchorCache.set(target, listAnchors(parseMarkdown(ctx.readText(target) ?? '')));
  const anchors = anchorCache.get(target) ?? [];
  if (hasAnchor(anchors, fragment)) return [];
  return [
    {
      ...place,
      kind: 'agents-md/broken-anchor',
      title: 'Broken anchor in agent docs',
      found: url,
      expected: `#${fragment} is a heading of ${target}`,
      fix: anchors.length
        ? `Point the link at an existing heading of ${target}, one of: ${anchors.slice(0, SHOWN).map((a) => `#${a}`).join(', ')}; or add a "${fragment}" heading there`
        : `Remove #${fragment} from the link: ${target} has no headings`,
    },
  ];
}

/**
 * A backticked path counts when it exists relative to the file, to the workspace root, to a
 * folder named earlier on the same line (`scripts/`: `build.mjs`) or to a project root (a root
 * map says `src/index.ts` of the package it just named); a bare file name also counts when some
 * project file has it.
 */
function pathExists(ctx: RuleContext, file: string, named: string, folders: string[]): boolean {
  const bare = named.replace(/\/+$/, '');
  const fromFile = resolveWorkspacePath(file, bare);
  if (fromFile !== undefined && ctx.exists(fromFile)) return true;
  if (!bare.startsWith('.') && ctx.exists(path.posix.normalize(bare.replace(/^\/+/, '')))) return true;
  for (const folder of folders) {
    const candidate = resolveWorkspacePath(file, `${folder}${bare}`);
    if (candidate !== undefined && ctx.exists(candidate)) return true;
  }
  const known = readKnownFiles(ctx);
  if (!bare.includes('/')) return known.baseNames.has(bare);
  return Object.values(ctx.projects).some((p) => {
    const candidate = path.posix.join(normalizeRoot(p.root), bare);
    return known.files.has(candidate) || known.folders.has(candidate);
  });
}

interface KnownFiles {
  files: Set<string>;
  folders: Set<string>;
  baseNames: Set<string>;
}

// The file map is shared by every project of a run, so the index is built once per run.
const KNOWN_FILES = new WeakMap<object, KnownFiles>();

function readKnownFiles(ctx: RuleContext): KnownFiles {
  let known = KNOWN_FILES.get(ctx.projects);
  if (known) return known;
  known = { files: new Set(), folders: new Set(), baseNames: new Set() };
  // Project files only: the workspace project owns every other file, and a bare name is meant
  // to count when a module has it, not when some file anywhere does.
  for (const p of Object.values(ctx.projects).filter((project) => normalizeRoot(project.root))) {
    for (const f of p.files) {
      known.files.add(f);
      known.baseNames.add(path.posix.basename(f));
      for (let d = path.posix.dirname(f); d !== '.' && !known.folders.has(d); d = path.posix.dirname(d)) known.folders.add(d);
    }
  }
  KNOWN_FILES.set(ctx.projects, known);
  return known;
}

/** Suggests where a path went: files with its name, else what its nearest existing folder holds. */
function describePathFix(ctx: RuleContext, file: string, named: string): string {
  const known = readKnownFiles(ctx);
  const base = path.posix.basename(named.replace(/\/+$/, ''));
  let suggestions = [...known.files].filter((f) => path.posix.basename(f) === base);
  if (suggestions.length === 0) {
    let folder = path.posix.dirname(resolveWorkspacePath(file, named.replace(/\/+$/, '')) ?? named);
    while (folder !== '.' && !known.folders.has(folder)) folder = path.posix.dirname(folder);
    if (folder !== '.') suggestions = [...known.files].filter((f) => path.posix.dirname(f) === folder);
  }
  const such = suggestions.sort().slice(0, 3).map((s) => `\`${s}\``).join(', ');
  return such
    ? `Point \`${named}\` in ${file} at an existing path such as ${such}, or remove the line`
    : `Remove \`${named}\` from ${file}, or create it`;
}

function checkCommand(ctx: RuleContext, file: string, command: MarkdownCommand): RuleFinding[] {
  const place = { file, line: command.line, column: command.column, found: command.text, reference: REFERENCE };
  if (command.kind === 'npm-script') {
    const scripts = readScripts(ctx, path.posix.dirname(file));
    if (isPlaceholder(command.script) || scripts.includes(command.script)) return [];
    return [
      {
        ...place,
        kind: 'agents-md/unknown-script',
        title: 'Unknown npm script in agent docs',
        expected: `"${command.script}" is a script in package.json`,
        fix: `Add a "${command.script}" script to package.json, or change the command to one of: ${listOrNone(scripts)}`,
      },
    ];
  }
  const projects = Object.keys(ctx.graph.nodes).sort();
  if (command.kind === 'nx-target' && !isPlaceholder(command.project) && !ctx.graph.nodes[command.project]) {
    return [
      {
        ...place,
        kind: 'agents-md/unknown-project',
        title: 'Unknown Nx project in agent docs',
        expected: `"${command.project}" is a project in the Nx project graph`,
        fix: `Change "${command.project}" to an existing project, one of: ${listOrNone(projects)} (\`npx nx show projects\` lists them)`,
      },
    ];
  }
  const wanted = command.kind === 'nx-target' ? [command.target] : command.targets;
  const owners = command.kind === 'nx-target' && !isPlaceholder(command.project) ? [command.project] : projects;
  const targets = [...new Set(owners.flatMap((p) => readTargets(ctx, p) ?? []))].sort();
  // A graph without target data (no node has any) cannot prove a target missing.
  if (owners.every((p) => readTargets(ctx, p) === undefined)) return [];
  const missing = wanted.filter((t) => !isPlaceholder(t) && !targets.includes(t));
  return missing.map((target) => ({
    ...place,
    kind: 'agents-md/unknown-target',
    title: 'Unknown Nx target in agent docs',
    expected: owners.length === 1 ? `"${target}" is a target of ${owners[0]}` : `"${target}" is a target of some project`,
    fix:
      `Change "${target}" to an existing target, one of: ${listOrNone(targets)}` +
      (owners.length === 1 ? `; or add a "${target}" target to ${owners[0]}` : '') +
      ' (`npx nx sync` regenerates the harness commands list)',
  }));
}

function readTargets(ctx: RuleContext, project: string): string[] | undefined {
  const targets = (ctx.graph.nodes[project]?.data as { targets?: Record<string, unknown> } | undefined)?.targets;
  return targets ? Object.keys(targets) : undefined;
}

/** Scripts of the root package.json and, for a nested AGENTS.md, of its folder's package.json. */
function readScripts(ctx: RuleContext, folder: string): string[] {
  const files = folder === '.' ? ['package.json'] : ['package.json', `${folder}/package.json`];
  const scripts = new Set<string>();
  for (const f of files) {
    try {
      for (const name of Object.keys(JSON.parse(ctx.readText(f) ?? '{}').scripts ?? {})) scripts.add(name);
    } catch {
      // An unreadable package.json has no scripts to offer; the finding then lists none.
    }
  }
  return [...scripts].sort();
}

const listOrNone = (names: string[]) =>
  names.length === 0 ? '(none)' : names.slice(0, SHOWN).join(', ') + (names.length > SHOWN ? `, and ${names.length - SHOWN} more` : '');
