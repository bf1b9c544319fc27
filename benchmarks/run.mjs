#!/usr/bin/env node
// `npm run bench`: harness-check side by side with ESLint's @nx/enforce-module-boundaries and
// dependency-cruiser on synthetic Nx workspaces, plus `nx g harness:module` against
// `nx g @nx/js:library`. Writes benchmarks/RESULTS.md (its "bench" section) and results.json.
//
//   node benchmarks/run.mjs [--quick] [--runs N] [--sizes 200,1000] [--seed S] [--violations V]
//                           [--files F] [--slow-cap SECONDS] [--no-pack] [--skip-generators] [--skip-agent-loop]
//                           [--agent-loop-only]  (only the one-file rows; written to their own RESULTS.md section)
// --slow-cap S: a tool whose run at a size takes over S seconds is not run again at that size
// (keeps the 1,000-project run of the slowest tools to one sample; the table says how many).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchAgentLoop, renderAgentLoop } from './lib/agent-loop.mjs';
import { describeMachine, measureCommand, median } from './lib/measure.mjs';
import { compareWithExpected, readCruiserFindings, readEslintFindings, readHarnessTerminal } from './lib/read-findings.mjs';
import { renderBenchSection } from './lib/render-results.mjs';
import { writeSection } from './lib/results-file.mjs';
import { PINNED, benchEnv, createWorkspace, ensureTemplate, packHarness, swapBatchImplementation } from './lib/workspace.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '..');
const workDir = path.join(here, 'work');

const options = parseArgs(process.argv.slice(2));
const startedAt = Date.now();
const log = (...parts) => console.log(`[bench ${((Date.now() - startedAt) / 1000).toFixed(0).padStart(4)}s]`, ...parts);

/**
 * The measured commands. `findings` says how to read what the tool flagged; `compare` marks the
 * runs whose flagged files must equal violations.json.
 */
