import type { Content, Root } from 'mdast';
import { listLinks, parseMarkdown } from '../../../core/markdown';
import { readMarkedBlock } from '../../../docs/markers';
import { hasProse } from './has-prose';
import { RUBRIC } from './rubric';
import type { Criterion, ModuleScore, WorkspaceFiles } from './types';

/** BRIEF.md names each module in its map: by backticked name, or by a link or path to its folder. */
export function judgeBrief(files: WorkspaceFiles, modules: ModuleScore[]): Criterion {
  const base = { id: 'brief-lists-modules', title: 'BRIEF.md lists every module' };
  const text = files.read('BRIEF.md');
  if (text === undefined) return { ...base, passed: false, evidence: 'BRIEF.md does not exist', gap: 'Run `nx g harness:init` to write BRIEF.md with its module map' };
  const mentions = listMentions(text);
  const isListed = (m: ModuleScore) =>
    mentions.has(m.name) || [...mentions].some((x) => x === m.root || x.startsWith(`${m.root}/`));
  const unlisted = modules.filter((m) => !isListed(m));
  if (unlisted.length === 0) return { ...base, passed: true, evidence: `BRIEF.md: lists all ${modules.length} modules` };
  const names = unlisted.map((m) => `${m.name} (${m.root})`).join(', ');
  return { ...base, passed: false, evidence: `BRIEF.md: does not list ${names}`, gap: `Run \`nx sync\` to regenerate the module map in BRIEF.md, or add rows for ${names}` };
}

/** ARCHITECTURE.md carries its generated section, and that section says something. */
export function judgeArchitecture(files: WorkspaceFiles): Criterion {
  const base = { id: 'architecture-generated', title: 'ARCHITECTURE.md has its generated section' };
  const gap = 'Run `nx sync` to write the generated section (between the harness markers) of ARCHITECTURE.md';
  const text = files.read('ARCHITECTURE.md');
  if (text === undefined) return { ...base, passed: false, evidence: 'ARCHITECTURE.md does not exist', gap };
  const block = readMarkedBlock(text);
  if (block === undefined) return { ...base, passed: false, evidence: 'ARCHITECTURE.md: no <!-- harness:start --> / <!-- harness:end --> section', gap };
  if (!hasProse(block)) return { ...base, passed: false, evidence: 'ARCHITECTURE.md: the generated section is empty', gap };
  return { ...base, passed: true, evidence: `ARCHITECTURE.md: generated section of ${block.split('\n').length} lines between the harness markers` };
}

/** The docs/ system of record is laid out, and its markdown files are not empty. */
export function judgeDocsSkeleton(files: WorkspaceFiles): Criterion {
  const base = { id: 'docs-skeleton', title: 'The docs/ skeleton is in place' };
  const missing = RUBRIC.docsSkeleton.filter((p) => !files.exists(p));
  const empty = RUBRIC.docsSkeleton.filter((p) => p.endsWith('.md') && files.exists(p) && !hasProse(files.read(p) ?? ''));
  if (missing.length === 0 && empty.length === 0) {
    return { ...base, passed: true, evidence: `docs/: all ${RUBRIC.docsSkeleton.length} skeleton paths present (${RUBRIC.docsSkeleton.join(', ')})` };
  }
  const parts = [missing.length ? `missing ${missing.join(', ')}` : '', empty.length ? `empty ${empty.join(', ')}` : ''].filter(Boolean);
  return { ...base, passed: false, evidence: `docs/: ${parts.join('; ')}`, gap: `Run \`nx g harness:init\` to lay out the docs/ skeleton, then fill in ${[...missing, ...empty].join(', ')}` };
}

/** Every module's README.md and CONVENTIONS.md exist and each required section has real text. */
export function judgeModuleDocs(modules: ModuleScore[]): Criterion {
  const base = { id: 'module-docs', title: 'Each module has a README.md and CONVENTIONS.md with real text' };
  const unwritten = modules.filter((m) => !m.docsWritten);
  if (unwritten.length === 0) {
    return { ...base, passed: true, evidence: modules.length ? `all ${modules.length} modules: every required section has real text` : 'no modules yet' };
  }
  const names = unwritten.map((m) => m.name).join(', ');
  return {
    ...base,
    passed: false,
    evidence: `${unwritten.length} of ${modules.length} modules have a missing document or placeholder section: ${names}`,
    gap: `Complete README.md and CONVENTIONS.md of ${names}: each module's next steps below name the sections`,
  };
}

/** Backticked words and link targets of a markdown file: the ways a module map names a module. */
function listMentions(text: string): Set<string> {
  const tree = parseMarkdown(text);
  const mentions = new Set<string>();
  const add = (value: string) => mentions.add(value.replace(/^\.\//, '').replace(/\/+$/, ''));
  listLinks(tree).forEach((l) => add(l.url));
  // Every backticked word, not only paths: a map may name a module by its project name.
  const visit = (node: Root | Content) => {
    if (node.type === 'inlineCode') add(node.value);
    if ('children' in node) node.children.forEach((child) => visit(child as Content));
  };
  visit(tree);
  return mentions;
}
