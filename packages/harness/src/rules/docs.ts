import { findSection, judgeSection, listSections } from '../core/markdown-outline';
import { checkDocReferences } from './check-doc-references';
import type { OptionsSchema } from '../config/types';
import type { Rule, RuleContext, RuleFinding } from './types';

const DEFAULT_README_SECTIONS = ['Purpose', 'Public API', 'Dependencies', 'Testing'];
const DEFAULT_CONVENTIONS_SECTIONS = ['Naming', 'Dependencies', 'Testing', 'Coverage', 'Layers'];

/** Checks one required markdown file: present, every required section present and filled in. */
function checkDocument(ctx: RuleContext, file: string, required: string[], generator: string): RuleFinding[] {
  const text = ctx.readText(file);
  const document = file.slice(file.lastIndexOf('/') + 1);
  if (text === undefined) {
    return [
      {
        kind: 'docs/missing-document',
        data: { document, sections: required },
        title: 'Missing module document',
        file,
        line: 0,
        column: 0,
        found: `${file} does not exist`,
        expected: `every module has ${required.length ? `a ${file.split('/').pop()} with sections ${required.join(', ')}` : file}`,
        fix: `Create ${file} with the sections ${required.map((s) => `## ${s}`).join(', ')} (\`${generator}\` writes one), then describe the module in each`,
        reference: `ARCHITECTURE.md#documentation`,
      },
    ];
  }
  const sections = listSections(text);
  const findings: RuleFinding[] = checkDocReferences(ctx, file, text);
  for (const name of required) {
    const section = findSection(sections, name);
    if (!section) {
      findings.push({
        kind: 'docs/missing-section',
        data: { document, section: name },
        title: 'Missing documentation section',
        file,
        line: 0,
        column: 0,
        found: `no "## ${name}" section`,
        expected: `${file.split('/').pop()} has the sections ${required.join(', ')}`,
        fix: `Add a "## ${name}" section to ${file} and describe the module's ${name.toLowerCase()} in it`,
        reference: `ARCHITECTURE.md#documentation`,
      });
    } else if (judgeSection(sections, name) === 'placeholder') {
      findings.push({
        kind: 'docs/empty-section',
        data: { document, section: name },
        title: 'Documentation section is empty or template text',
        file,
        line: section.line,
        column: 1,
        found: `## ${section.title}`,
        expected: `the "${name}" section holds real text, not a placeholder`,
        fix: `Write the module's ${name.toLowerCase()} under "## ${section.title}" in ${file}, replacing any TODO or harness:todo marker`,
        reference: `ARCHITECTURE.md#documentation`,
      });
    }
  }
  return findings;
}

interface DocsOptions {
  readmeSections: string[];
  conventionsSections: string[];
  brief: string;
}

const SECTION_LIST = { type: 'array', items: { type: 'string', minLength: 1 } };
const OPTIONS_SCHEMA: OptionsSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    readmeSections: { ...SECTION_LIST, description: "The `##` sections each module's README.md must have, with real text." },
    conventionsSections: { ...SECTION_LIST, description: "The `##` sections each module's CONVENTIONS.md must have, with real text." },
    brief: { type: 'string', minLength: 1, description: 'The workspace file that says what the workspace does and lists every module.' },
  },
};

/**
 * Module documents: README.md and CONVENTIONS.md with their sections, judged on each module. The
 * workspace's own documents (BRIEF.md and its module map, ARCHITECTURE.md, docs/) are judged on
 * the workspace project alone, so no module fails for a file its owner cannot fix from there.
 */
export const docsRule: Rule = {
  id: 'docs',
  description: 'README.md and CONVENTIONS.md exist, have their required sections with real text, and BRIEF.md lists the module.',
  defaultSeverity: 'error',
  defaultOptions: { readmeSections: DEFAULT_README_SECTIONS, conventionsSections: DEFAULT_CONVENTIONS_SECTIONS, brief: 'BRIEF.md' },
  optionsSchema: OPTIONS_SCHEMA,
  judgesWorkspace: true,
  check(ctx) {
    const { root, name } = ctx.project;
    const options = ctx.setting.options as unknown as DocsOptions;
    if (!root) return checkWorkspaceDocs(ctx, options);
    // adopt writes what is missing from what the project already is, and never overwrites.
    const generator = `nx g harness:adopt --projects=${name}`;
    return [
      ...checkDocument(ctx, `${root}/README.md`, options.readmeSections, generator),
      ...checkDocument(ctx, ctx.conventionsFile, options.conventionsSections, generator),
    ];
  },
};

/** BRIEF.md lists every module and its links resolve; ARCHITECTURE.md's and docs/'s links resolve. */
function checkWorkspaceDocs(ctx: RuleContext, options: DocsOptions): RuleFinding[] {
  const findings: RuleFinding[] = [];
  const brief = ctx.readText(options.brief);
  if (brief === undefined) {
    findings.push({
      kind: 'docs/missing-workspace-document',
      title: 'Missing workspace document',
      file: options.brief,
      line: 0,
      column: 0,
      found: `${options.brief} does not exist`,
      expected: `${options.brief} says what the workspace does and lists every module`,
      fix: `Run \`nx g harness:init\`, which writes ${options.brief} with the module map and keeps every existing file`,
      reference: 'ARCHITECTURE.md#documentation',
    });
  } else {
    findings.push(...checkDocReferences(ctx, options.brief, brief, { owner: 'workspace', paths: true }));
    const modules = Object.values(ctx.projects).filter((p) => p.root).sort((a, b) => a.name.localeCompare(b.name));
    for (const { name, root } of modules) {
      if (listsModule(brief, name, root)) continue;
      findings.push({
        kind: 'docs/module-not-in-map',
        title: 'Module missing from the module map',
        file: options.brief,
        line: 0,
        column: 0,
        found: `${name} is not listed`,
        expected: `${options.brief} lists every module`,
        fix: `Run \`nx sync\` to regenerate the module map in ${options.brief}, or add a row for ${name} (${root})`,
        reference: `${options.brief}#module-map`,
      });
    }
  }
  const prose = ['ARCHITECTURE.md', ...ctx.project.files.filter((f) => f.startsWith('docs/') && f.endsWith('.md')).sort()];
  for (const file of prose) {
    const text = ctx.readText(file);
    if (text !== undefined) findings.push(...checkDocReferences(ctx, file, text, { owner: 'workspace', paths: false }));
  }
  return findings;
}

/** A table row or list item that names the module by name or path. */
function listsModule(brief: string, name: string, root: string): boolean {
  return brief.split(/\r?\n/).some((line) => {
    const t = line.trim();
    if (!t.startsWith('|') && !t.startsWith('-') && !t.startsWith('*')) return false;
    return t.includes(`\`${name}\``) || t.includes(`| ${name} |`) || t.includes(`[${name}]`) || t.includes(`\`${root}\``) || t.includes(`(${root}`);
  });
}
