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
import type { OptionsSchema } from '../config/types';
import type { Rule, RuleContext, RuleFinding } from './types';

export interface AgentsMdOptions {
  /** The most lines of the root AGENTS.md: a map, not a manual. */
  maxLines: number;
  /** The most lines of any nested AGENTS.md, which holds only what differs for its folder. */
  moduleMaxLines: number;
  /** The most bytes of the AGENTS.md files from the root down to a module folder, together. */
  chainBytes: number;
}

const DEFAULT_OPTIONS: AgentsMdOptions = { maxLines: 100, moduleMaxLines: 40, chainBytes: 32768 };
const OPTIONS_SCHEMA: OptionsSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    maxLines: { type: 'integer', minimum: 1, description: 'The most lines of the root AGENTS.md.' },
    moduleMaxLines: { type: 'integer', minimum: 1, description: 'The most lines of any nested AGENTS.md.' },
    chainBytes: { type: 'integer', minimum: 1, description: 'The most bytes of the AGENTS.md files from the root down to a module folder, together.' },
  },
};
const AGENTS_FILE = 'AGENTS.md';
const REFERENCE = 'ARCHITECTURE.md#documentation';
const SHOWN = 8;
/** Where a finding about a whole file points. */
const WHOLE_FILE = { line: 0, column: 0, reference: REFERENCE };

/**
 * The agent docs stay small and true. Agents such as Codex read every AGENTS.md from the root
 * down to the folder they work in, joined, up to a byte budget; so each file has a line budget,
 * each module's chain a byte budget, a child never repeats its parents, and every path, link,
 * anchor, npm script and Nx target the files name exists.
 *
 * The rule runs per project, but each file is checked once: the root AGENTS.md on the workspace
 * project (root ''), a module's own AGENTS.md on that module, and a folder's in between on the
 * first project below it.
 */
export const agentsMdRule: Rule = {
  id: 'agents-md',
  description: 'AGENTS.md files stay within their line and chain budgets, never repeat a parent, and name only paths, links, anchors, scripts and targets that exist.',
  defaultSeverity: 'error',
  defaultOptions: { ...DEFAULT_OPTIONS },
  optionsSchema: OPTIONS_SCHEMA,
  judgesWorkspace: true,
  check: checkAgentsMd,
};

export function checkAgentsMd(ctx: RuleContext): RuleFinding[] {
  const options = { ...DEFAULT_OPTIONS, ...ctx.setting.options } as AgentsMdOptions;
  const root = normalizeRoot(ctx.project.root);
  const findings: RuleFinding[] = [];
  for (const folder of listFolders(root)) {
    if (!(folder ? anchorsFolder(ctx, folder) : !root)) continue;
    const file = agentsFileOf(folder);
    const text = ctx.readText(file);
    if (text === undefined) continue;
    findings.push(
      ...checkLineBudget(file, text, folder ? options.moduleMaxLines : options.maxLines),
      ...checkRepeatedLines(ctx, folder, text),
      ...checkNamedThings(ctx, file, text),
    );
  }
  if (root) findings.push(...checkChainBudget(ctx, root, options.chainBytes));
  return findings;
}

/** `''` for the workspace root, then every folder down to `root`. */
function listFolders(root: string): string[] {
  const parts = root ? root.split('/') : [];
  return ['', ...parts.map((_, i) => parts.slice(0, i + 1).join('/'))];
}

const normalizeRoot = (root: string) => (root === '.' ? '' : root.replace(/\/+$/, ''));
const agentsFileOf = (folder: string) => (folder ? `${folder}/${AGENTS_FILE}` : AGENTS_FILE);

/** A folder's file belongs to the project rooted there, else to the first project below it. */
function anchorsFolder(ctx: RuleContext, folder: string): boolean {
  const roots = Object.values(ctx.projects).map((p) => ({ name: p.name, root: normalizeRoot(p.root) }));
  const owner = roots.find((p) => p.root === folder) ?? roots.filter((p) => p.root.startsWith(`${folder}/`)).sort((a, b) => (a.name < b.name ? -1 : 1))[0];
  return owner?.name === ctx.project.name;
}

/** The existing AGENTS.md files from the root down to `folder`, with their text. */
function readChain(ctx: RuleContext, folder: string): Array<{ file: string; text: string }> {
  return listFolders(folder)
    .map((f) => ({ file: agentsFileOf(f), text: ctx.readText(agentsFileOf(f)) }))
    .filter((entry): entry is { file: string; text: string } => entry.text !== undefined);
}

