import * as fs from 'node:fs';
import { resolveInsideWorkspace } from '../collect/read-workspace-file';
import { HarnessConfigError } from '../config/config-error';
import type { Finding } from '../core/finding';
import { compareWithBaseline, DEFAULT_BASELINE_FILE, parseBaseline, serializeBaseline, updateBaseline, type Baseline } from '../baseline/baseline';

export interface BaselineOutcome {
  /** Findings to report, per project. */
  findings: Record<string, Finding[]>;
  /** One line per project for the terminal, or undefined when no baseline is in play. */
  notes: Record<string, string | undefined>;
}

/** The baseline file in use: `--baseline`, else harness-baseline.json when it exists. */
function locateBaseline(workspaceRoot: string, option: string | undefined, updating: boolean): { file: string; full: string } | undefined {
  const file = option ?? DEFAULT_BASELINE_FILE;
  const full = resolveInsideWorkspace(workspaceRoot, file);
  if (!full) throw new HarnessConfigError('--baseline', 1, `"${file}" is outside the workspace`, 'name a file inside the workspace, e.g. harness-baseline.json');
  if (!updating && !option && !fs.existsSync(full)) return undefined;
  return { file, full };
}

function readBaseline(file: string, full: string): Baseline | undefined {
  if (!fs.existsSync(full)) return undefined;
  try {
    return parseBaseline(file, fs.readFileSync(full, 'utf8'));
  } catch (error) {
    throw new HarnessConfigError(file, 1, (error as Error).message, `fix it, or write a new one with --update-baseline`);
  }
}

/**
 * The ratchet: with a baseline only new findings are reported; fixed ones are named so the
 * file can shrink; the file only changes with --update-baseline, which rewrites the entries of
 * the projects checked in this run and keeps the others.
 */
export function applyBaseline(
  workspaceRoot: string,
  findings: Record<string, Finding[]>,
  options: { baseline?: string; updateBaseline: boolean },
): BaselineOutcome {
  const located = locateBaseline(workspaceRoot, options.baseline, options.updateBaseline);
  const projects = Object.keys(findings);
  const notes: Record<string, string | undefined> = {};
  if (!located) return { findings, notes };
  const previous = readBaseline(located.file, located.full);
  if (options.updateBaseline) {
    fs.writeFileSync(located.full, serializeBaseline(updateBaseline(previous, Object.values(findings).flat(), projects)));
    for (const p of projects) notes[p] = `harness-check: recorded ${findings[p].length} known finding(s) of ${p} in ${located.file}`;
    return { findings: Object.fromEntries(projects.map((p) => [p, []])), notes };
  }
  if (!previous) {
    throw new HarnessConfigError(located.file, 1, 'the baseline file does not exist', 'write it with --update-baseline, or drop --baseline');
  }
  const fresh: Record<string, Finding[]> = {};
  for (const p of projects) {
    const result = compareWithBaseline(findings[p], previous, [p]);
    fresh[p] = result.fresh;
    const fixed = result.fixed.reduce((n, e) => n + e.count, 0);
    notes[p] =
      `harness-check: ${result.knownCount} known finding(s) of ${p} accepted by ${located.file}` +
      (fixed > 0 ? `; ${fixed} fixed since it was written, so run with --update-baseline --skip-nx-cache to shrink it` : '');
  }
  return { findings: fresh, notes };
}
