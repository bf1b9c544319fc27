import type { FreshGraph } from '../collect/load-fresh-graph';
import { selectPaths } from '../check/select-paths';
import { HarnessUsageError } from '../config/config-error';

/** The one project a path names (a project, a file of it, or a folder inside it). */
export function selectProject(workspaceRoot: string, fresh: FreshGraph, given: string): string {
  const selection = selectPaths(workspaceRoot, workspaceRoot, fresh.graph, fresh.projectFiles, [given]);
  const projects = [...selection.projects.keys()];
  if (projects.length === 1) return projects[0];
  throw new HarnessUsageError(
    given,
    projects.length === 0 ? 'belongs to no Nx project' : `spans ${projects.length} projects (${projects.join(', ')})`,
    'name one project, or a file or folder inside one',
  );
}