function checkLineBudget(file: string, text: string, maxLines: number): RuleFinding[] {
  const lineCount = text === '' ? 0 : text.replace(/\r?\n$/, '').split(/\r?\n/).length;
  if (lineCount <= maxLines) return [];
  return [
    {
      ...WHOLE_FILE,
      kind: 'agents-md/over-line-budget',
      title: 'AGENTS.md over its line budget',
      file,
      found: `${lineCount} lines`,
      expected: `at most ${maxLines} lines: AGENTS.md is a map that points onward, not a manual`,
      fix: `Cut ${file} to ${maxLines} lines: move detail into docs/, ARCHITECTURE.md or a module README and leave a one-line link to it`,
    },
  ];
}

function checkChainBudget(ctx: RuleContext, root: string, chainBytes: number): RuleFinding[] {
  const chain = readChain(ctx, root);
  const sizes = chain.map((c) => ({ file: c.file, bytes: Buffer.byteLength(c.text, 'utf8') }));
  const total = sizes.reduce((sum, s) => sum + s.bytes, 0);
  if (total <= chainBytes) return [];
  const largest = [...sizes].sort((a, b) => b.bytes - a.bytes)[0];
  return [
    {
      ...WHOLE_FILE,
      kind: 'agents-md/over-chain-budget',
      title: 'AGENTS.md chain over its byte budget',
      file: sizes[sizes.length - 1].file,
      found: `${total} bytes in ${sizes.map((s) => s.file).join(' + ')}`,
      expected: `at most ${chainBytes} bytes from the root AGENTS.md down to ${root}/, since agents read the files joined and cut them off at a budget`,
      fix: `Shorten the chain by ${total - chainBytes} bytes: move detail out of the largest file, ${largest.file} (${largest.bytes} bytes), into docs/ or a README and link to it`,
    },
  ];
}

/** Agents read a child with all its parents, so a repeated line costs budget twice and drifts. */
function checkRepeatedLines(ctx: RuleContext, folder: string, text: string): RuleFinding[] {
  if (!folder) return [];
  const parentFolder = path.posix.dirname(folder) === '.' ? '' : path.posix.dirname(folder);
  // Nearest parent first, each as comparable line → its first line number.
  const parents = readChain(ctx, parentFolder)
    .reverse()
    .map(({ file, text: parentText }) => ({ file, lines: indexComparableLines(parentText) }));
  const file = agentsFileOf(folder);
  const findings: RuleFinding[] = [];
  text.split(/\r?\n/).forEach((line, index) => {
    const key = toComparableLine(line);
    const parent = key === undefined ? undefined : parents.find((p) => p.lines.has(key));
    if (!key || !parent) return;
    findings.push({
      kind: 'agents-md/repeated-line',
      title: 'Line repeated from a parent AGENTS.md',
      file,
      line: index + 1,
      column: 1,
      found: line.trim(),
      expected: `a nested AGENTS.md says only what differs for its folder; this line is already ${parent.file}:${parent.lines.get(key)}`,
      fix: `Remove line ${index + 1} from ${file}: agents already read it in ${parent.file}`,
      reference: REFERENCE,
    });
  });
  return findings;
}

function indexComparableLines(text: string): Map<string, number> {
  const lines = new Map<string, number>();
  text.split(/\r?\n/).forEach((line, index) => {
    const key = toComparableLine(line);
    if (key !== undefined && !lines.has(key)) lines.set(key, index + 1);
  });
  return lines;
}

/**
 * The line as compared, or undefined for lines that may repeat: blank lines, headings (a shared
 * `## Commands` is structure, not content), fences, comments and markers, rules and table
 * separators, and lines of fewer than three words.
 */
export function toComparableLine(line: string): string | undefined {
  const trimmed = line.trim();
  if (/^(#{1,6}\s|```|~~~|<!--)/.test(trimmed)) return undefined;
  const content = trimmed.replace(/^(?:[-*+>]|\d+[.)])\s+/, '').replace(/\s+/g, ' ');
  return (content.match(/[\p{L}\p{N}]+/gu) ?? []).length >= 3 ? content : undefined;
}

/** Links, anchors, backticked paths, npm scripts and Nx targets named in one file. */
function checkNamedThings(ctx: RuleContext, file: string, text: string): RuleFinding[] {
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
