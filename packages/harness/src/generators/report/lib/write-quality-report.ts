import type { ProjectGraph, Tree } from '@nx/devkit';
import type { ProjectFiles } from '../../../collect/read-file-map';
import { upsertMarkedBlock } from '../../../docs/markers';
import { checkModules } from './check-modules';
import { checkRootAgentsFile } from './check-root-agents-file';
import { readTreeFiles } from './read-tree-files';
import { RUBRIC } from './rubric';
import { renderQualityJson } from './render-quality-json';
import { renderQualityMarkdown } from './render-quality-markdown';
import { scoreLegibility } from './score-legibility';
import { scoreModule } from './score-module';
import type { QualityReport } from './types';

export const QUALITY_MARKDOWN = 'docs/QUALITY_SCORE.md';
export const QUALITY_JSON = 'quality.json';

export interface QualityReportInput {
  tree: Tree;
  /** The project graph; the generator builds it with Nx, tests pass their own. */
  graph: ProjectGraph;
  /** Nx's file map; read from Nx's cache when not given. */
  projectFiles?: ProjectFiles;
}

/**
 * The report generator's core, with every side effect passed in: run the check, score each
 * module and the workspace, then write both outputs only where their content changes.
 */
export async function writeQualityReport(input: QualityReportInput): Promise<QualityReport> {
  const { tree } = input;
  const { context, modules, findings } = await checkModules(tree, input.graph, input.projectFiles);
  const files = readTreeFiles(tree, [QUALITY_MARKDOWN, QUALITY_JSON]);
  const scores = modules.map((m) => scoreModule(context, files, m, findings.filter((f) => f.project === m.name && !isWorkspaceFile(f.file))));
  const agents = await checkRootAgentsFile(context);
  const report: QualityReport = { legibility: scoreLegibility(files, agents, scores), modules: scores };
  writeIfChanged(tree, QUALITY_JSON, renderQualityJson(report));
  writeIfChanged(tree, QUALITY_MARKDOWN, upsertMarkedBlock(files.read(QUALITY_MARKDOWN), renderQualityMarkdown(report), wrapNewReport));
  return report;
}

const isWorkspaceFile = (file: string) => (RUBRIC.workspaceFiles as readonly string[]).includes(file);

/** A first QUALITY_SCORE.md: a title and a line of user text around the generated block. */
function wrapNewReport(marked: string): string {
  return ['# Quality score', '', 'Grades per module and the legibility of the workspace. Add your own notes outside the harness markers; they are kept.', '', marked, ''].join('\n');
}

/** Writes only on change, so a second run on an unchanged repository leaves the tree clean. */
function writeIfChanged(tree: Tree, file: string, text: string): void {
  if (!tree.exists(file) || tree.read(file, 'utf-8') !== text) tree.write(file, text);
}