function defineTools(logDir) {
  /**
   * harness runs print the remediation text; the findings are its `File:` lines. Nx 23 prints what
   * a batch returns as each task's output only under log grouping (GITHUB_ACTIONS set), so the
   * harness runs get that variable; `terminalCheck` records what a local terminal shows without it.
   * (Not `--output-file=…{projectName}…`: Nx interpolates it per task, and harness's batch then
   * collects the workspace once per project; see RESULTS.md.)
   */
  const harnessTool = (extra) => ({
    args: () => ['nx', 'run-many', '-t', 'harness-check', ...extra],
    env: { GITHUB_ACTIONS: 'true' },
    okExit: (code) => code === 0 || code === 1,
    read: (m) => readHarnessTerminal(m.stdoutFile, m.stderrFile),
  });
  /** The same run-many as harness cold, with the batch implementation swapped for a no-op. */
  const floorTool = (id, label, env) => ({
    id,
    label,
    ...harnessTool(['--rules=dependency-constraints', '--skip-nx-cache']),
    env: { GITHUB_ACTIONS: 'true', ...env },
    read: () => ({ complete: true, files: [] }),
    before: (ws) => swapBatchImplementation(ws, true),
    after: (ws) => swapBatchImplementation(ws, false),
    compare: false,
  });
  return [
    {
      id: 'eslint',
      label: 'ESLint (@nx/enforce-module-boundaries only)',
      args: (label) => ['eslint', 'libs/**/*.ts', '--format', 'json', '--output-file', path.join(logDir, `${label}.eslint.json`)],
      okExit: (code) => code === 0 || code === 1,
      read: (m, ws, label) => readEslintFindings(path.join(logDir, `${label}.eslint.json`), ws),
      compare: true,
    },
    {
      id: 'eslint-cached',
      label: 'ESLint, --cache (second run onwards)',
      args: (label) => ['eslint', 'libs/**/*.ts', '--cache', '--cache-location', 'tmp/eslintcache', '--format', 'json', '--output-file', path.join(logDir, `${label}.eslint.json`)],
      okExit: (code) => code === 0 || code === 1,
      read: (m, ws, label) => readEslintFindings(path.join(logDir, `${label}.eslint.json`), ws),
      compare: true,
      warmUp: true,
    },
    {
      id: 'depcruise',
      label: 'dependency-cruiser (same rules as path regexes)',
      args: (label) => ['depcruise', 'libs', '--config', '.dependency-cruiser.cjs', '--output-type', 'json', '--output-to', path.join(logDir, `${label}.depcruise.json`)],
      // depcruise exits with the number of error-level violations
      okExit: (code) => code >= 0 && code < 128,
      read: (m, ws, label) => readCruiserFindings(path.join(logDir, `${label}.depcruise.json`)),
      compare: true,
    },
    {
      id: 'harness-deps-cold',
      label: 'harness, dependency rules, cold (--skip-nx-cache)',
      ...harnessTool(['--rules=dependency-constraints', '--skip-nx-cache']),
      compare: true,
    },
    {
      id: 'harness-deps-cached',
      label: 'harness, dependency rules, cached (Nx cache)',
      ...harnessTool(['--rules=dependency-constraints']),
      compare: true,
      // one untimed run fills the cache before the first timed one
      warmUp: true,
    },
    {
      id: 'harness-deps-first',
      label: 'harness, dependency rules, first run (--skip-nx-cache, HARNESS_NO_CACHE=true)',
      ...harnessTool(['--rules=dependency-constraints', '--skip-nx-cache']),
      env: { GITHUB_ACTIONS: 'true', HARNESS_NO_CACHE: 'true' },
      compare: true,
    },
    {
      id: 'harness-all-cold',
      label: 'harness, every default rule, cold (--skip-nx-cache)',
      ...harnessTool(['--skip-nx-cache']),
      compare: false,
      // the untimed run leaves harness's facts cache as every later --skip-nx-cache run finds it
      warmUp: true,
    },
    {
      id: 'harness-all-first',
      label: 'harness, every default rule, first run (--skip-nx-cache, HARNESS_NO_CACHE=true)',
      ...harnessTool(['--skip-nx-cache']),
      env: { GITHUB_ACTIONS: 'true', HARNESS_NO_CACHE: 'true' },
      compare: false,
    },
    {
      id: 'harness-deps-cold-noiso',
      label: 'harness, dependency rules, cold, NX_ISOLATE_PLUGINS=false',
      ...harnessTool(['--rules=dependency-constraints', '--skip-nx-cache']),
      env: { GITHUB_ACTIONS: 'true', NX_ISOLATE_PLUGINS: 'false' },
      compare: true,
    },
    floorTool('nx-floor', 'Nx floor: the same run-many, batch executor that does nothing', {}),
    floorTool('nx-floor-noiso', 'Nx floor, NX_ISOLATE_PLUGINS=false', { NX_ISOLATE_PLUGINS: 'false' }),
    {
      id: 'nx-graph',
      label: 'plain `nx graph --file` (floor)',
      args: () => ['nx', 'graph', '--file=tmp/graph.json'],
      okExit: (code) => code === 0,
      read: () => ({ complete: true, files: [] }),
      compare: false,
    },
  ];
}

function defineGenerators() {
  return [
    { id: 'gen-harness-module', label: '`nx g harness:module`', args: (i) => ['nx', 'g', 'harness:module', `benchx${i}`, '--no-interactive'] },
    {
      id: 'gen-nx-js-library',
      label: '`nx g @nx/js:library`',
      args: (i) => ['nx', 'g', '@nx/js:library', `libs/benchy${i}`, '--bundler=none', '--linter=none', '--unitTestRunner=jest', '--no-interactive'],
    },
    {
      id: 'gen-nx-js-library-bare',
      label: '`nx g @nx/js:library`, no test runner',
      args: (i) => ['nx', 'g', '@nx/js:library', `libs/benchz${i}`, '--bundler=none', '--linter=none', '--unitTestRunner=none', '--no-interactive'],
    },
  ];
}

