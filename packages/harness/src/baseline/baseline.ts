import type { Finding } from '../core/finding';

export const DEFAULT_BASELINE_FILE = 'harness-baseline.json';

/** One known finding, keyed without its line so that edits above it do not make it "new". */
export interface BaselineEntry {
  key: string;
  rule: string;
  project: string;
  file: string;
  found: string;
  /** How many identical findings are known. */
  count: number;
}

export interface Baseline {
  version: 1;
  entries: BaselineEntry[];
}

export interface BaselineComparison {
  /** Findings the baseline does not know: these are reported and can fail the run. */
  fresh: Finding[];
  /** How many findings the baseline already knew. */
  knownCount: number;
  /** Entries of the checked projects that no longer occur: the baseline can shrink by these. */
  fixed: BaselineEntry[];
}

/** A key that survives line shifts: rule, project, file, headline and what was found. */
export function createBaselineKey(f: Pick<Finding, 'rule' | 'project' | 'file' | 'title' | 'found'>): string {
  return [f.rule, f.project, f.file, f.title, f.found].join('|');
}

/** Counts findings by key, so two identical findings need two baseline entries' worth. */
export function createBaselineEntries(findings: Finding[]): BaselineEntry[] {
  const byKey = new Map<string, BaselineEntry>();
  for (const f of findings) {
    const key = createBaselineKey(f);
    const entry = byKey.get(key) ?? { key, rule: f.rule, project: f.project, file: f.file, found: f.found, count: 0 };
    entry.count++;
    byKey.set(key, entry);
  }
  return [...byKey.values()].sort((a, b) => a.key.localeCompare(b.key));
}

/** Splits the findings of the checked projects into fresh and known, and lists fixed entries. */
export function compareWithBaseline(findings: Finding[], baseline: Baseline, checkedProjects: string[]): BaselineComparison {
  const remaining = new Map(baseline.entries.filter((e) => checkedProjects.includes(e.project)).map((e) => [e.key, { ...e }]));
  const fresh: Finding[] = [];
  let knownCount = 0;
  for (const f of findings) {
    const entry = remaining.get(createBaselineKey(f));
    if (entry && entry.count > 0) {
      entry.count--;
      knownCount++;
    } else {
      fresh.push(f);
    }
  }
  const fixed = [...remaining.values()].filter((e) => e.count > 0);
  return { fresh, knownCount, fixed };
}

/** Replaces the entries of the checked projects and keeps every other project's entries. */
export function updateBaseline(previous: Baseline | undefined, findings: Finding[], checkedProjects: string[]): Baseline {
  const kept = (previous?.entries ?? []).filter((e) => !checkedProjects.includes(e.project));
  const entries = [...kept, ...createBaselineEntries(findings)].sort((a, b) => a.key.localeCompare(b.key));
  return { version: 1, entries };
}

/** Parses a baseline file; a broken one is an error naming the file, never silently empty. */
export function parseBaseline(file: string, text: string): Baseline {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new Error(`${file} is not valid JSON (${(error as Error).message})`);
  }
  const entries = (data as Baseline | undefined)?.entries;
  if (!Array.isArray(entries) || entries.some((e) => typeof e?.key !== 'string' || typeof e?.count !== 'number')) {
    throw new Error(`${file} is not a harness baseline (expected {"version": 1, "entries": [...]})`);
  }
  return { version: 1, entries };
}

export function serializeBaseline(baseline: Baseline): string {
  return JSON.stringify(baseline, null, 2) + '\n';
}
