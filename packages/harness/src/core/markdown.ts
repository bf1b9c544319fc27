import type fromMarkdownType = require('mdast-util-from-markdown');
import type { Code, Content, Heading, InlineCode, Root } from 'mdast';

/** github-slugger 1.x (its last CommonJS line) ships no types; calling it without `new` makes one. */
interface Slugger {
  slug(value: string): string;
}
/** A new slugger; the package (and its 8 KB regex) loads with the first markdown heading, not with every check. */
function createSlugger(): Slugger {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require('github-slugger') as () => Slugger)();
}

type MarkdownNode = Root | Content;

/** A heading with the anchor GitHub gives it (`#public-api`, then `#public-api-1` for a repeat). */
export interface MarkdownHeading {
  depth: number;
  text: string;
  anchor: string;
  /** 1-based line. */
  line: number;
}

/** A link target as written: inline links, images and the definitions that reference links use. */
export interface MarkdownLink {
  kind: 'link' | 'image' | 'definition';
  url: string;
  line: number;
  column: number;
}

/** A backticked span that names a file or folder, e.g. `src/index.ts`. */
export interface MarkdownPath {
  path: string;
  line: number;
  column: number;
}

interface CommandPlace {
  /** The command as written, e.g. `nx run billing:test`. */
  text: string;
  line: number;
  column: number;
}

/** A command named in inline code or a code block that the workspace must be able to run. */
export type MarkdownCommand = CommandPlace &
  (
    | { kind: 'npm-script'; script: string }
    | { kind: 'nx-target'; project: string; target: string }
    | { kind: 'nx-run-many'; targets: string[] }
  );

/**
 * Parses CommonMark into mdast. YAML front matter is blanked first (line for line, so positions
 * stay true): without the front-matter extension its closing `---` would turn the YAML into a
 * setext heading.
 */
export function parseMarkdown(text: string): Root {
  // Loaded on first use: micromark is 70 modules, and a dependency-rules run reads no Markdown.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const fromMarkdown = require('mdast-util-from-markdown') as typeof fromMarkdownType;
  return fromMarkdown(blankFrontMatter(text));
}

function blankFrontMatter(text: string): string {
  const match = /^---\r?\n[\s\S]*?\r?\n---[ \t]*(?=\r?\n|$)/.exec(text);
  return match ? match[0].replace(/[^\r\n]/g, '') + text.slice(match[0].length) : text;
}

/** Every heading in document order, with GitHub's anchors (duplicates get `-1`, `-2`, ...). */
export function listHeadings(tree: Root): MarkdownHeading[] {
  const slugger = createSlugger();
  const headings: MarkdownHeading[] = [];
  visitNodes(tree, (node) => {
    if (node.type !== 'heading') return;
    const text = collectText(node).trim();
    headings.push({ depth: node.depth, text, anchor: slugger.slug(text), line: lineOf(node) });
  });
  return headings;
}

/** GitHub's anchor of a heading with this text, before any duplicate suffix (`Public API` → `public-api`). */
export function toAnchor(text: string): string {
  return createSlugger().slug(text.trim());
}

/** A heading's text as GitHub slugs it: its text and inline code, without markup. */
export function readHeadingText(node: Heading): string {
  return collectText(node).trim();
}

/** Every `#fragment` a link may target in this document: heading anchors and HTML `id`/`name`s. */
export function listAnchors(tree: Root): string[] {
  const anchors = listHeadings(tree).map((h) => h.anchor);
  visitNodes(tree, (node) => {
    if (node.type !== 'html') return;
    for (const m of node.value.matchAll(/\b(?:id|name)\s*=\s*["']([^"']+)["']/g)) anchors.push(m[1]);
  });
  return anchors;
}

export function listLinks(tree: Root): MarkdownLink[] {
  const links: MarkdownLink[] = [];
  visitNodes(tree, (node) => {
    if (node.type === 'link' || node.type === 'image' || node.type === 'definition') {
      links.push({ kind: node.type, url: node.url, line: lineOf(node), column: columnOf(node) });
    }
  });
  return links;
}

/** Backticked spans that read as workspace paths; see `toWorkspacePath` for what counts. */
export function listInlineCodePaths(tree: Root): MarkdownPath[] {
  const paths: MarkdownPath[] = [];
  visitNodes(tree, (node) => {
    if (node.type !== 'inlineCode') return;
    const path = toWorkspacePath(node.value);
    if (path) paths.push({ path, line: lineOf(node), column: columnOf(node) + 1 });
  });
  return paths;
}

const PATH_EXTENSION = /\.(md|mdx|markdown|[cm]?[jt]s|[jt]sx|json|jsonc|ya?ml|toml|txt|sh|html|css|scss|snap)$/i;

/**
 * The path a backticked span names, or undefined when it is something else. A path has no
 * spaces, is not a URL, tag or `npm:` spec (no `:`), glob, `<placeholder>`, option, package name
 * or import alias (`@scope/x`), and either holds a `/` or ends in a known file extension.
 * A trailing `:line` or `#anchor` is dropped.
 */