async function main() {
  log(`sizes ${options.sizes.join(', ')} projects x ${options.files} files, ${options.runs} runs each, seed ${options.seed}`);
  const packed = packHarness(repo, { pack: options.pack, log });
  const template = ensureTemplate(workDir, packed.file, log);
  const results = {
    date: new Date().toISOString(),
    commit: gitDescribe(),
    machine: describeMachine(),
    pinned: PINNED,
    plugin: { tarballSha: packed.sha, builtAt: packed.builtAt, packWarning: packed.warning },
    options: { ...options },
    sizes: {},
    problems: [],
  };
  for (const projects of options.sizes) {
    results.sizes[projects] = await benchSize(projects, template, results.problems);
  }
  results.totalSeconds = Math.round((Date.now() - startedAt) / 1000);
  if (options.agentLoopOnly) {
    // Only the agent-loop rows ran: they get their own section and file, the full tables stay.
    fs.writeFileSync(path.join(here, 'results-agent-loop.json'), JSON.stringify(results, null, 2) + '\n');
    const heading = `## The agent loop (\`--agent-loop-only\`)\n\nRun ${results.date.slice(0, 16).replace('T', ' ')} UTC on commit ${results.commit}, ${results.options.runs} timed runs per row after one untimed, \`NX_DAEMON=false\`; a shared machine, so read the ratios.`;
    writeSection(path.join(here, 'RESULTS.md'), 'agent-loop', [heading, ...renderAgentLoop(results).slice(1)].join('\n'));
    log(`wrote the agent-loop section of benchmarks/RESULTS.md and benchmarks/results-agent-loop.json (${results.totalSeconds}s in all)`);
  } else {
    fs.writeFileSync(path.join(here, 'results.json'), JSON.stringify(results, null, 2) + '\n');
    writeSection(path.join(here, 'RESULTS.md'), 'bench', renderBenchSection(results));
    log(`wrote benchmarks/RESULTS.md and benchmarks/results.json (${results.totalSeconds}s in all)`);
  }
  if (results.problems.length) {
    console.error('\n!!! BENCHMARK PROBLEMS !!!');
    for (const p of results.problems) console.error(`!!! ${p}`);
    process.exit(1);
  }
}

