#!/usr/bin/env node
// Profiles one cold `nx run-many -t harness-check` on the 200-project bench workspace with the V8
// CPU profiler in every Node process, works out which process wrote each .cpuprofile (npx, the Nx CLI, plugin
// workers, the batch worker that runs harness), and sums self time by function and by module.
// Writes the "Profile" section of benchmarks/RESULTS.md and benchmarks/profile-results.json.
//
//   node benchmarks/profile.mjs [--workspace DIR] [--top N]
// Needs the workspace that `node benchmarks/run.mjs --quick` leaves in benchmarks/work/ws-200.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeSection } from './lib/results-file.mjs';
import { benchEnv } from './lib/workspace.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const argv = process.argv.slice(2);
const flag = (name, fallback) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : fallback;
};
const workspace = path.resolve(flag('--workspace', path.join(here, 'work/ws-200')));
const top = Number(flag('--top', 15));
// Node 20 refuses --cpu-prof in NODE_OPTIONS; this preload starts the same V8 profiler per process
const PRELOAD = path.join(here, 'lib/cpu-profile-preload.cjs');

const VARIANTS = [
  { id: 'deps', label: 'dependency rules', args: ['--rules=dependency-constraints'] },
  { id: 'all', label: 'every default rule', args: [] },
];

function main() {
  if (!fs.existsSync(path.join(workspace, 'harness.yaml'))) {
    console.error(`profile: no bench workspace at "${workspace}"; run \`node benchmarks/run.mjs --quick\` first`);
    process.exit(1);
  }
  const results = { date: new Date().toISOString(), workspace, variants: {} };
  for (const variant of VARIANTS) {
    const dir = path.join(here, 'work/profiles', variant.id);
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(dir, { recursive: true });
    // text output: a per-project --output-file would split the batch into one group per project
    const args = ['nx', 'run-many', '-t', 'harness-check', '--skip-nx-cache', ...variant.args];
    const started = Date.now();
    const run = spawnSync('npx', args, { cwd: workspace, env: benchEnv({ NODE_OPTIONS: `--require=${PRELOAD}`, HARNESS_CPU_PROFILE_DIR: dir }), encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    const wallMs = Date.now() - started;
    const profiles = fs.readdirSync(dir).filter((f) => f.endsWith('.cpuprofile')).map((f) => summarizeProfile(path.join(dir, f)));
    results.variants[variant.id] = { label: variant.label, command: `NODE_OPTIONS=--require=benchmarks/lib/cpu-profile-preload.cjs npx ${args.join(' ')}`, exitCode: run.status, wallMs, profiles };
    console.log(`profile ${variant.id}: exit ${run.status}, ${(wallMs / 1000).toFixed(1)} s, ${profiles.length} profiles`);
    for (const p of profiles) console.log(`  ${p.role.padEnd(28)} pid ${p.pid}  ${(p.durationMs / 1000).toFixed(2)} s  top: ${p.modules.slice(0, 3).map((m) => `${m.name} ${(m.selfMs / 1000).toFixed(2)}s`).join(', ')}`);
  }
  fs.writeFileSync(path.join(here, 'profile-results.json'), JSON.stringify(results, null, 2) + '\n');
  writeSection(path.join(here, 'RESULTS.md'), 'profile', renderProfileSection(results));
  console.log('profile: wrote the Profile section of benchmarks/RESULTS.md and benchmarks/profile-results.json');
}

/** Which process wrote a profile, told by the scripts it ran. */
function classify(urls) {
  const has = (re) => urls.some((u) => re.test(u));
  if (has(/tasks-runner\/batch\/run-batch\.js$/)) return 'Nx batch worker (runs harness)';
  if (has(/tasks-runner\/fork\.js$|run-executor-worker|tasks-runner\/pseudo-terminal/)) return 'Nx task worker';
  if (has(/plugins\/isolation\/plugin-worker\.js$/)) return 'Nx plugin worker';
  if (has(/nx\/bin\/nx\.js$/)) return 'Nx CLI (main)';
  if (has(/npm\/bin\/npx-cli\.js$|npm\/lib\/cli\.js$|npm-cli\.js$/)) return 'npx';
  return 'other';
}

/** The command line the preload saved next to the profile, when there is one. */
function classifyByArgv(file) {
  const side = file.replace(/\.cpuprofile$/, '.argv.json');
  if (!fs.existsSync(side)) return null;
  const { argv } = JSON.parse(fs.readFileSync(side, 'utf8'));
  const script = argv[1] ?? '';
  if (/batch\/run-batch\.js$/.test(script)) return 'Nx batch worker (runs harness)';
  if (/plugin-worker\.js$/.test(script)) return 'Nx plugin worker';
  if (/nx\/bin\/nx\.js$|\.bin\/nx$/.test(script)) return 'Nx CLI (main)';
  if (/npx-cli\.js$|npm-cli\.js$|\/npx$/.test(script)) return 'npx (npm)';
  return `other (${path.basename(script)})`;
}

/** Self time per call-frame, folded by function and by module. */
function summarizeProfile(file) {
  const profile = JSON.parse(fs.readFileSync(file, 'utf8'));
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfUs = new Map();
  // timeDeltas[i] is the time since the previous sample; it belongs to the node sampled before
  for (let i = 1; i < profile.samples.length; i++) {
    const id = profile.samples[i - 1];
    selfUs.set(id, (selfUs.get(id) ?? 0) + profile.timeDeltas[i]);
  }
  const functions = new Map();
  const modules = new Map();
  const urls = new Set();
  for (const node of profile.nodes) {
    const frame = node.callFrame;
    if (frame.url) urls.add(frame.url);
    const us = selfUs.get(node.id) ?? 0;
    if (!us) continue;
    const where = shortUrl(frame.url);
    const fn = `${frame.functionName || '(anonymous)'} ${where}${frame.url ? `:${frame.lineNumber + 1}` : ''}`;
    functions.set(fn, (functions.get(fn) ?? 0) + us);
    const mod = moduleOf(frame);
    modules.set(mod, (modules.get(mod) ?? 0) + us);
  }
  const sorted = (map) => [...map].sort((a, b) => b[1] - a[1]).map(([name, us]) => ({ name, selfMs: us / 1000 }));
  const match = /\.(\d+)\.\d+\.\d+\.cpuprofile$/.exec(file);
  void byId;
  return {
    file: path.basename(file),
    pid: match ? Number(match[1]) : null,
    role: classifyByArgv(file) ?? classify([...urls]),
    durationMs: (profile.endTime - profile.startTime) / 1000,
    functions: sorted(functions).slice(0, 40),
    modules: sorted(modules).slice(0, 25),
  };
}

function shortUrl(url) {
  if (!url) return '';
  const clean = url.replace(/^file:\/\//, '');
  const nm = clean.lastIndexOf('node_modules/');
  if (nm >= 0) return clean.slice(nm + 'node_modules/'.length);
  return clean.startsWith('node:') ? clean : path.basename(clean);
}

/** A package (`typescript`, `nx`, `harness/dist/rules/naming.js` for the plugin), or a V8 bucket. */
function moduleOf(frame) {
  const url = frame.url;
  if (!url) return frame.functionName.startsWith('(') ? frame.functionName : '(native)';
  if (url.startsWith('node:')) return 'node: (built-ins)';
  const rel = shortUrl(url);
  const parts = rel.split('/');
  if (parts[0] === 'harness') return `harness/${parts.slice(1).join('/')}`;
  if (rel === url.replace(/^file:\/\//, '')) return rel;
  return parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0];
}

function renderProfileSection(results) {
  const out = [];
  out.push('## Profile');
  out.push('');
  out.push(`\`node benchmarks/profile.mjs\`, ${results.date.slice(0, 16).replace('T', ' ')} UTC, on the 200-project bench workspace: one cold run per variant with the V8 CPU profiler in every process, so every Node process (npx, the Nx CLI, Nx's plugin workers and the batch worker that runs harness) wrote its own profile. Node 20 refuses \`--cpu-prof\` in NODE_OPTIONS, so \`NODE_OPTIONS=--require=benchmarks/lib/cpu-profile-preload.cjs\` starts the same V8 sampling profiler (500 µs) in each process and writes the profile and the process's command line when it exits. Self time is summed by function and by module (the package, or the plugin's file). Profiling slows a run by roughly a tenth.`);
  for (const v of Object.values(results.variants)) {
    out.push('');
    out.push(`### ${v.label}: ${(v.wallMs / 1000).toFixed(1)} s wall, exit ${v.exitCode}`);
    out.push('');
    out.push(`\`${v.command}\``);
    out.push('');
    out.push('| process | profiles | sampled s (each) | top modules by self time |');
    out.push('|---|---:|---|---|');
    const byRole = new Map();
    for (const p of v.profiles) byRole.set(p.role, [...(byRole.get(p.role) ?? []), p]);
    for (const [role, list] of byRole) {
      const heaviest = list.sort((a, b) => b.durationMs - a.durationMs)[0];
      out.push(`| ${role} | ${list.length} | ${list.map((p) => (p.durationMs / 1000).toFixed(2)).join(', ')} | ${heaviest.modules.slice(0, 4).map((m) => `${m.name} ${(m.selfMs / 1000).toFixed(2)}`).join('; ')} |`);
    }
    const batch = v.profiles.filter((p) => p.role.startsWith('Nx batch')).sort((a, b) => b.durationMs - a.durationMs)[0];
    if (batch) {
      out.push('');
      out.push(`Batch worker (pid ${batch.pid}, ${(batch.durationMs / 1000).toFixed(2)} s sampled), top ${top} functions by self time:`);
      out.push('');
      out.push('| self ms | function |');
      out.push('|---:|---|');
      for (const f of batch.functions.slice(0, top)) out.push(`| ${f.selfMs.toFixed(0)} | \`${f.name}\` |`);
      out.push('');
      out.push('Top modules:');
      out.push('');
      out.push('| self ms | module |');
      out.push('|---:|---|');
      for (const m of batch.modules.slice(0, 12)) out.push(`| ${m.selfMs.toFixed(0)} | ${m.name} |`);
    }
  }
  return out.join('\n');
}

main();
