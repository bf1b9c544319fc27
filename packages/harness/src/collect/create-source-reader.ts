import * as fs from 'node:fs';
import type { SourceFacts } from '../core/source-facts';
import type { FactsCache } from './facts-cache';
import { loadLater } from '../core/load-later';
import { resolveInsideWorkspace } from './read-workspace-file';

/** Past this size a file is treated as generated or vendored and not parsed. */
const MAX_PARSE_BYTES = 4 * 1024 * 1024;
const utf8 = new TextDecoder('utf-8', { fatal: true });
// The parser (and TypeScript behind it) only when a file is not in the facts cache.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const loadParser = loadLater(__filename, () => require('./parse-source') as typeof import('./parse-source'));

const skippedFacts = (file: string, reason: string, lineCount = 0): SourceFacts => ({
  file,
  lineCount,
  imports: [],
  declarations: [],
  consoleCalls: [],
  skipped: reason,
});

export interface SourceReader {
  readSource: (file: string) => SourceFacts;
  isParsed: (file: string) => boolean;
  /** Keeps what this run parsed for the next one; a no-op without a facts cache. */
  persist: (liveFiles: { has(file: string): boolean }) => void;
}

/** Facts kept between runs, and each file's project and content hash (from Nx's file map). */
export interface StoredFacts {
  cache: FactsCache;
  locate: (file: string) => { project: string; hash: string } | undefined;
}

/**
 * Returns a reader that parses each file at most once per run, whichever rule asks first, and
 * not at all when `stored` holds its facts for the same content.
 * Binary, non-UTF-8, unreadable and oversized files come back as `skipped` instead of throwing.
 */
export function createSourceReader(workspaceRoot: string, stored?: StoredFacts): SourceReader {
  const cache = new Map<string, SourceFacts>();
  const readSource = (file: string): SourceFacts => {
    const cached = cache.get(file);
    if (cached) return cached;
    const at = stored?.locate(file);
    let facts = at ? stored!.cache.get(at.project, file, at.hash) : undefined;
    if (!facts) {
      facts = readAndParse(workspaceRoot, file);
      // An unreadable file may be readable next time: only what its content decides is kept.
      if (at && !facts.skipped?.startsWith('unreadable')) stored!.cache.set(at.project, file, at.hash, facts);
    }
    cache.set(file, facts);
    return facts;
  };
  return {
    readSource,
    isParsed: (file) => cache.has(file),
    persist: (liveFiles) => stored?.cache.save(liveFiles),
  };
}

function readAndParse(workspaceRoot: string, file: string): SourceFacts {
  const full = resolveInsideWorkspace(workspaceRoot, file);
  if (!full) return skippedFacts(file, 'outside the workspace');
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(full);
  } catch (error) {
    return skippedFacts(file, `unreadable (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  if (bytes.length > MAX_PARSE_BYTES) return skippedFacts(file, `larger than ${MAX_PARSE_BYTES / 1024 / 1024} MB`);
  if (bytes.subarray(0, 8000).includes(0)) return skippedFacts(file, 'binary');
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return skippedFacts(file, 'not UTF-8');
  }
  try {
    return loadParser().parseSource(file, text);
  } catch (error) {
    // The parser itself failing is reported like a syntax error: the run goes on.
    return { ...skippedFacts(file, 'parser failure'), parseError: { line: 1, column: 1, message: (error as Error).message } };
  }
}