export function toWorkspacePath(code: string): string | undefined {
  const value = code.trim().replace(/(?::\d+){1,2}$/, '').replace(/#[\w-]*$/, '');
  if (!/^[\p{L}\p{N}_./+-]+$/u.test(value) || /^[-@~+]/.test(value) || !/\p{L}/u.test(value)) return undefined;
  if (value.includes('//') || /^\.+\/?$/.test(value)) return undefined;
  return value.includes('/') || PATH_EXTENSION.test(value) ? value : undefined;
}

/** `npm run` scripts and Nx targets named in inline code and code blocks. */
export function listCommands(tree: Root): MarkdownCommand[] {
  const commands: MarkdownCommand[] = [];
  visitNodes(tree, (node) => {
    if (node.type === 'inlineCode') {
      commands.push(...findCommands(node.value, lineOf(node), columnOf(node) + 1));
    } else if (node.type === 'code') {
      const fenced = isFenced(node);
      // Content starts a line below a fence; an indented block's content is 4 columns in.
      const [first, column] = fenced ? [lineOf(node) + 1, columnOf(node)] : [lineOf(node), columnOf(node) + 4];
      node.value.split(/\r?\n/).forEach((line, i) => commands.push(...findCommands(line, first + i, column)));
    }
  });
  return commands;
}

/** mdast does not record fences; a fenced block spans more lines than its content. */
function isFenced(node: Code): boolean {
  const span = (node.position?.end.line ?? 0) - lineOf(node) + 1;
  return span > node.value.split(/\r?\n/).length;
}

// `nx` as a word: not inside `create-nx-workspace` or a path.
const NX = String.raw`(?<![\w./-])nx\s+`;
const TOKEN = String.raw`([^\s;&|()'"\x60]+)`;
const NPM_SCRIPT = new RegExp(String.raw`(?<![\w./-])npm\s+(?:run(?:-script)?\s+(?!-)${TOKEN}|(test)\b)`, 'g');
const NX_RUN = new RegExp(`${NX}run\\s+${TOKEN}`, 'g');
const NX_RUN_MANY = new RegExp(`${NX}(?:run-many|affected)\\b([^;&|\\x60]*)`, 'g');
const NX_TARGET_PROJECT = new RegExp(`${NX}([A-Za-z][\\w:-]*)\\s+(?!-)${TOKEN}`, 'g');

/** Nx's own commands, which read like `nx <target> <project>` but are not targets. */
const NX_COMMANDS = new Set(
  ('run run-many affected g generate graph dep-graph sync sync:check show reset migrate init add list report ' +
    'daemon format format:check format:write watch release connect connect-to-nx-cloud view-logs exec ' +
    'repair import login logout mcp print-affected affected:graph configure-ai-agents help').split(' '),
);

/** The commands on one line of code; `column` is where the line starts. */
export function findCommands(text: string, line: number, column: number): MarkdownCommand[] {
  const at = (index: number) => ({ line, column: column + index });
  const commands: MarkdownCommand[] = [];
  for (const m of text.matchAll(NPM_SCRIPT)) {
    commands.push({ kind: 'npm-script', script: m[1] ?? m[2], text: m[0], ...at(m.index ?? 0) });
  }
  for (const m of text.matchAll(NX_RUN)) {
    const [project, target] = m[1].split(':');
    if (target !== undefined) commands.push({ kind: 'nx-target', project, target, text: m[0], ...at(m.index ?? 0) });
  }
  for (const m of text.matchAll(NX_RUN_MANY)) {
    const targets = readTargetsOption(m[1]);
    if (targets.length) commands.push({ kind: 'nx-run-many', targets, text: m[0].trim(), ...at(m.index ?? 0) });
  }
  for (const m of text.matchAll(NX_TARGET_PROJECT)) {
    if (NX_COMMANDS.has(m[1])) continue;
    commands.push({ kind: 'nx-target', target: m[1], project: m[2], text: m[0], ...at(m.index ?? 0) });
  }
  return commands;
}

/** `-t a,b`, `-t a b`, `--target=a` and `--targets a,b` all name targets. */
function readTargetsOption(args: string): string[] {
  const words = args.trim().split(/\s+/);
  const targets: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const option = /^(?:-t|--targets?)(?:=(.*))?$/.exec(words[i]);
    if (!option) continue;
    if (option[1] !== undefined) targets.push(...option[1].split(','));
    else for (let j = i + 1; j < words.length && !words[j].startsWith('-'); j++) targets.push(...words[j].split(','));
  }
  return targets.filter(Boolean);
}

/** A `<name>`, `{a,b}`, `$VAR`, glob or `...` stands for a value, so there is nothing to check. */
export function isPlaceholder(token: string): boolean {
  return /[<>{}$*[\]]|\.\.\./.test(token) || token === '';
}

function visitNodes(node: MarkdownNode, visit: (node: MarkdownNode) => void): void {
  visit(node);
  if ('children' in node) for (const child of node.children) visitNodes(child as Content, visit);
}

/** The text GitHub slugs a heading from: its text and inline code, without markup. */
function collectText(node: MarkdownNode): string {
  if (node.type === 'text' || node.type === 'inlineCode') return (node as InlineCode).value;
  return 'children' in node ? (node.children as Content[]).map(collectText).join('') : '';
}

const lineOf = (node: MarkdownNode) => node.position?.start.line ?? 0;
const columnOf = (node: MarkdownNode) => node.position?.start.column ?? 0;
