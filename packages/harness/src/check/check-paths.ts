import * as fs from 'node:fs';
import * as path from 'node:path';
import type { FileData } from '@nx/devkit';
import { collectWorkspace } from '../collect/collect-workspace';
import type { FreshGraph } from '../collect/load-fresh-graph';
import type { ProjectFiles } from '../collect/read-file-map';
import type { FilesSummary } from '../collect/file-deps-summary';
import { createLazyRecord } from '../core/lazy-values';
import { openConfigReader } from '../collect/config-cache';
import { HarnessUsageError } from '../config/config-error';
import { sortFindings, type Finding } from '../core/finding';
import { loadReporter } from '../report';
import { RULES } from '../rules';
import { isSourceFile } from '../rules/import-sites';
import type { CheckContext, GitRunner } from '../collect/types';
import { applyBaseline } from './apply-baseline';
import type { NormalizedCheckOptions } from './normalize-options';
import { markTiming } from '../core/mark-timing';
import { runCheck } from './run-check';
import type { PathSelection } from './select-paths';

export interface CheckPathsInput {
  workspaceRoot: string;
  fresh: FreshGraph;
  selection: PathSelection;
  options: NormalizedCheckOptions;
  git?: GitRunner;
}

export interface PathsOutcome {
  /** The findings reported, after the baseline. */
  findings: Finding[];
  /** The report in the chosen format, with any --fix notes before it. */
  output: string;
  exitCode: number;
  /** What --fix changed, one line per change (empty without --fix). */
  fixNotes: string[];
}

/**
 * `harness check <paths>`: the same rules and findings as `nx run <project>:harness-check`,
 * kept to the selected files, judged on the files as they are on disk now. Files changed since
 * Nx hashed them are parsed again and their imports resolved again, since Nx's file map still
 * holds the old content's dependencies.
 */
export async function checkPaths(input: CheckPathsInput): Promise<PathsOutcome> {
  const { workspaceRoot, fresh, selection, options } = input;
  if (options.updateBaseline) {
    throw new HarnessUsageError('--update-baseline', 'rewrites whole projects, so it is not for a check of some files', 'run `nx run-many -t harness-check --update-baseline --skip-nx-cache`');
  }
  const projects = [...selection.projects.keys()];
  const configReader = openConfigReader(workspaceRoot, RULES);
  const { config } = configReader;
  markTiming('config read');
  const { projectFiles, fileSummaries, changed } = markChangedFiles(workspaceRoot, fresh, selection);
  let context = await collectWorkspace({
    workspaceRoot,
    graph: fresh.graph,
    config,
    base: options.base,
    git: input.git,
    projectFiles,
    useStoredFacts: true,
    fileSummaries,
  });
  resolveChangedFileDeps(context, changed);
  markTiming('workspace collected');
  const keep = (finding: Finding) => isSelected(selection, finding);
  // Rules may skip per-file work on files whose findings are dropped anyway (rules/judged-files.ts).
  const isJudged = (project: string, file: string) => {
    const chosen = selection.projects.get(project);
    return !chosen || chosen.whole || chosen.files.has(file);
  };
  context = { ...context, isJudged };
  const fixNotes: string[] = [];
  if (options.fix) {
    // The fixers (and the TypeScript language service they load) only for --fix.
    const { applyFixes } = await import('./apply-fixes');
    const fixed = await applyFixes(context, projects, options.rules, keep);
    fixNotes.push(...Object.values(fixed.notes));
    context = { ...(await collectWorkspace({ workspaceRoot, graph: fresh.graph, config, base: options.base, git: input.git, projectFiles: fixed.projectFiles })), isJudged };
  }
  const found: Record<string, Finding[]> = {};
  let filesChecked = 0;
  for (const project of projects) {
    const result = await runCheck(context, [project], options.rules, configReader.readModule);
    found[project] = result.findings.filter(keep);
    const chosen = selection.projects.get(project)!;
    filesChecked += chosen.whole ? result.filesChecked : chosen.files.size;
  }
  markTiming('rules run');
  context.persist?.();
  configReader.save();
  const { findings } = applyBaseline(workspaceRoot, found, options);
  const all = sortFindings(Object.values(findings).flat());
  const report = loadReporter(options.format)(all, { filesChecked, projectsChecked: projects.length });
  markTiming('reported');
  const prose = options.format === 'text' || options.format === 'github';
  const notes = prose ? [...fixNotes, ...selection.outside.map(describeOutside)] : [];
  return { findings: all, output: [...notes, report.output].join('\n'), exitCode: report.exitCode, fixNotes };
}

function isSelected(selection: PathSelection, finding: Finding): boolean {
  const chosen = selection.projects.get(finding.project);
  return !!chosen && (chosen.whole || chosen.files.has(finding.file));
}

function describeOutside(file: string): string {
  return `harness check: ${file} belongs to no Nx project, so no rule judged it`;
}

/**
 * Nx's file map with every file of the checked projects that changed after Nx wrote it (and every
 * new selected file) given a blank hash, so neither Nx's stale deps nor harness's facts cache
 * (keyed by Nx's hashes) stand in for what is on disk now. The other projects' lists are passed
 * through unread, with their summaries; a project with a file marked here loses its summary.
 */
function markChangedFiles(
  workspaceRoot: string,
  fresh: FreshGraph,
  selection: PathSelection,
): { projectFiles: ProjectFiles; fileSummaries?: ReadonlyMap<string, FilesSummary>; changed: string[] } {
  const replaced = new Map<string, FileData[]>();
  const changed: string[] = [];
  for (const project of selection.projects.keys()) {
    const list = fresh.projectFiles[project] ?? [];
    const before = changed.length;
    const marked = list.map((data): FileData => {
      if (!isNewer(workspaceRoot, data.file, fresh.writtenAt)) return data;
      changed.push(data.file);
      return { file: data.file, hash: '', deps: [] };
    });
    if (changed.length > before) replaced.set(project, marked);
  }
  for (const [file, project] of selection.unmapped) {
    replaced.set(project, [...(replaced.get(project) ?? fresh.projectFiles[project] ?? []), { file, hash: '', deps: [] }]);
    changed.push(file);
  }
  const projectFiles = createLazyRecord<FileData[]>(
    (project) => replaced.get(project) ?? fresh.projectFiles[project],
    () => [...new Set([...Object.keys(fresh.projectFiles), ...replaced.keys()])],
  );
  const fileSummaries = fresh.fileSummaries && new Map([...fresh.fileSummaries].filter(([project]) => !replaced.has(project)));
  return { projectFiles, fileSummaries, changed };
}

function isNewer(workspaceRoot: string, file: string, writtenAt: number): boolean {
  try {
    return fs.statSync(path.join(workspaceRoot, file)).mtimeMs > writtenAt;
  } catch {
    return false;
  }
}

/** A changed file's dependencies as its imports now resolve: projects, and `npm:` packages. */
function resolveChangedFileDeps(context: CheckContext, changed: string[]): void {
  for (const file of changed) {
    if (!isSourceFile(file)) continue;
    const deps = new Set<string>();
    for (const ref of context.readSource(file).imports) {
      const resolved = context.resolveImport(file, ref.specifier);
      if (resolved.project) deps.add(resolved.project);
      else if (resolved.externalPackage) deps.add(`npm:${resolved.externalPackage}`);
    }
    context.fileDeps[file] = [...deps];
  }
}
