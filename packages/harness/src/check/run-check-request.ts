import * as path from 'node:path';
import { checkPaths, type PathsOutcome } from './check-paths';
import { normalizeCheckOptions } from './normalize-options';
import { selectPaths } from './select-paths';
import { createGitRunner } from '../collect/collect-workspace';
import { loadFreshGraph, type GraphMemo } from '../collect/load-fresh-graph';
import type { CheckExecutorSchema } from './check-options';
import type { GitRunner } from '../collect/types';
import { findWorkspaceRoot } from './find-workspace-root';
import { listChangedFiles } from './list-changed-files';
import { markTiming } from '../core/mark-timing';

export interface CheckRequest {
  /** Files, folders or project names as given, relative to `cwd`; empty means "changed against HEAD". */
  paths: string[];
  cwd: string;
  options: CheckExecutorSchema;
  git?: GitRunner;
  /** Kept by a long-lived caller (the MCP server) so an unchanged graph is not parsed again. */
  graphMemo?: GraphMemo;
}

export interface CheckResponse extends PathsOutcome {
  workspaceRoot: string;
}

/**
 * One `harness check`: find the workspace, make sure Nx's graph is fresh, select, judge and
 * report. Shared by the command line, the Claude Code hook and the MCP server's tools.
 */
export async function runCheckRequest(request: CheckRequest): Promise<CheckResponse> {
  markTiming('modules loaded');
  const options = normalizeCheckOptions(request.options);
  const workspaceRoot = findWorkspaceRoot(request.cwd);
  const git = request.git ?? createGitRunner(workspaceRoot);
  const paths = request.paths.length > 0 ? request.paths : listChangedFiles(workspaceRoot, git);
  const cwd = request.paths.length > 0 ? request.cwd : workspaceRoot;
  if (paths.length === 0) {
    return { workspaceRoot, findings: [], fixNotes: [], exitCode: 0, output: 'harness check: no files changed against HEAD; name the files, folders or projects to check' };
  }
  const named = paths.map((p) => path.relative(workspaceRoot, path.resolve(cwd, p)).split(path.sep).join('/'));
  const fresh = await loadFreshGraph(workspaceRoot, named, undefined, request.graphMemo);
  markTiming('graph loaded');
  const selection = selectPaths(workspaceRoot, cwd, fresh.graph, fresh.projectFiles, paths);
  if (selection.projects.size === 0) {
    const output = selection.outside.map((f) => `harness check: ${f} belongs to no Nx project, so no rule judged it`).join('\n');
    return { workspaceRoot, findings: [], fixNotes: [], exitCode: 0, output };
  }
  markTiming('paths selected');
  const outcome = await checkPaths({ workspaceRoot, fresh, selection, options, git });
  return { workspaceRoot, ...outcome };
}
