import * as path from 'node:path';
import type { ProjectInfo } from '../collect/types';

/** True when a workspace-relative path lies under the project's root, after `..` is resolved. */
export function isInsideProject(project: ProjectInfo, file: string): boolean {
  const normalized = path.posix.normalize(file);
  if (normalized.startsWith('../') || normalized === '..' || path.posix.isAbsolute(normalized)) return false;
  return project.root === '' || project.root === '.' || normalized.startsWith(`${project.root.replace(/\/$/, '')}/`);
}
