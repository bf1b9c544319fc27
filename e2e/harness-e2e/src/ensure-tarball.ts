import * as fs from 'node:fs';
import * as path from 'node:path';
import { listFiles } from './list-files';
import { runCommand } from './run-command';

export const REPO_ROOT = path.resolve(__dirname, '../../..');
const TARBALLS = path.join(REPO_ROOT, 'dist/tarballs');
const PLUGIN_DIST = path.join(REPO_ROOT, 'packages/harness/dist');

/** Newest modification time of any file under `dir`; 0 when it has none. */
function findNewestMtime(dir: string): number {
  return Math.max(0, ...listFiles(dir).map((f) => fs.statSync(path.join(dir, f)).mtimeMs));
}

function findNewestTarball(): string | undefined {
  if (!fs.existsSync(TARBALLS)) return undefined;
  return fs
    .readdirSync(TARBALLS)
    .filter((f) => /^nx-harness-.*\.tgz$/.test(f))
    .map((f) => path.join(TARBALLS, f))
    .sort((a, b) => fs.statSync(b).mtimeMs - fs.statSync(a).mtimeMs)[0];
}

let packed: Promise<string> | undefined;

/**
 * The plugin tarball, packed at most once per jest process. A tarball newer than the compiled
 * plugin already holds that code, so repacking would only cost time; without a compiled plugin
 * we pack, because the e2e must test what users install, not the source tree.
 */
export function ensureTarball(): Promise<string> {
  packed ??= packWhenStale();
  return packed;
}

async function packWhenStale(): Promise<string> {
  const existing = findNewestTarball();
  const built = findNewestMtime(PLUGIN_DIST);
  if (existing && built > 0 && fs.statSync(existing).mtimeMs > built) return existing;
  const result = await runCommand(process.execPath, [path.join(REPO_ROOT, 'scripts/package.mjs')], { cwd: REPO_ROOT, timeoutMs: 5 * 60 * 1000 });
  const tarball = findNewestTarball();
  if (result.code !== 0 || !tarball) {
    throw new Error(`packing the plugin failed (exit ${result.code}); run \`node scripts/package.mjs\` to see why:\n${result.output}`);
  }
  return tarball;
}
