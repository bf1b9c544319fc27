import { isSilent, type StyleCount } from './detect-naming';
import type { ProjectFacts } from './describe-project';
import { formatCode, joinWords } from './format-text';
import { summarizeTests } from './summarize-tests';
import type { DocSection } from './write-document';

/**
 * The front matter the check enforces: the naming the code already uses for functions and
 * variables (the other kinds follow harness.yaml), the workspace's coverage, and required tests.
 */
export function renderConventionsFrontMatter(facts: ProjectFacts): string {
  const { coverage } = facts;
  return [
    '---',
    `naming: { functions: ${facts.naming.functions.style}, variables: ${facts.naming.variables.style} }`,
    `coverage: { lines: ${coverage.lines}, branches: ${coverage.branches}, functions: ${coverage.functions}, statements: ${coverage.statements} }`,
    'tests: { required: true }',
    '---',
    '',
  ].join('\n');
}

/**
 * CONVENTIONS sections Naming, Dependencies, Testing, Coverage and Layers. `inFrontMatter` says
 * whether adopt wrote the front matter; in a file it did not write, Naming says how to enforce it.
 */
export function renderConventionsSections(facts: ProjectFacts, inFrontMatter: boolean): DocSection[] {
  return [
    { title: 'Naming', body: renderNaming(facts, inFrontMatter) },
    { title: 'Dependencies', body: renderDependencyRules(facts) },
    { title: 'Testing', body: renderTestRules(facts) },
    { title: 'Coverage', body: renderCoverage(facts) },
    {
      title: 'Layers',
      body: `No folder layers: the code is not organised by layer, so the layers rule has nothing to check. To adopt them, add ${formatCode('layers: [types, service, ui]')} to the front matter; each of those folders under the source folder may then import only the same or earlier layers.`,
    },
  ];
}

function renderNaming(facts: ProjectFacts, inFrontMatter: boolean): string {
  const { functions, variables } = facts.naming;
  const rest = `Classes, constants, types and file names follow the workspace conventions in ${formatCode('harness.yaml')}.`;
  const enforce = inFrontMatter ? '' : ` To have the check hold the project to it, put ${formatCode(`naming: { functions: ${functions.style}, variables: ${variables.style} }`)} in this file's front matter.`;
  if (isSilent(functions) && isSilent(variables)) {
    return `Functions and variables are camelCase: when the project was adopted, none of its names told camelCase from snake_case. ${rest}${enforce}`;
  }
  const counts = [describeCount(functions, 'function'), describeCount(variables, 'variable')].filter(Boolean);
  return `Functions are ${functions.style} and variables ${variables.style}, as the code already writes them: when the project was adopted, of the names that tell camelCase from snake_case, ${joinWords(counts as string[])}. ${rest}${enforce}`;
}

/** `14 of 15 function names were snake_case`. */
function describeCount(count: StyleCount, kind: string): string | undefined {
  const total = count.camelCase + count.snake_case;
  if (total === 0) return undefined;
  return `${count[count.style]} of ${total} ${kind} names were ${count.style}`;
}

function renderDependencyRules(facts: ProjectFacts): string {
  const tagged = facts.tags.length ? `Tagged ${facts.tags.map(formatCode).join(', ')}, this project` : 'This project has no tags yet; it';
  const lines = [`${tagged} may import only what the constraints in ${formatCode('harness.yaml')} allow, and other projects only through their entry points.`];
  const names = facts.dependencies.projects.map((p) => formatCode(p.name));
  lines.push(names.length ? `Today it imports ${joinWords(names)}.` : 'Today it imports no other workspace project.');
  if (facts.importPath && !facts.isApplication) lines.push(`Other projects import it through ${formatCode(facts.importPath)}, never a deep path.`);
  return lines.join(' ');
}

function renderTestRules(facts: ProjectFacts): string {
  const tests = summarizeTests(facts.testFiles);
  const today = tests ? `Its tests today: ${tests}` : 'It has no tests yet';
  const run = facts.testCommand ? `; ${formatCode(facts.testCommand)} runs them.` : '.';
  return `Every source file has tests, and a change to a source file comes with a change to its tests. ${today}${run}`;
}

function renderCoverage(facts: ProjectFacts): string {
  const { lines, branches, functions, statements } = facts.coverage;
  return `Lines stay at or above ${lines}%, branches ${branches}%, functions ${functions}% and statements ${statements}%. The coverage rule reads the json-summary report that the test run writes (for Jest, ${formatCode(`coverageReporters: ['json-summary']`)}).`;
}
