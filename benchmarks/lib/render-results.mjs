// Turns results.json into the "bench" section of RESULTS.md: the timing table, generator
// timings, and every issue-6 target with its measured ratio.
import { renderAgentLoop } from './agent-loop.mjs';
import { fmtMb, fmtRatio, fmtSeconds } from './results-file.mjs';

const GB_KB = 1024 * 1024;

export function renderBenchSection(results) {
  const sizes = Object.keys(results.sizes).map(Number).sort((a, b) => a - b);
  const out = [];
  out.push('## Benchmarks');
  out.push('');
  out.push(`Run ${results.date.slice(0, 16).replace('T', ' ')} UTC on commit ${results.commit}; ${results.totalSeconds} s in all.`);
  const m = results.machine;
  out.push(`Machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGb} GB, Node ${m.node}; a shared machine, so read the ratios more than the seconds.`);
  if (results.plugin) out.push(`Plugin: the nx-harness tarball sha256 ${results.plugin.tarballSha}…, built ${results.plugin.builtAt.slice(0, 16).replace('T', ' ')} UTC${results.plugin.packWarning ? ` (**${results.plugin.packWarning}**)` : ''}.`);
  out.push(`Versions: ${Object.entries(results.pinned).map(([k, v]) => `${k}@${v}`).join(', ')}.`);
  out.push(`Workspaces: \`synth-workspace.mjs --files ${results.options.files} --violations ${results.options.violations} --seed ${results.options.seed}\`; ${results.options.runs} timed runs per tool, taken in turn (round robin) on the same workspace; \`NX_DAEMON=false\`.`);
  out.push(`Peak memory: ${m.peakRssSource}. "largest process" is GNU time's maximum RSS (the biggest single process of the run); "process tree" sums every process of the run at each sample, every 150 ms.`);
  out.push('');
  out.push('### Time, memory and violations found');
  out.push('');
  out.push('| projects (files) | tool | runs | median s | min–max s | peak RSS, largest process | peak RSS, process tree | files flagged | same files as violations.json | time ÷ harness cold |');
  out.push('|---|---|---:|---:|---:|---:|---:|---:|---|---:|');
  for (const s of sizes) {
    const size = results.sizes[s];
    const base = size.tools['harness-deps-cold']?.medianMs;
    for (const [id, t] of Object.entries(size.tools)) {
      const flagged = id === 'nx-graph' || id.startsWith('nx-floor') ? '–' : id.startsWith('harness-all-') ? `${t.filesFlagged} (${t.findings} findings, all rules)` : String(t.filesFlagged);
      const same = t.matches === undefined ? '–' : t.matches ? `yes (${size.expectedFiles.length})` : '**NO**';
      out.push(`| ${s} (${size.files}) | ${t.label}${t.crashed ? ' **(crashed)**' : ''} | ${t.runs.length} | ${fmtSeconds(t.medianMs)} | ${t.minMs == null ? '–' : `${fmtSeconds(t.minMs)}–${fmtSeconds(t.maxMs)}`} | ${fmtMb(t.peakRssKb)} | ${fmtMb(t.peakTreeKb)} | ${flagged} | ${same} | ${fmtRatio(base ? t.medianMs / base : null)} |`);
    }
  }
  out.push('');
  out.push('harness findings are the `File:` lines of its text report. The harness runs set `GITHUB_ACTIONS=true`: Nx 23 prints what a batch returns as task output only under log grouping (see the terminal check below). Nx caches only passing tasks, so the "cached" run replays the passing projects and runs the failing ones again (in one batch).');
  for (const s of sizes) {
    const tc = results.sizes[s].terminalCheck;
    if (tc) out.push(`Terminal check, ${s} projects: \`${tc.command}\` (text format) showed ${tc.filesShown} of ${results.sizes[s].expectedFiles.length} flagged files and ${tc.summariesShown} of ${s} project summary lines${tc.matches ? '.' : ' — **the terminal hides findings that the json reports hold**.'}`);
  }
  const all = results.sizes[sizes[0]].tools['harness-all-cold']?.runs.at(-1)?.byRule;
  if (all) out.push(`Findings of the every-rule run by finding title, ${sizes[0]} projects: ${Object.entries(all).map(([k, v]) => `${k} ${v}`).join(', ')}.`);
  out.push('');
  out.push('Commands (in the workspace, each through `npx`):');
  out.push('');
  const first = results.sizes[sizes[0]];
  for (const t of Object.values(first.tools)) out.push(`- ${t.label}: \`${t.command.replace(/\/\S+\/logs\/\S+/g, '<log file>')}\``);
  for (const g of Object.values(first.generators ?? {})) out.push(`- ${g.label}: \`${g.command}\``);
  out.push('');
  if (sizes.some((s) => Object.keys(results.sizes[s].generators ?? {}).length)) {
    out.push('### Generators');
    out.push('');
    out.push('One untimed warm-up generation of each kind runs first in each workspace (it writes the one-off root files such as the jest preset). The shared install already holds every package the generators add, so no timed run installs anything: package.json is compared before and after the timed runs.');
    out.push('');
    out.push('| projects | generator | median s | min–max s | peak RSS, largest process | ÷ `@nx/js:library` | package.json changed |');
    out.push('|---|---|---:|---:|---:|---:|---|');
    for (const s of sizes) {
      const g = results.sizes[s].generators ?? {};
      const lib = g['gen-nx-js-library']?.medianMs;
      for (const entry of Object.values(g)) {
        out.push(`| ${s} | ${entry.label}${entry.crashed ? ' **(failed)**' : ''} | ${fmtSeconds(entry.medianMs)} | ${entry.minMs == null ? '–' : `${fmtSeconds(entry.minMs)}–${fmtSeconds(entry.maxMs)}`} | ${fmtMb(entry.peakRssKb)} | ${fmtRatio(lib ? entry.medianMs / lib : null)} | ${results.sizes[s].generatorPackageJsonChanged ? 'yes' : 'no'} |`);
      }
    }
    out.push('');
  }
  out.push('### Targets (issue 6)');
  out.push('');
  out.push('| target | measured | goal | met |');
  out.push('|---|---:|---:|---|');
  for (const row of computeTargets(results)) {
    out.push(`| ${row.name} | ${row.measured} | ${row.goal} | ${row.goal === '(reported)' ? '–' : row.met === null ? 'not measured' : row.met ? 'yes' : '**no**'} |`);
  }
  out.push('');
  if (sizes.length > 1) {
    out.push('### Growth from the smallest to the largest size (median time ratio)');
    out.push('');
    const [lo, hi] = [sizes[0], sizes[sizes.length - 1]];
    out.push(`| tool | ${lo} → ${hi} projects |`);
    out.push('|---|---:|');
    for (const [id, t] of Object.entries(results.sizes[hi].tools)) {
      const a = results.sizes[lo].tools[id]?.medianMs;
      out.push(`| ${t.label} | ${fmtRatio(a ? t.medianMs / a : null)} |`);
    }
    out.push('');
  }
  out.push(...renderAgentLoop(results), '');
  if (results.problems.length) {
    out.push('### Problems in this run');
    out.push('');
    for (const p of results.problems) out.push(`- ${p}`);
    out.push('');
  }
  return out.join('\n');
}

