import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ProjectGraph } from '@nx/devkit';
import type { HarnessConfig } from '../config/types';
import type { CheckContext, GitRunner, ProjectInfo } from './types';
import { createSourceReader, type StoredFacts } from './create-source-reader';
import { describeParser, FACTS_CACHE_DIR, openFactsCache } from './facts-cache';
import { cachesDisabled } from './cache-files';
import { findWorkspaceDataDirectory, listFileDeps, readProjectFiles, type ProjectFiles } from './read-file-map';
import { createPackageOwnerLookup, readExportedSubpaths, readPackageName, readPathAliases, type PathAlias } from './read-import-aliases';
import { readImportAnalysis } from './read-import-analysis';
import { addMissingEdges, createDepResolver, mapFileDeps, type DepGaps } from './resolve-file-deps';
import { createImportResolver } from './resolve-import';
import { createFileIndex, type FileIndex } from './file-index';
import { createLazyRecord } from '../core/lazy-values';
import { readKnownDeps, type FilesSummary } from './file-deps-summary';
import { existsInWorkspace, readWorkspaceMtime, readWorkspaceText } from './read-workspace-file';
import { CODE_FILE } from '../core/source-files';

export interface CollectOptions {
  workspaceRoot: string;
  graph: ProjectGraph;
  config: HarnessConfig;
  base?: string;
  git?: GitRunner;
  now?: () => number;
  /** Nx's file map with per-file deps; read from Nx's cache when not given (tests pass their own). */
  projectFiles?: ProjectFiles;
  /**
   * Use harness's facts cache with a file map handed in. Only for Nx's own file map, whose hashes
   * match the files on disk; a file whose hash is blank is parsed again (`harness check` blanks
   * the files changed since Nx hashed them).
   */
  useStoredFacts?: boolean;
  /**
   * Per project, what its file list holds (from harness's graph snapshot): a project whose deps are
   * all plain is not walked here, and its list is read only if a rule asks for it.
   */
  fileSummaries?: ReadonlyMap<string, FilesSummary>;
}

/**
 * Runs git in the workspace; a failing command throws with git's own message. child_process is
 * loaded on the first call: a one-file check usually runs no git, and loading it costs ~8 ms.
 */
