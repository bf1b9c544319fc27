import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ensureTarball } from './ensure-tarball';
import { runCommand } from './run-command';

/**
 * The shared script that makes a workspace the way a new user does (create-nx-workspace, cached
 * per Nx version) and installs a tarball as `harness`. HARNESS_TRY_AS_USER points elsewhere.
 */
export const TRY_AS_USER =
  process.env.HARNESS_TRY_AS_USER ??
  [path.resolve(__dirname, '../../../../shared/tools/try-as-user.sh'), '/work/shared/tools/try-as-user.sh'].find((f) =>
    fs.existsSync(f),
  ) ??
  '../shared/tools/try-as-user.sh';

/** The Nx version of the user workspace; `npm run e2e:matrix` runs the suite at each version. */
export const NX_VERSION = process.env.HARNESS_NX_VERSION ?? '23.2.1';

/**
 * A fresh Nx (NX_VERSION) TS-solution workspace in its own folder under the OS temp dir, git-initialised,
 * with the packed plugin installed as `harness`. Returns the workspace folder.
 */
export async function createUserWorkspace(name: string): Promise<string> {
  if (!fs.existsSync(TRY_AS_USER)) {
    throw new Error(`the workspace script "${TRY_AS_USER}" does not exist; set HARNESS_TRY_AS_USER to its path.`);
  }
  const tarball = await ensureTarball();
  // try-as-user.sh wants a folder that does not exist yet, so make a unique parent for it.
  const parent = fs.mkdtempSync(path.join(os.tmpdir(), `harness-e2e-${name}-`));
  const dir = path.join(parent, name);
  const result = await runCommand('bash', [TRY_AS_USER, dir, tarball, NX_VERSION], {
    cwd: parent,
    env: { ...process.env, NX_DAEMON: 'false' },
    timeoutMs: 5 * 60 * 1000,
  });
  if (result.code !== 0) throw new Error(`creating the workspace "${dir}" failed (exit ${result.code}):\n${result.output}`);
  return dir;
}

/** Deletes a workspace made by createUserWorkspace, with its unique parent folder. */
export function removeUserWorkspace(dir: string): void {
  fs.rmSync(path.dirname(dir), { recursive: true, force: true });
}
