import { logger, type Tree } from '@nx/devkit';
import { formatCode } from './format-text';
import { describeProject, type WorkspaceFacts } from './describe-project';
import type { SelectedProject } from './normalize-options';
import { renderConventionsFrontMatter, renderConventionsSections } from './render-conventions';
import { renderReadmeSections } from './render-readme';
import { selectSections, writeDocument } from './write-document';

/** Writes or completes one project's README.md and CONVENTIONS.md, and names the sections left to a person or agent. */
export function adoptProject(tree: Tree, project: SelectedProject, workspace: WorkspaceFacts): void {
  const { root } = project.config;
  const facts = describeProject(tree, project.name, project.config, workspace);
  const { readmeSections, conventionsSections } = workspace.settings;
  const readme = `${root}/README.md`;
  const conventions = `${root}/CONVENTIONS.md`;
  const freshConventions = !(tree.read(conventions, 'utf-8') ?? '').trim();
  const todos = [
    ...writeDocument(tree, { file: readme, heading: project.name, sections: selectSections(readmeSections, renderReadmeSections(facts)) }).map((s) => `${readme}#${s}`),
    ...writeDocument(tree, {
      file: conventions,
      frontMatter: renderConventionsFrontMatter(facts),
      heading: `${project.name} conventions`,
      lead: `The front matter above is what ${formatCode(`nx run ${project.name}:harness-check`)} enforces, drawn from the code as it was when the project was adopted; the sections below explain it.`,
      sections: selectSections(conventionsSections, renderConventionsSections(facts, freshConventions)),
    }).map((s) => `${conventions}#${s}`),
  ];
  if (todos.length) logger.warn(`harness: ${project.name} needs a person or agent to complete ${todos.join(', ')} (marked harness:todo).`);
}