export function createGitRunner(workspaceRoot: string): GitRunner {
  return (args) => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { execFileSync } = require('node:child_process') as typeof import('node:child_process');
    return execFileSync('git', args, { cwd: workspaceRoot, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  };
}

/**
 * Builds the read-only context every rule shares, from Nx's project graph and file map.
 * Called once per process: in batch mode every project of the run shares it, so the graph,
 * the file map and each parsed file are read once.
 */
export async function collectWorkspace(options: CollectOptions): Promise<CheckContext> {
  const { workspaceRoot } = options;
  const nxGraph = options.graph;
  const { files: projectFiles, hasDeps } = options.projectFiles
    ? { files: options.projectFiles, hasDeps: true }
    : await readProjectFiles(nxGraph);
  const pathAliases = readPathAliases(workspaceRoot);
  const projects: Record<string, ProjectInfo> = {};
  const fileIndex = createFileIndex(nxGraph, projectFiles);
  // One resolution step for every rule that reads edges: npm: nodes of workspace packages become projects.
  const resolveDep = createDepResolver(nxGraph, createPackageOwnerLookup(workspaceRoot, nxGraph));
  const gaps: DepGaps = { unknownDeps: {}, mappedEdges: [] };
  // Files whose deps need mapping, mapped now (their gaps are needed up front); every other file's
  // deps are Nx's as they are, read when a rule asks.
  const mapped = new Map<string, string[]>();
  let sawSourceEdge = false;
  const aliasesByRoot = groupAliasesByRoot(pathAliases, nxGraph);
  for (const [name, node] of Object.entries(nxGraph.nodes)) {
    const root = node.data.root === '.' ? '' : node.data.root;
    const summary = hasDeps ? options.fileSummaries?.get(name) : undefined;
    let files: string[] | (() => string[]);
    if (summary?.plain) {
      if (summary.sourceEdge) sawSourceEdge = true;
      files = () => (projectFiles[name] ?? []).map((f) => f.file);
    } else {
      const list = projectFiles[name] ?? [];
      files = new Array<string>(list.length);
      for (let i = 0; i < list.length; i++) {
        const f = list[i];
        files[i] = f.file;
        // With Nx's file map every file gets an entry, even with no deps: an import that resolves to
        // another project but is missing here is an edge Nx's graph did not see.
        if (!hasDeps) continue;
        let deps = readKnownDeps(f, nxGraph);
        if (!deps) mapped.set(f.file, (deps = mapFileDeps(name, f.file, listFileDeps(f), resolveDep, gaps)));
        if (!sawSourceEdge && deps.length > 0 && CODE_FILE.test(f.file)) sawSourceEdge = true;
      }
    }
    const project = describeProject(name, root, node.data, files, aliasesByRoot.get(root) ?? [], readPackageName(nxGraph, name));
    project.importAliases.push(...readExportedSubpaths(nxGraph, name));
    projects[name] = project;
  }
  const fileDeps = createLazyRecord<string[]>(
    (file) => (hasDeps ? (mapped.get(file) ?? mapListedDeps(fileIndex, file, nxGraph)) : undefined),
    () => (hasDeps ? fileIndex.listFiles() : []),
  );
  const graph = addMissingEdges(nxGraph, gaps.mappedEdges);
  // Stored facts only with Nx's own file map: its hashes match what is on disk, while a file map
  // handed in (tests, the re-check after --fix) may not.
  const stored = options.projectFiles && !options.useStoredFacts ? undefined : openStoredFacts(workspaceRoot, fileIndex);
  const { readSource, isParsed, persist } = createSourceReader(workspaceRoot, stored);
  return {
    workspaceRoot,
    projects,
    graph,
    fileDeps,
    unknownDeps: gaps.unknownDeps,
    // A source file with deps proves Nx analysed imports, whatever its configuration says.
    importAnalysis: sawSourceEdge || readImportAnalysis(workspaceRoot),
    config: options.config,
    readSource,
    isParsed,
    persist: () => persist(fileIndex),
    resolveImport: createImportResolver(projects, fileIndex),
    readText: (file) => readWorkspaceText(workspaceRoot, file),
    exists: (file) => existsInWorkspace(workspaceRoot, file),
    mtimeOf: (file) => readWorkspaceMtime(workspaceRoot, file),
    git: options.git ?? createGitRunner(workspaceRoot),
    base: options.base,
    now: options.now ?? Date.now,
  };
}

/** The deps of a listed file that needed no mapping (see readKnownDeps). */
function mapListedDeps(fileIndex: FileIndex, file: string, graph: ProjectGraph): string[] | undefined {
  const found = fileIndex.locate(file);
  return found ? readKnownDeps(found.data, graph) : undefined;
}

/**
 * The tsconfig path aliases whose target lies under each project root (a nested project's aliases
 * count for its parent too, as a prefix test gives), found by walking up each target once instead
 * of testing every alias against every project: at 1,000 projects that test was a million calls.
 */
function groupAliasesByRoot(pathAliases: PathAlias[], graph: ProjectGraph): Map<string, PathAlias[]> {
  const roots = new Set(Object.values(graph.nodes).map((node) => node.data.root).filter((root) => root && root !== '.'));
  const byRoot = new Map<string, PathAlias[]>();
  for (const alias of pathAliases) {
    // Each folder above the target, as path.posix.dirname would walk them, by slicing.
    const target = alias.target.replace(/\/+$/, '');
    for (let cut = target.lastIndexOf('/'); cut > 0; cut = target.lastIndexOf('/', cut - 1)) {
      const dir = target.slice(0, cut);
      if (!roots.has(dir)) continue;
      let list = byRoot.get(dir);
      if (!list) byRoot.set(dir, (list = []));
      list.push(alias);
    }
  }
  return byRoot;
}

/**
 * A project as rules see it. `files` given as a function is read on first use, and so is the
 * entry point guessed from it: a one-file check reads the file lists of a few projects, not all.
 * The two are accessors of the object literal, so every project has one shape whichever way it
 * came, and a write (the re-check after --fix) replaces the value.
 */
function describeProject(
  name: string,
  root: string,
  data: ProjectGraph['nodes'][string]['data'],
  files: string[] | (() => string[]),
  own: PathAlias[],
  packageName: string | undefined,
): ProjectInfo {
  const aliases: string[] = [];
  const aliasFiles: Record<string, string> = {};
  let entryPoints: string[] | undefined = [];
  for (const { alias, target } of own) {
    aliases.push(alias);
    if (!CODE_FILE.test(target)) continue;
    entryPoints.push(target);
    aliasFiles[alias] = target;
  }
  if (packageName && !aliases.includes(packageName)) aliases.push(packageName);
  const sourceRoot = data.sourceRoot ?? (root ? `${root}/src` : 'src');
  let fileList = typeof files === 'function' ? undefined : files;
  const listFiles = () => (fileList ??= (files as () => string[])());
  // No alias names a code file: the entry point is guessed from the file list, when first asked.
  if (entryPoints.length === 0) entryPoints = undefined;
  const guessEntryPoints = () => {
    const present = listFiles();
    return [`${sourceRoot}/index.ts`, `${sourceRoot}/index.tsx`, `${sourceRoot}/index.js`].filter((f) => present.includes(f)).slice(0, 1);
  };
  return {
    name,
    root,
    sourceRoot,
    tags: data.tags ?? [],
    get files() {
      return listFiles();
    },
    set files(value: string[]) {
      fileList = value;
    },
    importAliases: aliases,
    get entryPoints() {
      return (entryPoints ??= guessEntryPoints());
    },
    set entryPoints(value: string[]) {
      entryPoints = value;
    },
    aliasFiles,
    projectType: data.projectType,
  };
}

/** The facts cache under Nx's workspace data, keyed by the hashes of Nx's file map. */
function openStoredFacts(workspaceRoot: string, fileIndex: FileIndex): StoredFacts | undefined {
  if (cachesDisabled()) return undefined;
  const parser = describeParser(require.resolve('./parse-source'), readOwnVersion(), readTypeScriptVersion());
  const cache = openFactsCache(path.join(findWorkspaceDataDirectory(workspaceRoot), FACTS_CACHE_DIR), parser);
  const locate = (file: string) => {
    const found = fileIndex.locate(file);
    return found?.data.hash ? { project: found.project, hash: found.data.hash } : undefined;
  };
  return { cache, locate };
}

/** harness's own version, from its package.json. */
export function readOwnVersion(): string {
  try {
    // Read, not required: the module system's resolution and wrapping cost a one-file check ~1 ms.
    return (JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}

function readTypeScriptVersion(): string {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return (require('typescript/package.json') as { version: string }).version;
  } catch {
    return 'unknown';
  }
}
