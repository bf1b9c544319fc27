#!/usr/bin/env node
// `npm test`: unit tests, then harness-check on this repo's own projects, then the e2e suite
// against the packed plugin in a real create-nx-workspace workspace. Stops at the first failure.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const env = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' };
const steps = [
  ['unit tests', 'npx', ['jest', '--config', 'jest.config.cjs']],
  ['unit tests of create-harness-workspace', 'npx', ['jest', '--config', 'packages/create-harness-workspace/jest.config.cjs']],
  ['build the plugin', process.execPath, ['scripts/build.mjs']],
  // The build type-checks shipped code; the specs (and test support) are type-checked here.
  ['type-check the specs', 'npx', ['tsc', '--noEmit', '-p', 'packages/harness/tsconfig.spec.json']],
  ['harness-check on this repo', 'npx', ['nx', 'run-many', '-t', 'harness-check', '--skip-nx-cache', '--output-style=static']],
  ['generated docs of this repo in sync', 'npx', ['nx', 'sync:check']],
  ['e2e in a fresh workspace', 'npx', ['jest', '--config', 'e2e/harness-e2e/jest.config.cjs', '--runInBand']],
  // The Nx 23.2.1 leg of the version matrix is the step above (nx-versions included). Below:
  // the newest Nx 22, then the two oldest behaviours (no preferBatch, batch results printed by
  // harness itself): 22.3.3, which real repos use, and 21.0.4, the floor of the peer range.
  // `npm run e2e:matrix` runs all nine versions.
  ['e2e at Nx 22.7.12 (run-many, user path, adoption)', process.execPath, ['scripts/e2e-matrix.mjs', '--no-table', '22.7.12']],
  ['e2e at Nx 22.3.3 and 21.0.4 (run-many)', process.execPath, ['scripts/e2e-matrix.mjs', '--no-table', '--run-many', '22.3.3', '21.0.4']],
  // nrwl/nx-examples from its snapshot, installed with npm: clean code green, every injected
  // violation found. Without the snapshot it prints one `!!!` line saying so and passes.
  ['real repository nx-examples', process.execPath, ['benchmarks/real-repos.mjs', '--repos', 'nx-examples', '--check']],
];
const only = process.argv.slice(2);
for (const [name, cmd, args] of steps) {
  if (only.length && !only.some((o) => name.includes(o))) continue;
  process.stdout.write(`\n[test] ${name}: ${cmd === process.execPath ? 'node' : cmd} ${args.join(' ')}\n`);
  const result = spawnSync(cmd, args, { cwd: repo, env, stdio: 'inherit' });
  if (result.status !== 0) {
    process.stderr.write(`[test] ${name} failed (exit ${result.status ?? result.signal})\n`);
    process.exit(1);
  }
}
process.stdout.write('\n[test] all steps passed\n');
// The plain closing line CI reads: steps run, steps failed (a failure exits above).
process.stdout.write(`steps: ${steps.filter(([name]) => !only.length || only.some((o) => name.includes(o))).length} passed, 0 failed\n`);