async function benchSize(projects, template, problems) {
  const { dir: ws, expected } = createWorkspace({
    workDir,
    template,
    projects,
    files: options.files,
    violations: options.violations,
    seed: options.seed,
    log,
  });
  const logDir = path.join(workDir, 'logs', String(projects));
  fs.rmSync(logDir, { recursive: true, force: true });
  const env = benchEnv();
  const tools = options.agentLoopOnly ? [] : defineTools(logDir);
  const size = { projects, files: countSourceFiles(ws), expectedFiles: [...new Set(expected.map((v) => v.file))].sort(), tools: {}, generators: {} };
  log(`[${projects}] ${size.files} source files, ${size.expectedFiles.length} files with violations (violations.json)`);

  // The graph cache in .nx/workspace-data is warm for every tool alike: ESLint's rule reads it too.
  const warm = await measureCommand('npx', ['nx', 'graph', '--file=tmp/graph.json'], { cwd: ws, env, logDir, label: 'warm-graph' });
  if (warm.exitCode !== 0) problems.push(`[${projects}] warm-up \`nx graph\` exited ${warm.exitCode}; see ${warm.stderrFile}`);
  log(`[${projects}] warm-up nx graph ${(warm.wallMs / 1000).toFixed(1)}s`);

  for (const tool of tools) size.tools[tool.id] = { label: tool.label, command: `${tool.env ? Object.entries(tool.env).map(([k, v]) => `${k}=${v} `).join('') : ''}npx ${tool.args('<run>').join(' ')}`, runs: [] };
  if (!options.agentLoopOnly) size.terminalCheck = await checkTerminalOutput(ws, env, logDir, expected, projects);
  for (const tool of tools.filter((t) => t.warmUp)) {
    tool.before?.(ws);
    const m = await measureCommand('npx', tool.args('warm'), { cwd: ws, env: { ...env, ...tool.env }, logDir, label: `warm-${tool.id}` });
    log(`[${projects}] warm-up ${tool.id} ${(m.wallMs / 1000).toFixed(1)}s (exit ${m.exitCode})`);
  }
  const skipped = new Set();
  for (let r = 1; r <= options.runs; r++) {
    for (const tool of tools) {
      const label = `${tool.id}-r${r}`;
      if (skipped.has(tool.id)) continue;
      tool.before?.(ws);
      let m;
      try {
        m = await measureCommand('npx', tool.args(label), { cwd: ws, env: { ...env, ...tool.env }, logDir, label });
      } finally {
        tool.after?.(ws);
      }
      const read = tool.read(m, ws, label, projects);
      const run = {
        wallMs: Math.round(m.wallMs),
        exitCode: m.exitCode,
        maxRssKb: m.maxRssKb,
        treePeakKb: m.treePeakKb,
        files: read.files.length,
        findings: read.findings ?? read.files.length,
        note: read.note || undefined,
        byRule: read.byRule,
        cacheHits: read.cacheHits,
      };
      const crashed = !tool.okExit(m.exitCode) || !read.complete;
      if (crashed) {
        run.crashed = true;
        problems.push(`[${projects}] ${tool.id} run ${r} crashed or gave no complete report (exit ${m.exitCode}${read.note ? `; ${read.note}` : ''}); see ${path.relative(repo, m.stderrFile)}`);
      }
      let verdict = '';
      if (tool.compare) {
        const diff = compareWithExpected(read.files, expected);
        run.matches = diff === null;
        if (diff) {
          run.mismatch = diff;
          problems.push(`[${projects}] ${tool.id} run ${r}: flagged files differ from violations.json: ${diff.missing.length} missing ${JSON.stringify(diff.missing.slice(0, 3))}${diff.missing.length > 3 ? '…' : ''}, ${diff.extra.length} extra ${JSON.stringify(diff.extra.slice(0, 3))}${diff.extra.length > 3 ? '…' : ''}`);
          verdict = `  !!! MISMATCH with violations.json: ${diff.missing.length} missing, ${diff.extra.length} extra`;
        } else {
          verdict = '  = violations.json';
        }
      }
      size.tools[tool.id].runs.push(run);
      if (options.slowCap && m.wallMs > options.slowCap * 1000 && r < options.runs) {
        skipped.add(tool.id);
        log(`[${projects}] ${tool.id} took over --slow-cap ${options.slowCap}s: its later runs at this size are skipped`);
      }
      log(`[${projects}] run ${r}/${options.runs} ${tool.id.padEnd(24)} ${(m.wallMs / 1000).toFixed(2).padStart(7)}s  rss ${mb(m.maxRssKb)} (tree ${mb(m.treePeakKb)})  ${read.files.length} files flagged${run.findings !== read.files.length ? ` (${run.findings} findings)` : ''}${crashed ? '  !!! CRASHED' : ''}${verdict}`);
    }
  }
  for (const tool of tools) summarize(size.tools[tool.id]);
  if (!options.skipAgentLoop) {
    await benchAgentLoop({ ws, projects, runs: options.runs, env, logDir, file: size.expectedFiles[0], size, problems, log });
  }
  if (!options.skipGenerators && !options.agentLoopOnly) await benchGenerators(ws, projects, logDir, env, size, problems);
  return size;
}

/**
 * What a user sees: one untimed text-format run, its `File:` lines counted. The timed runs read
 * json reports instead; this records whether the terminal shows the same files.
 */
