#!/usr/bin/env node
// `npm run e2e:matrix`: the Nx version matrix. At every version (the oldest and the newest minor
// of each major in the peer range, 22.3.3, which real repos use, and 22.5.0, the last minor that
// prints batch results but ignores preferBatch) the nx-versions suite runs
// `nx run-many -t harness-check` on a workspace with known findings and records what is printed
// and how long it takes; at 22.7.12 and 23.2.1 the user path and adoption suites run too.
// Each run updates its versions in benchmarks/nx-versions.json and rewrites
// benchmarks/NX-VERSIONS.md from it.
//
//   node scripts/e2e-matrix.mjs                   the whole matrix
//   node scripts/e2e-matrix.mjs 22.3.3 21.0.4     those versions only
//   --run-many                                    the nx-versions suite only
//   --no-table                                    leave the benchmarks files alone (npm test)
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// create-nx-workspace has no 22.6.0-22.6.2 and no 23.0.0, hence 22.6.5 and 23.0.1.
const MATRIX = ['21.0.4', '21.6.11', '22.0.4', '22.3.3', '22.5.0', '22.6.5', '22.7.12', '23.0.1', '23.2.1'];
const FULL_SUITES = new Set(['22.7.12', '23.2.1']);
const TABLE = path.join(repo, 'benchmarks/NX-VERSIONS.md');
const DATA = path.join(repo, 'benchmarks/nx-versions.json');

const args = process.argv.slice(2);
const runManyOnly = args.includes('--run-many');
const writeTable = !args.includes('--no-table');
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
fs.rmSync(path.dirname(records), { recursive: true, force: true });
const commit = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: repo, encoding: 'utf8' }).stdout.trim();
const date = new Date().toISOString().slice(0, 16).replace('T', ' ');
const data = writeTable && fs.existsSync(DATA) ? JSON.parse(fs.readFileSync(DATA, 'utf8')) : {};
for (const leg of legs) {
  const run = measured.find((m) => m.version === leg.version);
  data[leg.version] = { date, commit, ...leg, projects: run?.projects, records: run?.records ?? [] };
}
const table = renderTable(data, legs.map((l) => l.version));
process.stdout.write(`\n${table}\n`);
if (writeTable) {
  const sorted = Object.fromEntries(Object.entries(data).sort(([a], [b]) => compareVersions(a, b)));
  fs.writeFileSync(DATA, `${JSON.stringify(sorted, null, 2)}\n`);
  fs.writeFileSync(TABLE, renderPage(renderTable(sorted, Object.keys(sorted))));
  process.stdout.write(`[e2e:matrix] wrote ${path.relative(repo, TABLE)} and ${path.relative(repo, DATA)}\n`);
}
const failed = legs.filter((l) => !l.passed).map((l) => l.version);
process.stdout.write(failed.length ? `[e2e:matrix] failed at Nx ${failed.join(', ')}\n` : `[e2e:matrix] passed at Nx ${versions.join(', ')}\n`);
process.exit(failed.length ? 1 : 0);

function compareVersions(a, b) {
  const [pa, pb] = [a, b].map((v) => v.split('.').map(Number));
  return pa[0] - pb[0] || pa[1] - pb[1] || pa[2] - pb[2];
}

function renderTable(data, versions) {
  const rows = ['| Nx | leg (run, commit) | command | one process | findings printed | exit | seconds |', '|---|---|---|---|---|---:|---:|'];
  for (const version of versions) {
    const leg = data[version];
    const status = `${leg.passed ? 'passed' : 'FAILED'} in ${leg.seconds} s (${leg.date}, ${leg.commit})`;
    if (!leg.records.length) rows.push(`| ${version} | ${status} | (no run recorded) | | | | |`);
    for (const run of leg.records) {
      const withheld = run.withheld ? `, Nx withheld ${run.withheld} passing projects` : '';
      const printed = `${run.printed}/${run.expected}${run.duplicated ? `, ${run.duplicated} twice` : ''}${withheld}${run.hint ? ', + batch hint' : ''}`;
      rows.push(`| ${version} | ${status} | \`${run.command}\` | ${run.batched ? 'yes' : 'no'} | ${printed} | ${run.exit} | ${run.seconds} |`);
    }
  }
  return rows.join('\n');
}

function renderPage(table) {
  const cpu = os.cpus();
  return [
    '# harness across Nx versions',
    '',
    `Written by \`npm run e2e:matrix\` (scripts/e2e-matrix.mjs) from benchmarks/nx-versions.json; do not edit by hand. Last written ${date} UTC on ${cpu.length} cores (${cpu[0]?.model.trim() ?? 'unknown'}), Node ${process.version}; a shared machine, so compare the seconds within a row group more than across runs.`,
    '',
    `Each leg makes a create-nx-workspace workspace at that Nx version, installs the packed plugin (on Nx 21 with \`@nx/devkit\` pinned to the same version, as the README says), runs \`nx g harness:init\`, and adds ${Object.values(data)[0]?.projects ?? 12} modules with known findings: a cross-scope import, a naming finding, and a coverage warning in every module (the proof that every project's output is printed). Every run is cold (\`--skip-nx-cache\`), with \`CI=true\` and the daemon off. "findings printed" counts the expected finding blocks found in the output; "one process" is whether Nx ran the tasks as one batch; "+ batch hint" is the line harness prints where Nx starts a process per project; "Nx withheld N passing projects" is Nx 23.2's default output style in CI (\`static-failures-only\`), which folds a passing task's output into one line and says so: their warnings show with \`--output-style=static\`, which the static row checks. The leg time includes the workspace setup and, at 22.7.12 and 23.2.1, the user path and adoption suites.`,
    '',
    table,
    '',
  ].join('\n');
}
