import * as fs from 'node:fs';
import type { SourceFacts } from '../core/source-facts';
import { parseSource } from './parse-source';
import { resolveInsideWorkspace } from './read-workspace-file';

/** Past this size a file is treated as generated or vendored and not parsed. */
const MAX_PARSE_BYTES = 4 * 1024 * 1024;
const utf8 = new TextDecoder('utf-8', { fatal: true });

const skippedFacts = (file: string, reason: string, lineCount = 0): SourceFacts => ({
  file,
  lineCount,
  imports: [],
  declarations: [],
  consoleCalls: [],
  skipped: reason,
});

/**
 * Returns a reader that parses each file at most once per run, whichever rule asks first.
 * Binary, non-UTF-8, unreadable and oversized files come back as `skipped` instead of throwing.
 */
export function createSourceReader(workspaceRoot: string): { readSource: (file: string) => SourceFacts; isParsed: (file: string) => boolean } {
  const cache = new Map<string, SourceFacts>();
  const readSource = (file: string): SourceFacts => {
    const cached = cache.get(file);
    if (cached) return cached;
    const facts = readAndParse(workspaceRoot, file);
    cache.set(file, facts);
    return facts;
  };
  return { readSource, isParsed: (file) => cache.has(file) };
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
    return parseSource(file, text);
  } catch (error) {
    // The parser itself failing is reported like a syntax error: the run goes on.
    return { ...skippedFacts(file, 'parser failure'), parseError: { line: 1, column: 1, message: (error as Error).message } };
  }
}
