import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * What the running Nx does with harness-check's batch implementation. Read from Nx's own
 * task runner in each release (tasks-schedule.js, task-orchestrator.js, forked-process-task-runner.js):
 *
 * - Nx 22.6.0 and later honour `preferBatch`: `nx run-many` batches by itself.
 * - Nx 22.4.2 and later pipe the batch worker's output and print each result the batch
 *   implementation yields (its `terminalOutput`); what the worker writes itself is shown too.
 * - Before 22.4.2 the worker writes straight to the terminal and Nx prints no result of a
 *   fresh batch run (only cached ones), so the batch implementation must print its own.
 */
export interface NxBatchBehaviour {
  /** The Nx version read, or undefined when none could be found. */
  version: string | undefined;
  /** `nx run-many` runs every harness-check task in one process without `--batch`. */
  batchesByItself: boolean;
  /** Nx prints the `terminalOutput` of each yielded batch result. */
  printsBatchResults: boolean;
}

const PREFER_BATCH_SINCE = [22, 6, 0];
const PRINTS_BATCH_RESULTS_SINCE = [22, 4, 2];

/** The behaviour of the Nx that runs this process (see readRunningNxVersion). */
export function readNxBatchBehaviour(workspaceRoot: string): NxBatchBehaviour {
  return describeNxBatchBehaviour(readRunningNxVersion(workspaceRoot));
}

/** An unknown version is taken as a current Nx, the one the plugin is built and tested against. */
export function describeNxBatchBehaviour(version: string | undefined): NxBatchBehaviour {
  const parts = version ? parseVersion(version) : undefined;
  return {
    version,
    batchesByItself: !parts || isAtLeast(parts, PREFER_BATCH_SINCE),
    printsBatchResults: !parts || isAtLeast(parts, PRINTS_BATCH_RESULTS_SINCE),
  };
}

/**
 * The version of the Nx package whose task runner started this process: the one above the
 * process's entry file (Nx's batch worker or task fork), else the one the workspace resolves.
 */
export function readRunningNxVersion(workspaceRoot: string, entry = require.main?.filename): string | undefined {
  const fromEntry = entry ? findNxPackageAbove(path.dirname(entry)) : undefined;
  if (fromEntry) return fromEntry;
  try {
    return readNxVersionAt(require.resolve('nx/package.json', { paths: [workspaceRoot] }));
  } catch {
    return undefined;
  }
}

function findNxPackageAbove(start: string): string | undefined {
  for (let dir = start; ; dir = path.dirname(dir)) {
    const version = readNxVersionAt(path.join(dir, 'package.json'));
    if (version) return version;
    if (path.dirname(dir) === dir) return undefined;
  }
}

function readNxVersionAt(file: string): string | undefined {
  try {
    const json = JSON.parse(fs.readFileSync(file, 'utf8')) as { name?: string; version?: string };
    return json.name === 'nx' && typeof json.version === 'string' ? json.version : undefined;
  } catch {
    return undefined;
  }
}

function parseVersion(version: string): number[] | undefined {
  const match = /^(\d+)\.(\d+)\.(\d+)/.exec(version);
  return match ? match.slice(1, 4).map(Number) : undefined;
}

function isAtLeast(parts: number[], floor: number[]): boolean {
  for (let i = 0; i < floor.length; i++) {
    if (parts[i] !== floor[i]) return parts[i] > floor[i];
  }
  return true;
}
