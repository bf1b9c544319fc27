import * as path from 'node:path';
import type { FileData, ProjectGraph } from '@nx/devkit';
import type { ProjectFiles } from './read-file-map';

/**
 * Nx's file map, asked file by file. Nx lists each file under the project with the deepest root
 * above it, so a file's entry is found by walking up its folders to the nearest project root and
 * reading that one project's list. The lists are indexed per project on first use: a check of one
 * file at 1,000 projects touches a few projects, where a map of every file cost 21,000 inserts.
 */
export interface FileIndex {
  /** The project whose list holds `file`, and its entry; undefined when no project lists it. */
  locate(file: string): { project: string; data: FileData } | undefined;
  has(file: string): boolean;
  /** Every listed file (builds every project's index). */
  listFiles(): string[];
}

/** Indexes the files of the graph's projects (as collect does, files of other names are left out). */
export function createFileIndex(graph: ProjectGraph, projectFiles: ProjectFiles): FileIndex {
  const projectAt = new Map<string, string>();
  for (const [name, node] of Object.entries(graph.nodes)) projectAt.set(node.data.root === '.' ? '' : node.data.root, name);
  const byProject = new Map<string, Map<string, FileData>>();
  const filesOf = (project: string) => {
    let files = byProject.get(project);
    if (!files) byProject.set(project, (files = new Map((projectFiles[project] ?? []).map((data) => [data.file, data]))));
    return files;
  };
  const locate = (file: string) => {
    for (let dir = path.posix.dirname(file); ; dir = path.posix.dirname(dir)) {
      const root = dir === '.' || dir === '/' ? '' : dir;
      const project = projectAt.get(root);
      if (project !== undefined) {
        const data = filesOf(project).get(file);
        return data ? { project, data } : undefined;
      }
      if (root === '') return undefined;
    }
  };
  return {
    locate,
    has: (file) => locate(file) !== undefined,
    listFiles: () => [...projectAt.values()].flatMap((project) => [...filesOf(project).keys()]),
  };
}