export function computeTargets(results) {
  const sizes = Object.keys(results.sizes).map(Number).sort((a, b) => a - b);
  const t = (s, id) => results.sizes[s]?.tools[id]?.medianMs;
  const rows = [];
  const ratio = (a, b) => (a && b ? a / b : null);
  const row = (name, value, goal, test, fmt = fmtRatio) => rows.push({ name, measured: value == null ? '–' : fmt(value), goal, met: value == null ? null : test(value), value });
  const small = sizes.includes(200) ? 200 : sizes[0];
  const large = sizes.includes(1000) ? 1000 : sizes[sizes.length - 1];
  row(`ESLint ÷ harness cold, dependency rules, ${small} projects`, ratio(t(small, 'eslint'), t(small, 'harness-deps-cold')), '≥ 10×', (v) => v >= 10);
  row(`ESLint ÷ harness cold, every default rule, ${small} projects`, ratio(t(small, 'eslint'), t(small, 'harness-all-cold')), '≥ 4×', (v) => v >= 4);
  row(`ESLint ÷ harness first run (no harness caches), dependency rules, ${small} projects`, ratio(t(small, 'eslint'), t(small, 'harness-deps-first')), '(reported)', () => true);
  row(`ESLint ÷ harness first run (no harness caches), every default rule, ${small} projects`, ratio(t(small, 'eslint'), t(small, 'harness-all-first')), '(reported)', () => true);
  row(`ESLint --cache (warm) ÷ harness cold, dependency rules, ${small} projects`, ratio(t(small, 'eslint-cached'), t(small, 'harness-deps-cold')), '(reported)', () => true);
  row(`ESLint ÷ harness cold, dependency rules, NX_ISOLATE_PLUGINS=false, ${small} projects`, ratio(t(small, 'eslint'), t(small, 'harness-deps-cold-noiso')), '(reported)', () => true);
  row(`ESLint ÷ Nx floor (run-many with a no-op batch executor), ${small} projects: the best any Nx executor can reach`, ratio(t(small, 'eslint'), t(small, 'nx-floor')), '(reported)', () => true);
  row(`ESLint ÷ Nx floor with NX_ISOLATE_PLUGINS=false, ${small} projects`, ratio(t(small, 'eslint'), t(small, 'nx-floor-noiso')), '(reported)', () => true);
  for (const s of sizes) {
    const own = t(s, 'harness-deps-cold') && t(s, 'nx-floor') ? (t(s, 'harness-deps-cold') - t(s, 'nx-floor')) / 1000 : null;
    row(`harness cold − Nx floor (harness's own share), ${s} projects`, own, '(reported)', () => true, (v) => `${v.toFixed(2)} s`);
  }
  row(`dependency-cruiser ÷ harness cold, ${small} projects`, ratio(t(small, 'depcruise'), t(small, 'harness-deps-cold')), '(reported)', () => true);
  for (const s of sizes) {
    row(`harness cold ÷ cached, ${s} projects`, ratio(t(s, 'harness-deps-cold'), t(s, 'harness-deps-cached')), '≥ 5×', (v) => v >= 5);
  }
  for (const s of sizes) {
    row(`harness cold ÷ plain nx graph, ${s} projects (stretch)`, ratio(t(s, 'harness-deps-cold'), t(s, 'nx-graph')), '≤ 1.5×', (v) => v <= 1.5);
  }
  if (sizes.length > 1) {
    row(`harness cold, ${small} → ${large} projects time ratio`, ratio(t(large, 'harness-deps-cold'), t(small, 'harness-deps-cold')), '≤ 6', (v) => v <= 6);
    row(`harness every rule, ${small} → ${large} projects time ratio`, ratio(t(large, 'harness-all-cold'), t(small, 'harness-all-cold')), '≤ 6', (v) => v <= 6);
    row(`harness every rule, first run, ${small} → ${large} projects time ratio`, ratio(t(large, 'harness-all-first'), t(small, 'harness-all-first')), '≤ 6', (v) => v <= 6);
  }
  for (const id of ['harness-deps-cold', 'harness-all-cold', 'harness-all-first']) {
    const entry = results.sizes[large]?.tools[id];
    const kb = entry ? Math.max(entry.peakTreeKb ?? 0, entry.peakRssKb ?? 0) || null : null;
    row(`peak memory (process tree), ${entry?.label ?? id}, ${large} projects`, kb, '≤ 1.5 GB', (v) => v <= 1.5 * GB_KB, fmtMb);
  }
  for (const s of sizes) {
    const g = results.sizes[s].generators ?? {};
    row(`\`harness:module\` ÷ \`@nx/js:library\`, ${s} projects`, ratio(g['gen-harness-module']?.medianMs, g['gen-nx-js-library']?.medianMs), '≤ 1.3×', (v) => v <= 1.3);
    row(`\`harness:module\` ÷ \`@nx/js:library --unitTestRunner=none\`, ${s} projects`, ratio(g['gen-harness-module']?.medianMs, g['gen-nx-js-library-bare']?.medianMs), '(reported)', () => true);
  }
  return rows;
}
