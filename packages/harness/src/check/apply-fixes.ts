import type { FileData } from '@nx/devkit';
import type { ProjectFiles } from '../collect/read-file-map';
import type { Finding } from '../core/finding';
import { fixFindings, updateProjectFiles, type FixChange } from '../fix';
import type { CheckContext } from '../collect/types';
import { runCheck } from './run-check';

export interface FixOutcome {
  /** Nx's file map as it is after the fixes (renamed and created files included). */
  projectFiles: ProjectFiles;
  /** One text block per project: what was changed, skipped or restored. */
  notes: Record<string, string>;
}

/** The file map the context was built from, so it can be updated for renamed files. */
function readContextProjectFiles(context: CheckContext): ProjectFiles {
  const files: ProjectFiles = {};
  for (const [name, project] of Object.entries(context.projects)) {
    files[name] = project.files.map((file): FileData => ({ file, hash: '', deps: context.fileDeps[file] ?? [] }));
  }
  return files;
}

/**
 * `--fix`: check each project, apply the safe mechanical fixes for its findings, and say what
 * changed. The caller checks again on a fresh context, since parsed sources are cached.
 */
export async function applyFixes(
  context: CheckContext,
  projects: string[],
  rules?: string[],
  keep: (finding: Finding) => boolean = () => true,
): Promise<FixOutcome> {
  const notes: Record<string, string> = {};
  const changes: FixChange[] = [];
  for (const name of projects) {
    const project = context.projects[name];
    if (!project) continue;
    const first = await runCheck(context, [name], rules);
    const result = await fixFindings({
      workspaceRoot: context.workspaceRoot,
      project,
      projects: context.projects,
      findings: first.findings.filter(keep),
      readText: context.readText,
    });
    changes.push(...result.changes);
    const lines = [`harness-check --fix: ${result.changes.length} change(s) in ${name}`];
    for (const change of result.changes) lines.push(`  ${change.description}`);
    if (result.failure) lines.push(`  nothing was changed: ${result.failure}`);
    notes[name] = lines.join('\n');
  }
  return { projectFiles: updateProjectFiles(readContextProjectFiles(context), context.projects, changes), notes };
}
