import { listCommands, listInlineCodePaths, listLinks, parseMarkdown } from '../../../core/markdown';
import type { RootAgentsCheck } from './check-root-agents-file';
import { hasProse } from './has-prose';
import type { Criterion, WorkspaceFiles } from './types';

const AGENTS = 'AGENTS.md';
const CREATE = 'Run `nx g harness:init` to write AGENTS.md, the map an agent reads first';

/** The root AGENTS.md: written, short enough to be a map, and everything it names exists. */
export function judgeAgentsFile(files: WorkspaceFiles, check: RootAgentsCheck): Criterion[] {
  const text = files.read(AGENTS);
  const titles = {
    written: 'AGENTS.md has real text',
    short: `AGENTS.md is a map of at most ${check.maxLines} lines`,
    references: 'Every path, link and command in AGENTS.md exists',
  };
  if (text === undefined) {
    const missing = { passed: false, evidence: `${AGENTS} does not exist`, gap: CREATE };
    return [
      { id: 'agents-md-written', title: titles.written, ...missing },
      { id: 'agents-md-short', title: titles.short, ...missing },
      { id: 'agents-md-references', title: titles.references, ...missing },
    ];
  }
  return [
    { id: 'agents-md-written', title: titles.written, ...judgeWritten(text) },
    { id: 'agents-md-short', title: titles.short, ...judgeLength(text, check.maxLines) },
    { id: 'agents-md-references', title: titles.references, ...judgeReferences(text, check) },
  ];
}

type Verdict = Pick<Criterion, 'passed' | 'evidence' | 'gap'>;

function judgeWritten(text: string): Verdict {
  if (hasProse(text)) return { passed: true, evidence: `${AGENTS}: prose beyond its headings` };
  return { passed: false, evidence: `${AGENTS}: only headings, comments or placeholder text`, gap: `Write in ${AGENTS} what the repo is, where things live and which commands to run` };
}

function judgeLength(text: string, maxLines: number): Verdict {
  const lines = text.replace(/\r?\n$/, '').split(/\r?\n/).length;
  const evidence = `${AGENTS}: ${lines} lines (budget ${maxLines})`;
  if (lines <= maxLines) return { passed: true, evidence };
  return { passed: false, evidence, gap: `Move detail out of ${AGENTS} into docs/ or the module READMEs and link to it, until it is at most ${maxLines} lines (now ${lines})` };
}

/** Judged by the agents-md rule's findings on lines of the file; line 0 findings are budgets. */
function judgeReferences(text: string, check: RootAgentsCheck): Verdict {
  const tree = parseMarkdown(text);
  const named = listLinks(tree).length + listInlineCodePaths(tree).length + listCommands(tree).length;
  if (named === 0) {
    return { passed: false, evidence: `${AGENTS}: names no paths, links or commands`, gap: `Point ${AGENTS} onward: link BRIEF.md, ARCHITECTURE.md, docs/ and the modules, and name the commands to run` };
  }
  const broken = check.findings.filter((f) => f.line > 0);
  if (broken.length === 0) return { passed: true, evidence: `${AGENTS}: all ${named} paths, links and commands it names exist` };
  return {
    passed: false,
    evidence: `${AGENTS}: ${broken.length} of ${named} do not exist: ${broken.map((f) => `\`${f.found}\` (line ${f.line})`).join(', ')}`,
    gap: broken.map((f) => `${f.fix} (${AGENTS} line ${f.line})`).join('; '),
  };
}
