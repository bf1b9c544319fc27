import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { SourceFacts } from '../core/source-facts';
import { writeCacheFile } from './cache-files';

/** The folder, under Nx's workspace data, that keeps parsed facts between runs: one file a project. */
export const FACTS_CACHE_DIR = 'harness-facts';

/**
 * Parsed facts of source files, kept between runs and keyed by the content hash that Nx's file
 * map already holds, so an unchanged file is not parsed again. Nx caches only passing tasks and
 * runs every failing project again; without this, each such rerun parses the same files anew.
 * One file per project: a run reads only the projects whose files it asks for, and processes
 * that check different projects in parallel never write the same file. `nx reset` clears it
 * with the rest of Nx's workspace data.
 */
export interface FactsCache {
  /** The facts of `file` (of `project`) when stored for the same content hash and parser. */
  get(project: string, file: string, hash: string): SourceFacts | undefined;
  set(project: string, file: string, hash: string, facts: SourceFacts): void;
  /** Writes each project whose facts changed, keeping only files of `liveFiles`. */
  save(liveFiles: { has(file: string): boolean }): void;
}

type Entries = Record<string, { hash: string; facts: SourceFacts }>;

interface ProjectFacts {
  parser: string;
  files: Entries;
}

/**
 * Opens the cache in `dir`; each project's file is read on first use. `parser` names the code
 * that made the facts: facts from another parser (or release, or TypeScript) are ignored.
 */
export function openFactsCache(dir: string, parser: string): FactsCache {
  const projects = new Map<string, Entries>();
  const dirty = new Set<string>();
  const fileOf = (project: string) => path.join(dir, `${encodeURIComponent(project)}.json`);
  const load = (project: string): Entries => {
    let entries = projects.get(project);
    if (entries) return entries;
    entries = {};
    try {
      const data = JSON.parse(fs.readFileSync(fileOf(project), 'utf8')) as ProjectFacts;
      if (data && data.parser === parser && data.files && typeof data.files === 'object') entries = data.files;
    } catch {
      // Missing or unreadable: start empty; the next save replaces it.
    }
    projects.set(project, entries);
    return entries;
  };
  return {
    get(project, file, hash) {
      const entry = load(project)[file];
      return entry && entry.hash === hash ? entry.facts : undefined;
    },
    set(project, file, hash, facts) {
      load(project)[file] = { hash, facts };
      dirty.add(project);
    },
    save(liveFiles) {
      for (const project of dirty) {
        const files: Entries = {};
        for (const [file, entry] of Object.entries(projects.get(project) ?? {})) if (liveFiles.has(file)) files[file] = entry;
        writeCacheFile(fileOf(project), JSON.stringify({ parser, files } satisfies ProjectFacts));
      }
      dirty.clear();
    },
  };
}

/**
 * What made the facts: harness's version, the parser's own code and TypeScript's version. A new
 * release, a changed parser or another TypeScript each start afresh.
 */
export function describeParser(parserFile: string, harnessVersion: string, typescriptVersion: string): string {
  let code = '';
  try {
    code = fs.readFileSync(parserFile, 'utf8');
  } catch {
    // Without its text the version numbers alone still separate releases.
  }
  const digest = crypto.createHash('sha256').update(code).digest('hex').slice(0, 16);
  return `harness ${harnessVersion}; parser ${digest}; typescript ${typescriptVersion}`;
}
