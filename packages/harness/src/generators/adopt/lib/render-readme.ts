import type { ProjectFacts } from './describe-project';
import { formatCode, formatCount, joinWords } from './format-text';
import { summarizeTests } from './summarize-tests';
import { TODO_MARKER, type DocSection } from './write-document';

/** Long barrels are cut here; the entry point itself is the full list. */
const MAX_LISTED_EXPORTS = 40;
const MAX_LISTED_PACKAGES = 20;

/** README sections Purpose, Public API, Dependencies and Testing, written from the project's facts. */
export function renderReadmeSections(facts: ProjectFacts): DocSection[] {
  return [
    { title: 'Purpose', body: renderPurpose(facts) },
    { title: 'Public API', body: renderPublicApi(facts) },
    { title: 'Dependencies', body: renderDependencies(facts) },
    { title: 'Testing', body: renderTesting(facts) },
  ];
}

function renderPurpose(facts: ProjectFacts): string {
  if (facts.description) return /[.!?]$/.test(facts.description) ? facts.description : `${facts.description}.`;
  const what = facts.isApplication ? 'an application' : 'a library';
  const tags = facts.tags.length ? `, tagged ${facts.tags.map(formatCode).join(', ')}` : '';
  const exported = facts.entryPoint && facts.exports.names.length ? ` Its entry point, ${formatCode(facts.entryPoint)}, exports ${formatCount(facts.exports.names.length, 'name')}.` : '';
  return `${formatCode(facts.name)} is ${what} in this workspace${tags}.${exported}`;
}

function renderPublicApi(facts: ProjectFacts): string {
  const { entryPoint, exports } = facts;
  if (!entryPoint) {
    if (facts.isApplication) return `${formatCode(facts.name)} is an application: other projects do not import it, so it has no public API.`;
    return `${TODO_MARKER} No entry point was found: no index.ts in the source folder, no tsconfig alias and no package.json main. Name the one file other projects import, and list what it exports.`;
  }
  if (exports.names.length === 0 && exports.unlisted.length === 0) return `The entry point, ${formatCode(entryPoint)}, exports nothing yet.`;
  const through = facts.importPath ? `${formatCode(facts.importPath)} (${formatCode(entryPoint)})` : formatCode(entryPoint);
  const listed = exports.names.slice(0, MAX_LISTED_EXPORTS).map((n) => `- ${formatCode(n.name)} (${n.kind})`);
  const more = exports.names.length - listed.length;
  if (more > 0) listed.push(`- and ${more} more; see ${formatCode(entryPoint)}`);
  listed.push(...exports.unlisted.map((u) => `- everything that ${formatCode(u)} exports`));
  return `Import only from the entry point, ${through}:\n\n${listed.join('\n')}`;
}

function renderDependencies(facts: ProjectFacts): string {
  const lines = [
    facts.tags.length
      ? `Tags: ${facts.tags.map(formatCode).join(', ')}. The constraints in ${formatCode('harness.yaml')} decide which projects it may import.`
      : `It has no tags yet, so only constraints on ${formatCode('*')} in ${formatCode('harness.yaml')} apply to it.`,
  ];
  const { projects, packages } = facts.dependencies;
  if (projects.length) {
    // The specifier is worth naming only when it is not the obvious `@scope/<name>` or a relative path.
    const obvious = (p: { name: string; specifier: string }) => p.specifier.startsWith('.') || p.specifier === p.name || p.specifier.endsWith(`/${p.name}`);
    const named = projects.map((p) => (obvious(p) ? formatCode(p.name) : `${formatCode(p.name)} (through ${formatCode(p.specifier)})`));
    lines.push(`It imports the workspace ${projects.length === 1 ? 'project' : 'projects'} ${joinWords(named)}.`);
  } else {
    lines.push('It imports no other workspace project.');
  }
  if (packages.length) {
    const shown = packages.slice(0, MAX_LISTED_PACKAGES).map(formatCode);
    const more = packages.length > shown.length ? ` and ${packages.length - shown.length} more` : '';
    lines.push(`npm packages it uses: ${shown.join(', ')}${more}.`);
  }
  if (facts.importPath && !facts.isApplication) lines.push(`Other projects import it through ${formatCode(facts.importPath)} only, never a deep path.`);
  return lines.join(' ');
}

function renderTesting(facts: ProjectFacts): string {
  const tests = summarizeTests(facts.testFiles);
  if (!facts.testCommand) {
    const what = tests ? `It has ${tests}, but` : 'It has no tests yet, and';
    return `${TODO_MARKER} ${what} no test target was found in project.json, package.json or an inferring Nx plugin. Add one, then say here how to run it.`;
  }
  const runs = tests ? `; it runs ${tests}` : '; there are no test files yet';
  return `Run ${formatCode(facts.testCommand)}${runs}. Then run ${formatCode(`nx run ${facts.name}:harness-check`)}.`;
}
