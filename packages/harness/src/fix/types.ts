import type { Finding } from '../core/finding';
import type { ProjectInfo } from '../collect/types';

/** One file that `--fix` changed, and how, in words a reviewer can check. */
export interface FixChange {
  /** Workspace-relative path; for a renamed file, its new path. */
  file: string;
  kind: 'rename-identifier' | 'rename-file' | 'scaffold-section' | 'create-file' | 'edit';
  description: string;
  /** For `rename-file`, the path the file had before. */
  from?: string;
}

/** A finding `--fix` left alone, and why. */
export interface SkippedFinding {
  finding: Finding;
  reason: string;
}

export interface FixResult {
  changes: FixChange[];
  skipped: SkippedFinding[];
  /**
   * Set when writing failed: every file was then restored, `changes` is empty and every planned
   * finding is in `skipped`. One sentence naming the file and the cause.
   */
  failure?: string;
}

/** The few file operations `--fix` performs; injectable so tests can make one fail. */
export interface FixFileSystem {
  /** The raw bytes, or undefined when there is no such file. */
  readFile(absolutePath: string): Buffer | undefined;
  writeFile(absolutePath: string, data: string | Buffer): void;
  renameFile(from: string, to: string): void;
  removeFile(absolutePath: string): void;
  /** Creates one directory whose parent exists. */
  makeDirectory(absolutePath: string): void;
  /** Removes one empty directory. */
  removeDirectory(absolutePath: string): void;
  exists(absolutePath: string): boolean;
  /** The path with every symlink resolved; the path must exist. */
  resolveRealPath(absolutePath: string): string;
}

export interface FixInput {
  workspaceRoot: string;
  /** The project whose findings are fixed; only renames reach beyond its root. */
  project: ProjectInfo;
  /** Every project, so a rename follows imports from anywhere in the workspace. */
  projects: Record<string, ProjectInfo>;
  findings: Finding[];
  /** Reads a workspace-relative text file, or undefined when it does not exist. */
  readText(file: string): string | undefined;
  /** Replaces some file operations, e.g. with one that fails; Node's fs otherwise. */
  fileSystem?: Partial<FixFileSystem>;
}

/** What one planner did with the findings it was given. */
export interface PlanOutcome {
  changes: FixChange[];
  skipped: SkippedFinding[];
}
