import type { ProjectGraph } from '@nx/devkit';
import type { SourceFacts } from '../core/source-facts';
import type { HarnessConfig } from '../config/types';

/** What the check knows about one Nx project. */
export interface ProjectInfo {
  name: string;
  /** Workspace-relative root, '' for the root project. */
  root: string;
  sourceRoot?: string;
  tags: string[];
  /** Workspace-relative files of the project (from Nx's file map). */
  files: string[];
  /** Import specifiers that reach this project's entry point (tsconfig paths, package name). */
  importAliases: string[];
  /** Workspace-relative entry-point files (e.g. `modules/billing/src/index.ts`). */
  entryPoints: string[];
  /**
   * The file each tsconfig path alias maps to: a secondary entry point (`@org/ui/testing` ->
   * `libs/ui/testing/src/index.ts`) is its own file, not the project's main entry point.
   */
  aliasFiles?: Record<string, string>;
  /** Nx `projectType`, when known. */
  projectType?: 'library' | 'application';
}

/** Where an import specifier leads. */
export interface ResolvedImport {
  /** The workspace project it lands in, if any. */
  project?: string;
  /** The workspace-relative file, where it could be resolved to one. */
  file?: string;
  /** The npm package name, for an import that leaves the workspace. */
  externalPackage?: string;
  /** True when the specifier is one of the target project's import aliases (its public entry). */
  viaEntryPoint?: boolean;
}

/** A node of Nx's file map that harness cannot place, with the package it names when it is an `npm:` node. */
export interface UnknownDep {
  node: string;
  packageName?: string;
}

/** Runs git with the given arguments in the workspace; injectable so tests need no repository. */
export type GitRunner = (args: string[]) => string;

/** Read-only facts shared by every project in one run. Built once by collect/. */
export interface CheckContext {
  workspaceRoot: string;
  /**
   * Whether the caller keeps the findings in `file` of `project`: `harness check <files>` keeps
   * only the selected files', so a rule may skip per-file work on the others (rules/judged-files.ts).
   * It must never let that change what it finds in a kept file. Absent: every file is kept.
   */
  isJudged?: (project: string, file: string) => boolean;
  projects: Record<string, ProjectInfo>;
  graph: ProjectGraph;
  /** File → the projects (and `npm:` external nodes) it depends on, from Nx's file map. */
  fileDeps: Record<string, string[]>;
  /** File → nodes its Nx file-map deps name that are neither a project nor an external node, nor a workspace package. */
  unknownDeps?: Record<string, UnknownDep[]>;
  /** False when Nx's graph holds no source-file import analysis (no `@nx/js` or kin in the root package.json). */
  importAnalysis?: boolean;
  config: HarnessConfig;
  /** Parses a file once per run and returns what the rules need. */
  readSource(file: string): SourceFacts;
  /** True once `readSource` has returned the file in this run. */
  isParsed(file: string): boolean;
  /** Keeps the facts parsed in this run for the next one (harness's facts cache); optional. */
  persist?(): void;
  /** Resolves an import as written in `fromFile`. */
  resolveImport(fromFile: string, specifier: string): ResolvedImport;
  /** Reads a workspace-relative text file, or undefined when it does not exist. */
  readText(file: string): string | undefined;
  exists(file: string): boolean;
  /** Modification time in ms of a workspace-relative file, or undefined when it does not exist. */
  mtimeOf(file: string): number | undefined;
  git: GitRunner;
  /** `--base`, for rules that look only at what changed. */
  base?: string;
  now: () => number;
}
