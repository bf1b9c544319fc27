import type { ProjectFiles } from '../collect/read-file-map';
import { createProjectLocator } from '../collect/resolve-import';
import type { ProjectInfo } from '../collect/types';
import type { FixChange } from './types';

/**
 * Nx's file map as it is after a fix, so the check re-run in the same process sees renamed and
 * created files: Nx computed the map before the task ran and does not see them until its next run.
 * A renamed file keeps its deps (its imports did not change); a created file has none yet.
 */
export function updateProjectFiles(projectFiles: ProjectFiles, projects: Record<string, ProjectInfo>, changes: FixChange[]): ProjectFiles {
  const locate = createProjectLocator(projects);
  const updated: ProjectFiles = Object.fromEntries(Object.entries(projectFiles).map(([name, files]) => [name, [...files]]));
  for (const change of changes) {
    if (change.kind === 'rename-file' && change.from) {
      for (const files of Object.values(updated)) {
        const index = files.findIndex((f) => f.file === change.from);
        if (index >= 0) files[index] = { ...files[index], file: change.file };
      }
    } else if (change.kind === 'create-file') {
      const project = locate(change.file);
      if (project && updated[project] && !updated[project].some((f) => f.file === change.file)) {
        updated[project].push({ file: change.file, hash: 'harness-fix' });
      }
    }
  }
  return updated;
}
