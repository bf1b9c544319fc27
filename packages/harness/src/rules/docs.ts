import { hasRealText, splitSections, toAnchor } from '../core/markdown-sections';
import { checkDocReferences } from './check-doc-references';
import type { Rule, RuleContext, RuleFinding } from './types';

const DEFAULT_README_SECTIONS = ['Purpose', 'Public API', 'Dependencies', 'Testing'];
const DEFAULT_CONVENTIONS_SECTIONS = ['Naming', 'Dependencies', 'Testing', 'Coverage', 'Layers'];

/** Checks one required markdown file: present, every required section present and filled in. */
function checkDocument(ctx: RuleContext, file: string, required: string[], generator: string): RuleFinding[] {
  const text = ctx.readText(file);
  if (text === undefined) {
    return [
      {
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
  const sections = splitSections(text);
  const findings: RuleFinding[] = checkDocReferences(ctx, file, text);
  for (const name of required) {
    const section = sections.find((s) => s.anchor === toAnchor(name));
    if (!section) {
      findings.push({
        title: 'Missing documentation section',
        file,
        line: 0,
        column: 0,
        found: `no "## ${name}" section`,
        expected: `${file.split('/').pop()} has the sections ${required.join(', ')}`,
        fix: `Add a "## ${name}" section to ${file} and describe the module's ${name.toLowerCase()} in it`,
        reference: `ARCHITECTURE.md#documentation`,
      });
    } else if (!hasRealText(section.body) && !sections.some((s) => s.level > section.level && s.line > section.line && hasRealText(s.body))) {
      findings.push({
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

/** Module documents: README.md and CONVENTIONS.md with their sections, and a row in BRIEF.md. */
export const docsRule: Rule = {
  id: 'docs',
  description: 'README.md and CONVENTIONS.md exist, have their required sections with real text, and BRIEF.md lists the module.',
  defaultSeverity: 'error',
  defaultOptions: { readmeSections: DEFAULT_README_SECTIONS, conventionsSections: DEFAULT_CONVENTIONS_SECTIONS, brief: 'BRIEF.md' },
  check(ctx) {
    const { root, name } = ctx.project;
    if (!root) return [];
    const options = ctx.setting.options as { readmeSections: string[]; conventionsSections: string[]; brief: string };
    const generator = `nx g harness:module ${name} --force`;
    const findings = [
      ...checkDocument(ctx, `${root}/README.md`, options.readmeSections, generator),
      ...checkDocument(ctx, ctx.conventionsFile, options.conventionsSections, generator),
    ];
    const brief = ctx.readText(options.brief);
    // BRIEF.md is one file for the workspace: its links are checked once, with the first project.
    const first = Object.keys(ctx.projects).filter((p) => ctx.projects[p].root).sort()[0];
    if (brief !== undefined && name === first) findings.push(...checkDocReferences(ctx, options.brief, brief));
    if (brief !== undefined && !listsModule(brief, name, root)) {
      findings.push({
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
    return findings;
  },
};

/** A table row or list item that names the module by name or path. */
function listsModule(brief: string, name: string, root: string): boolean {
  return brief.split(/\r?\n/).some((line) => {
    const t = line.trim();
    if (!t.startsWith('|') && !t.startsWith('-') && !t.startsWith('*')) return false;
    return t.includes(`\`${name}\``) || t.includes(`| ${name} |`) || t.includes(`[${name}]`) || t.includes(`\`${root}\``) || t.includes(`(${root}`);
  });
}
