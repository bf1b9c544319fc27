import { readJson, type ProjectConfiguration, type Tree } from '@nx/devkit';
import type { CoverageThresholds } from '../../../config/types';
import type { SourceFacts } from '../../../core/source-facts';
import { collectProjectSources } from './collect-project-sources';
import { detectNaming, type DetectedNaming } from './detect-naming';
import { findEntryPoint } from './find-entry-point';
import { findTestCommand } from './find-test-command';
import { listDependencies, type ProjectDependencies } from './list-dependencies';
import { listExports, type ExportList } from './list-exports';
import type { ProjectPlace, WorkspaceAlias } from './read-workspace-aliases';
import type { WorkspaceSettings } from './read-workspace-settings';
import { TEST_FILE } from '../../../core/source-files';

/** What the workspace knows once, for every project adopt describes. */
export interface WorkspaceFacts {
  projects: ProjectPlace[];
  aliases: WorkspaceAlias[];
  settings: WorkspaceSettings;
}

/** Everything adopt writes about a project, read from the project as it is. Paths are relative to its root. */
export interface ProjectFacts {
  name: string;
  tags: string[];
  isApplication: boolean;
  /** package.json `description`, when it has one. */
  description?: string;
  /** The specifier other projects import it by: its tsconfig alias or package name. */
  importPath?: string;
  entryPoint?: string;
  exports: ExportList;
  naming: DetectedNaming;
  dependencies: ProjectDependencies;
  testCommand?: string;
  testFiles: string[];
  coverage: CoverageThresholds;
}

export function describeProject(tree: Tree, name: string, project: ProjectConfiguration, workspace: WorkspaceFacts): ProjectFacts {
  const root = project.root;
  const sourceRoot = project.sourceRoot ?? `${root}/src`;
  const nestedRoots = workspace.projects.filter((p) => p.root.startsWith(`${root}/`)).map((p) => p.root);
  const sources = collectProjectSources(tree, root, nestedRoots);
  const byFile = new Map(sources.map((s) => [s.file, s]));
  const own = workspace.aliases.filter((a) => a.project === name);
  const entryPoint = findEntryPoint(tree, root, sourceRoot, own.flatMap((a) => (a.target ? [a.target] : [])));
  const exports = entryPoint ? listExports(tree, entryPoint, (file) => byFile.get(file)) : { names: [], unlisted: [] };
  const relative = (file: string) => (file.startsWith(`${root}/`) ? file.slice(root.length + 1) : file);
  return {
    name,
    tags: project.tags ?? [],
    isApplication: project.projectType === 'application',
    description: readDescription(tree, root),
    importPath: (own.find((a) => a.target === entryPoint) ?? own.find((a) => !a.wildcard))?.specifier,
    entryPoint: entryPoint && relative(entryPoint),
    exports: { names: exports.names, unlisted: exports.unlisted.map(relative) },
    naming: detectNaming(sources, sourceRoot),
    dependencies: listDependencies(sources, { name, root }, workspace.projects, workspace.aliases),
    testCommand: findTestCommand(tree, name, root, project.targets ?? {}),
    testFiles: listTestFiles(sources).map(relative),
    coverage: workspace.settings.coverage,
  };
}

function listTestFiles(sources: SourceFacts[]): string[] {
  return sources.filter((s) => TEST_FILE.test(s.file) || s.file.includes('/__tests__/')).map((s) => s.file);
}

function readDescription(tree: Tree, root: string): string | undefined {
  const manifest = `${root}/package.json`;
  if (!tree.exists(manifest)) return undefined;
  try {
    const description = readJson(tree, manifest).description;
    return typeof description === 'string' && description.trim() ? description.trim() : undefined;
  } catch {
    return undefined;
  }
}
