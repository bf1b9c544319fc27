#!/usr/bin/env node
// `npm run e2e:matrix`: the e2e user path and the adoption suite (init, module, test, check, --fix,
// baseline, sync) in workspaces made by
// create-nx-workspace at the newest Nx 22 and at 23.2.1.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const versions = process.argv.slice(2).length ? process.argv.slice(2) : ['22.7.12', '23.2.1'];
const failed = [];
for (const version of versions) {
  process.stdout.write(`\n[e2e:matrix] Nx ${version}\n`);
  const result = spawnSync('npx', ['jest', '--config', 'e2e/harness-e2e/jest.config.cjs', '--runInBand', 'tests/user-path', 'tests/adoption'], {
    cwd: repo,
    stdio: 'inherit',
    env: { ...process.env, NX_DAEMON: 'false', HARNESS_NX_VERSION: version },
  });
  if (result.status !== 0) failed.push(version);
}
process.stdout.write(failed.length ? `[e2e:matrix] failed at Nx ${failed.join(', ')}\n` : `[e2e:matrix] passed at Nx ${versions.join(', ')}\n`);
process.exit(failed.length ? 1 : 0);
