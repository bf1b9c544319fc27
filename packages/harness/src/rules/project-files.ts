import type { ProjectInfo } from '../collect/types';
import { isParsedCode, TEST_FILE } from '../core/source-files';

export { CODE_FILE, TEST_FILE } from '../core/source-files';

/** A workspace-relative path under a project root ('' or '.' for the workspace root). */
export function joinRoot(root: string, file: string): string {
  return root === '' || root === '.' ? file : `${root}/${file}`;
}

/** The project's source root, `<root>/src` when Nx has none. */
export function readSourceRoot(project: ProjectInfo): string {
  return project.sourceRoot ?? joinRoot(project.root, 'src');
}

/** Every code file of the project, tests included. */
export function listCodeFiles(project: ProjectInfo): string[] {
  return project.files.filter(isParsedCode);
}

/** Code under the source root; tests there are left out unless asked for. */
export function listSourceFiles(project: ProjectInfo, options: { includeTests?: boolean } = {}): string[] {
  const sourceRoot = readSourceRoot(project);
  const prefix = sourceRoot ? `${sourceRoot}/` : '';
  return listCodeFiles(project).filter((f) => f.startsWith(prefix) && (options.includeTests || !TEST_FILE.test(f)));
}
