import * as fs from 'node:fs';
import * as path from 'node:path';

/** `HARNESS_NO_CACHE=true` turns off every cache harness keeps between runs (measuring, debugging). */
export function cachesDisabled(): boolean {
  return process.env.HARNESS_NO_CACHE === 'true';
}

/**
 * Writes one of harness's cache files under a temporary name, then renames it, so a run in
 * parallel never reads half a file. A cache that cannot be written costs the next run its
 * speed-up, nothing else, so every error is swallowed.
 */
export function writeCacheFile(file: string, data: string | Buffer): void {
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const temporary = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(temporary, data);
    fs.renameSync(temporary, file);
  } catch {
    // read-only workspace, full disk, a file where a folder should be
  }
}