async function checkTerminalOutput(ws, env, logDir, expected, projects) {
  const args = ['nx', 'run-many', '-t', 'harness-check', '--rules=dependency-constraints', '--skip-nx-cache'];
  const m = await measureCommand('npx', args, { cwd: ws, env, logDir, label: 'terminal-check' });
  const read = readHarnessTerminal(m.stdoutFile, m.stderrFile);
  const diff = compareWithExpected(read.files, expected);
  const result = { command: `npx ${args.join(' ')}`, exitCode: m.exitCode, wallMs: Math.round(m.wallMs), filesShown: read.files.length, summariesShown: read.summaries, matches: diff === null };
  log(`[${projects}] terminal check (text format): ${read.files.length} of ${new Set(expected.map((v) => v.file)).size} flagged files and ${read.summaries} of ${projects} project summaries shown on the terminal${diff ? '  !!! the terminal hides findings' : ''}`);
  return result;
}

/**
 * Generator timings. One untimed warm-up generation of each kind comes first: it writes the
 * one-off root files (jest preset, BRIEF.md) and proves no install is pending. The template
 * install already holds every package these generators add, so no timed run installs anything;
 * package.json is compared before and after to show it.
 */
async function benchGenerators(ws, projects, logDir, env, size, problems) {
  const generators = defineGenerators();
  const pkgBefore = fs.readFileSync(path.join(ws, 'package.json'), 'utf8');
  for (const gen of generators) {
    size.generators[gen.id] = { label: gen.label, command: `npx ${gen.args('<i>').join(' ')}`, runs: [] };
    const m = await measureCommand('npx', gen.args(0), { cwd: ws, env, logDir, label: `warm-${gen.id}` });
    size.generators[gen.id].warmUpMs = Math.round(m.wallMs);
    if (m.exitCode !== 0) problems.push(`[${projects}] warm-up ${gen.id} exited ${m.exitCode}; see ${path.relative(repo, m.stderrFile)}`);
    log(`[${projects}] warm-up ${gen.id} ${(m.wallMs / 1000).toFixed(1)}s (exit ${m.exitCode})`);
  }
  for (let r = 1; r <= options.runs; r++) {
    for (const gen of generators) {
      const label = `${gen.id}-r${r}`;
      const m = await measureCommand('npx', gen.args(r), { cwd: ws, env, logDir, label });
      const run = { wallMs: Math.round(m.wallMs), exitCode: m.exitCode, maxRssKb: m.maxRssKb, treePeakKb: m.treePeakKb };
      if (m.exitCode !== 0) {
        run.crashed = true;
        problems.push(`[${projects}] ${gen.id} run ${r} exited ${m.exitCode}; see ${path.relative(repo, m.stderrFile)}`);
      }
      const installed = /npm (install|ci)|added \d+ packages/i.test(fs.readFileSync(m.stdoutFile, 'utf8'));
      if (installed) run.note = 'output mentions an npm install';
      size.generators[gen.id].runs.push(run);
      log(`[${projects}] run ${r}/${options.runs} ${gen.id.padEnd(20)} ${(m.wallMs / 1000).toFixed(2).padStart(7)}s  rss ${mb(m.maxRssKb)}${run.crashed ? '  !!! FAILED' : ''}${installed ? '  (install seen!)' : ''}`);
    }
  }
  const pkgAfter = fs.readFileSync(path.join(ws, 'package.json'), 'utf8');
  size.generatorPackageJsonChanged = pkgAfter !== pkgBefore;
  if (size.generatorPackageJsonChanged) log(`[${projects}] note: package.json changed during generator runs (a dependency was added)`);
  for (const gen of generators) summarize(size.generators[gen.id]);
}

