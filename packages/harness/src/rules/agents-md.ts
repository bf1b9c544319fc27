import * as path from 'node:path';
import type { OptionsSchema } from '../config/types';
import type { Rule, RuleContext, RuleFinding } from './types';
import { checkNamedThings, normalizeRoot, REFERENCE } from './agents-md-references';

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
