#!/usr/bin/env node
// `npm run e2e:matrix`: the Nx version matrix. At every version (the oldest and the newest minor
// of each major in the peer range, and 22.3.3, which real repos use) the nx-versions suite runs
// `nx run-many -t harness-check` on a workspace with known findings and records what is printed
// and how long it takes; at 22.7.12 and 23.2.1 the user path and adoption suites run too.
// A run over the whole matrix rewrites benchmarks/NX-VERSIONS.md from those records.
//
//   node scripts/e2e-matrix.mjs                   the whole matrix, writes the table
//   node scripts/e2e-matrix.mjs 22.3.3 21.0.4     those versions only (no table)
//   node scripts/e2e-matrix.mjs --run-many ...    the nx-versions suite only
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// create-nx-workspace has no 22.6.0-22.6.2 and no 23.0.0, hence 22.6.5 and 23.0.1.
const MATRIX = ['21.0.4', '21.6.11', '22.0.4', '22.3.3', '22.6.5', '22.7.12', '23.0.1', '23.2.1'];
const FULL_SUITES = new Set(['22.7.12', '23.2.1']);
const TABLE = path.join(repo, 'benchmarks/NX-VERSIONS.md');

const args = process.argv.slice(2);
const runManyOnly = args.includes('--run-many');
const named = args.filter((a) => !a.startsWith('--'));
const versions = named.length ? named : MATRIX;
const records = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'harness-matrix-')), 'records.jsonl');
const legs = [];

for (const version of versions) {
  const suites = ['tests/nx-versions', ...(FULL_SUITES.has(version) && !runManyOnly ? ['tests/user-path', 'tests/adoption'] : [])];
  process.stdout.write(`\n[e2e:matrix] Nx ${version}: ${suites.join(', ')}\n`);
  const started = Date.now();
  const result = spawnSync('npx', ['jest', '--config', 'e2e/harness-e2e/jest.config.cjs', '--runInBand', ...suites], {
    cwd: repo,
    stdio: 'inherit',
    env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', HARNESS_NX_VERSION: version, HARNESS_NX_VERSIONS_OUT: records },
  });
  legs.push({ version, suites, passed: result.status === 0, seconds: Math.round((Date.now() - started) / 1000) });
}

const measured = fs.existsSync(records) ? fs.readFileSync(records, 'utf8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l)) : [];
const table = renderTable(legs, measured);
process.stdout.write(`\n${table}\n`);
if (!named.length && !runManyOnly) {
  fs.writeFileSync(TABLE, renderPage(table));
  process.stdout.write(`[e2e:matrix] wrote ${path.relative(repo, TABLE)}\n`);
}
const failed = legs.filter((l) => !l.passed).map((l) => l.version);
process.stdout.write(failed.length ? `[e2e:matrix] failed at Nx ${failed.join(', ')}\n` : `[e2e:matrix] passed at Nx ${versions.join(', ')}\n`);
process.exit(failed.length ? 1 : 0);

function renderTable(legs, measured) {
  const rows = ['| Nx | leg | command | one process | findings printed | exit | seconds |', '|---|---|---|---|---|---:|---:|'];
  for (const leg of legs) {
    const runs = measured.find((m) => m.version === leg.version)?.records ?? [];
    const status = `${leg.passed ? 'passed' : 'FAILED'}, ${leg.seconds} s`;
    if (!runs.length) rows.push(`| ${leg.version} | ${status} | (no run recorded) | | | | |`);
    for (const run of runs) {
      const printed = `${run.printed}/${run.expected}${run.duplicated ? `, ${run.duplicated} twice` : ''}${run.hint ? ', + batch hint' : ''}`;
      rows.push(`| ${leg.version} | ${status} | \`${run.command}\` | ${run.batched ? 'yes' : 'no'} | ${printed} | ${run.exit} | ${run.seconds} |`);
    }
  }
  return rows.join('\n');
}

function renderPage(table) {
  const projects = measured[0]?.projects ?? '?';
  const commit = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: repo, encoding: 'utf8' }).stdout.trim();
  const cpu = os.cpus();
  return [
    '# harness across Nx versions',
    '',
    `Written by \`npm run e2e:matrix\` (scripts/e2e-matrix.mjs); do not edit by hand. Run ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on commit ${commit}, ${cpu.length} cores (${cpu[0]?.model.trim() ?? 'unknown'}), Node ${process.version}.`,
    '',
    `Each leg makes a create-nx-workspace workspace at that Nx version, installs the packed plugin, runs \`nx g harness:init\`, and adds ${projects} modules with known findings: a cross-scope import, a naming finding, and a coverage warning in every module (the proof that every project's output is printed). Every run is cold (\`--skip-nx-cache\`), with \`CI=true\` and the daemon off. "findings printed" counts the expected finding blocks found in the output; "one process" is whether Nx ran all tasks in one batch. The leg column is the whole leg, workspace setup included.`,
    '',
    table,
    '',
  ].join('\n');
}