function summarize(entry) {
  const ok = entry.runs.filter((r) => !r.crashed);
  const times = ok.map((r) => r.wallMs);
  entry.medianMs = times.length ? median(times) : null;
  entry.minMs = times.length ? Math.min(...times) : null;
  entry.maxMs = times.length ? Math.max(...times) : null;
  entry.peakRssKb = maxOf(entry.runs.map((r) => r.maxRssKb));
  entry.peakTreeKb = maxOf(entry.runs.map((r) => r.treePeakKb));
  entry.filesFlagged = entry.runs.length ? entry.runs[entry.runs.length - 1].files : null;
  entry.findings = entry.runs.length ? entry.runs[entry.runs.length - 1].findings : null;
  if (entry.runs.some((r) => 'matches' in r)) entry.matches = entry.runs.every((r) => r.matches);
  entry.crashed = entry.runs.some((r) => r.crashed);
}

function maxOf(values) {
  const v = values.filter((x) => x != null);
  return v.length ? Math.max(...v) : null;
}

function countSourceFiles(ws) {
  let n = 0;
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) walk(path.join(dir, entry.name));
      else if (entry.name.endsWith('.ts')) n++;
    }
  };
  walk(path.join(ws, 'libs'));
  return n;
}

const mb = (kb) => (kb == null ? '–' : `${Math.round(kb / 1024)} MB`);

function gitDescribe() {
  try {
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: repo, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--', 'packages'], { cwd: repo, encoding: 'utf8' }).trim() ? ' (packages/ has uncommitted changes)' : '';
    return head + dirty;
  } catch {
    return 'unknown';
  }
}

function parseArgs(argv) {
  const has = (flag) => argv.includes(flag);
  const value = (flag, fallback) => {
    const eq = argv.find((a) => a.startsWith(`${flag}=`));
    if (eq) return eq.slice(flag.length + 1);
    const i = argv.indexOf(flag);
    return i >= 0 && argv[i + 1] !== undefined ? argv[i + 1] : fallback;
  };
  const known = ['--quick', '--runs', '--slow-cap', '--sizes', '--seed', '--violations', '--files', '--no-pack', '--skip-generators', '--skip-agent-loop', '--agent-loop-only', '--help'];
  for (const a of argv) {
    if (a.startsWith('--') && !known.includes(a.split('=')[0])) {
      console.error(`bench: unknown option "${a}"; use one of ${known.join(', ')}`);
      process.exit(2);
    }
  }
  if (has('--help')) {
    console.log('usage: node benchmarks/run.mjs [--quick] [--runs N] [--sizes 200,1000] [--seed S] [--violations V] [--files F] [--slow-cap SECONDS] [--no-pack] [--skip-generators] [--skip-agent-loop] [--agent-loop-only]');
    process.exit(0);
  }
  const quick = has('--quick');
  const runs = Number(value('--runs', quick ? 2 : 3));
  const sizes = String(value('--sizes', quick ? '200' : '200,1000')).split(',').map(Number);
  const parsed = {
    quick,
    runs,
    sizes,
    files: Number(value('--files', 20)),
    seed: Number(value('--seed', 2024)),
    violations: Number(value('--violations', 12)),
    pack: !has('--no-pack'),
    skipGenerators: has('--skip-generators'),
    skipAgentLoop: has('--skip-agent-loop'),
    agentLoopOnly: has('--agent-loop-only'),
    slowCap: Number(value('--slow-cap', 0)),
  };
  for (const [k, v] of Object.entries({ runs, files: parsed.files, seed: parsed.seed, violations: parsed.violations, ...Object.fromEntries(sizes.map((s, i) => [`size ${i}`, s])) })) {
    if (!Number.isInteger(v) || v < 0 || (k !== 'seed' && k !== 'violations' && v < 1)) {
      console.error(`bench: "${k}" must be a positive whole number, got "${v}"`);
      process.exit(2);
    }
  }
  return parsed;
}

main().catch((error) => {
  console.error(`bench: ${error.stack ?? error}`);
  process.exit(1);
});
