import { toAnchor } from '../core/markdown';

/**
 * What each default section should say, per document. The sentence starts with `TODO:` so the
 * docs rule keeps reporting the section as template text until someone writes it.
 */
const PROMPTS: Record<string, (project: string) => string> = {
  'README.md#purpose': (p) => `say what ${p} does and why it exists, in one or two sentences.`,
  'README.md#public-api': (p) => `list what ${p} exports from its entry point and when to use each export.`,
  'README.md#dependencies': (p) => `name the modules and packages ${p} uses, and why.`,
  'README.md#testing': (p) => `say how to run the tests of ${p} (\`nx test ${p}\`) and what they cover.`,
  'CONVENTIONS.md#naming': (p) => `describe how code in ${p} is named; the front matter holds the rules the check enforces.`,
  'CONVENTIONS.md#dependencies': (p) => `say what ${p} may import and what it must not.`,
  'CONVENTIONS.md#testing': (p) => `say what in ${p} must be tested, and how.`,
  'CONVENTIONS.md#coverage': (p) => `give the coverage thresholds of ${p} and why they are set there.`,
  'CONVENTIONS.md#layers': (p) => `list the folder layers under src/ in ${p} and which may import which, or say why there are none.`,
};

/** One section for a person or an agent to complete: heading, marker, and a sentence saying what to write. */
export function renderSection(document: string, section: string, project: string, eol: string): string {
  const prompt = PROMPTS[`${document}#${toAnchor(section)}`]?.(project) ?? `describe the ${section.toLowerCase()} of ${project}.`;
  return [`## ${section}`, '', `<!-- harness:todo: written by harness-check --fix; replace this marker and the line below -->`, `TODO: ${prompt}`, ''].join(eol);
}
