import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ProjectGraph } from '@nx/devkit';
import { collectWorkspace } from '../collect/collect-workspace';
import type { ProjectFiles } from '../collect/read-file-map';
import { readWorkspaceText, resolveInsideWorkspace } from '../collect/read-workspace-file';
import { HarnessUsageError, isHarnessConfigError } from '../config/config-error';
import { HARNESS_CONFIG_FILE, readHarnessConfig } from '../config/read-harness-config';
import { sortFindings, type Finding } from '../core/finding';
import { loadReporter } from '../report';
import { RULES } from '../rules';
import type { GitRunner } from '../collect/types';
import type { NormalizedCheckOptions } from './normalize-options';
import { applyBaseline } from './apply-baseline';
import { applyFixes } from './apply-fixes';
import { runCheck } from './run-check';

export interface ProjectOutcome {
  success: boolean;
  /** What the terminal should show for this project. */
  output: string;
}

export interface CheckProjectsInput {
  workspaceRoot: string;
  graph: ProjectGraph;
  projects: string[];
  options: NormalizedCheckOptions;
  git?: GitRunner;
  /** Per-project report paths (batch mode: Nx fills in `{projectName}` per task). */
  outputFiles?: Record<string, string | undefined>;
  /** Nx's file map, for tests; read from Nx's cache otherwise. */
  projectFiles?: ProjectFiles;
}

/**
 * The whole check for one or many projects: load the config once, collect once, then run and
 * report per project. Shared by the single executor and the batch implementation.
 */
export async function checkProjects(input: CheckProjectsInput): Promise<Record<string, ProjectOutcome>> {
  const { workspaceRoot, options } = input;
  const outcomes: Record<string, ProjectOutcome> = {};
  try {
    const config = readHarnessConfig(readWorkspaceText(workspaceRoot, HARNESS_CONFIG_FILE), RULES);
    const collect = (projectFiles?: ProjectFiles) =>
      collectWorkspace({ workspaceRoot, graph: input.graph, config, base: options.base, git: input.git, projectFiles });
    let context = await collect(input.projectFiles);
    let fixNotes: Record<string, string> = {};
    if (options.fix) {
      const fixed = await applyFixes(context, input.projects, options.rules);
      fixNotes = fixed.notes;
      // A fresh context: the first one cached the sources as they were before the fixes.
      context = await collect(fixed.projectFiles);
    }
    const reporter = loadReporter(options.format);
    const found: Record<string, Finding[]> = {};
    const totals: Record<string, { filesChecked: number; projectsChecked: number }> = {};
    for (const project of input.projects) {
      try {
        const result = await runCheck(context, [project], options.rules);
        found[project] = result.findings;
        totals[project] = { filesChecked: result.filesChecked, projectsChecked: result.projectsChecked };
      } catch (error) {
        outcomes[project] = describeFailure(error, options.verbose);
      }
    }
    context.persist?.();
    const { findings, notes } = applyBaseline(workspaceRoot, found, options);
    for (const project of Object.keys(findings)) {
      const report = reporter(sortFindings(findings[project]), totals[project]);
      const prose = options.format === 'text' || options.format === 'github';
      const note = prose ? [fixNotes[project], notes[project]].filter(Boolean).map((n) => `${n}\n`).join('') : '';
      try {
        const output = writeReport(workspaceRoot, input.outputFiles?.[project] ?? options.outputFile, project, report.output);
        outcomes[project] = { success: report.exitCode === 0, output: note + output };
      } catch (error) {
        outcomes[project] = describeFailure(error, options.verbose);
      }
    }
  } catch (error) {
    const failure = describeFailure(error, options.verbose);
    for (const project of input.projects) outcomes[project] = failure;
  }
  return outcomes;
}

/** Writes the report to --output-file when given, refusing paths outside the workspace. */
function writeReport(workspaceRoot: string, outputFile: string | undefined, project: string, report: string): string {
  if (!outputFile) return report;
  const target = outputFile.replace(/\{projectName\}/g, project);
  const full = resolveInsideWorkspace(workspaceRoot, target);
  if (!full) {
    throw new HarnessUsageError('--output-file', `"${target}" is outside the workspace`, 'name a path inside the workspace, e.g. dist/harness/report.json');
  }
  fs.mkdirSync(path.dirname(full), { recursive: true });
  fs.writeFileSync(full, report.endsWith('\n') ? report : report + '\n');
  return `harness-check: report for ${project} written to ${target}`;
}

/** A config problem is one line; anything else is one line too, with the stack only in verbose mode. */
function describeFailure(error: unknown, verbose: boolean): ProjectOutcome {
  if (isHarnessConfigError(error)) return { success: false, output: error.message };
  const err = error as Error;
  const detail = verbose && err.stack ? `\n${err.stack}` : '';
  return {
    success: false,
    output: `harness: internal error: ${err.message}; run again with --verbose for the stack trace and report it${detail}`,
  };
}
