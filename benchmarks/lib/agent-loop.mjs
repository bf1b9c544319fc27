// The agent's loop on one edited file (issue 15): `npx harness check <file>` against
// `nx run <project>:harness-check --skip-nx-cache` and ESLint on that file; `check_files` inside a
// warm MCP server; and what the plugin costs every Nx command (`nx show projects` with and without
// harness in nx.json plugins).
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { measureCommand, median } from './measure.mjs';

const require = createRequire(import.meta.url);
const MCP_CALLS = 20;

/**
 * Measures the rows of one size into `size.agentLoop`. `file` is a file with a known finding, so
 * every row must report it (exit 1, the file flagged); a row that does not is a problem.
 */
export async function benchAgentLoop({ ws, projects, runs, env, logDir, file, size, problems, log }) {
  const project = findOwner(ws, file);
  const rows = {
    'harness-file': { label: `\`npx harness check ${file}\``, args: ['harness', 'check', file] },
    // What npx costs before harness starts, and the same check without npx: the ceiling on any
    // npx command's ratio, and how much of the check is harness.
    'npx-floor': { label: '`npx harness --version` (npx and Node start-up, no check)', args: ['harness', '--version'], okExit: 0 },
    'harness-bin': { label: `\`node_modules/.bin/harness check ${file}\` (no npx)`, command: 'node_modules/.bin/harness', args: ['check', file] },
    'nx-run-one': { label: `\`nx run ${project}:harness-check --skip-nx-cache\``, args: ['nx', 'run', `${project}:harness-check`, '--skip-nx-cache', '--output-style=static'] },
    'eslint-file': { label: `ESLint on ${file}`, args: ['eslint', file] },
    'nx-show-with': { label: '`nx show projects`, harness in nx.json plugins', args: ['nx', 'show', 'projects'], okExit: 0 },
    'nx-show-without': { label: '`nx show projects`, harness removed from nx.json plugins', args: ['nx', 'show', 'projects'], okExit: 0, withoutPlugin: true },
  };
  const result = { file, project, rows: {} };
  for (const [id, row] of Object.entries(rows)) {
    const times = [];
    const cpu = [];
    // nx.json stays without the plugin for the whole row, so run 0 pays the graph rebuild once.
    const restore = row.withoutPlugin ? removeHarnessPlugin(ws) : () => {};
    try {
      for (let r = 0; r <= runs; r++) {
        const m = await measureCommand(row.command ?? 'npx', row.args, { cwd: ws, env, logDir, label: `agent-${id}-r${r}` });
        const expectedExit = row.okExit ?? 1;
        const output = fs.readFileSync(m.stdoutFile, 'utf8') + fs.readFileSync(m.stderrFile, 'utf8');
        if (m.exitCode !== expectedExit || (expectedExit === 1 && !output.includes(id === 'eslint-file' ? 'enforce-module-boundaries' : `File: ${file}`))) {
          problems.push(`[${projects}] agent loop ${id} run ${r}: exit ${m.exitCode}, expected ${expectedExit} with ${file} flagged; see ${m.stderrFile}`);
        }
        // Run 0 warms the caches (Nx's graph after the plugin change, harness's facts and code caches).
        if (r > 0) times.push(Math.round(m.wallMs));
        if (r > 0 && m.cpuMs != null) cpu.push(m.cpuMs);
      }
    } finally {
      restore();
    }
    result.rows[id] = { label: row.label, command: `${row.command ?? 'npx'} ${row.args.join(' ')}`, runs: times, medianMs: median(times), cpuRuns: cpu, cpuMedianMs: cpu.length ? median(cpu) : null };
    log(`[${projects}] agent loop ${id.padEnd(16)} median ${(median(times) / 1000).toFixed(2)}s`);
  }
  result.mcp = await measureMcp(ws, env, file, projects, problems);
  log(`[${projects}] agent loop mcp check_files median ${result.mcp.medianMs} ms (first call ${result.mcp.firstMs} ms)`);
  size.agentLoop = result;
}

/** The project whose root holds the file, from Nx's cached graph (the bench's warm-up wrote it). */
function findOwner(ws, file) {
  const graph = JSON.parse(fs.readFileSync(path.join(ws, 'tmp/graph.json'), 'utf8')).graph;
  const owners = Object.entries(graph.nodes)
    .filter(([, node]) => node.data.root && file.startsWith(`${node.data.root}/`))
    .sort((a, b) => b[1].data.root.length - a[1].data.root.length);
  if (!owners.length) throw new Error(`bench: no project holds ${file}`);
  return owners[0][0];
}

/** Takes harness out of nx.json plugins; returns the function that puts nx.json back. */
function removeHarnessPlugin(ws) {
  const file = path.join(ws, 'nx.json');
  const text = fs.readFileSync(file, 'utf8');
  const nx = JSON.parse(text);
  const isHarness = (p) => ['harness', 'nx-harness'].includes(typeof p === 'string' ? p : p.plugin);
  nx.plugins = (nx.plugins ?? []).filter((p) => !isHarness(p));
  fs.writeFileSync(file, JSON.stringify(nx, null, 2));
  return () => fs.writeFileSync(file, text);
}

/** `check_files` of one file in one warm server: the first call, then the median of the next ones. */
async function measureMcp(ws, env, file, projects, problems) {
  const { Client } = require('@modelcontextprotocol/sdk/client/index.js');
  const { StdioClientTransport } = require('@modelcontextprotocol/sdk/client/stdio.js');
  const client = new Client({ name: 'harness-bench', version: '1.0.0' });
  await client.connect(new StdioClientTransport({ command: 'npx', args: ['harness', 'mcp'], cwd: ws, env }));
  try {
    const call = async () => {
      const started = process.hrtime.bigint();
      const result = await client.callTool({ name: 'check_files', arguments: { paths: [file] } });
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      const flagged = result.structuredContent?.findings?.some((f) => f.file === file);
      if (!flagged) problems.push(`[${projects}] mcp check_files did not report ${file}: ${JSON.stringify(result.content).slice(0, 200)}`);
      return ms;
    };
    const firstMs = Math.round(await call());
    const times = [];
    for (let i = 0; i < MCP_CALLS; i++) times.push(Math.round(await call()));
    return { firstMs, runs: times, medianMs: median(times) };
  } finally {
    await client.close();
  }
}

/** The rows as a RESULTS.md table, with the issue-15 targets. */
export function renderAgentLoop(results) {
  const sizes = Object.keys(results.sizes).map(Number).sort((a, b) => a - b).filter((s) => results.sizes[s].agentLoop);
  if (!sizes.length) return [];
  const out = ['', '### The agent loop: one edited file', ''];
  out.push('| projects | command | runs | median s | ÷ `harness check` | CPU s (user+sys, median) | CPU ÷ `harness check` |');
  out.push('|---|---|---:|---:|---:|---:|---:|');
  for (const s of sizes) {
    const loop = results.sizes[s].agentLoop;
    const base = loop.rows['harness-file'].medianMs;
    const cpuBase = loop.rows['harness-file'].cpuMedianMs;
    const cpuCells = (row) => (row.cpuMedianMs && cpuBase ? `${(row.cpuMedianMs / 1000).toFixed(2)} | ${(row.cpuMedianMs / cpuBase).toFixed(2)}×` : '– | –');
    for (const row of Object.values(loop.rows)) out.push(`| ${s} | ${row.label} | ${row.runs.length} | ${(row.medianMs / 1000).toFixed(2)} | ${(row.medianMs / base).toFixed(2)}× | ${cpuCells(row)} |`);
    out.push(`| ${s} | MCP \`check_files\` of ${loop.file}, warm server (first call ${loop.mcp.firstMs} ms) | ${loop.mcp.runs.length} | ${(loop.mcp.medianMs / 1000).toFixed(3)} | ${(loop.mcp.medianMs / base).toFixed(2)}× | – | – |`);
  }
  out.push('');
  out.push('| projects | target | measured | goal | met |');
  out.push('|---|---|---:|---|---|');
  for (const s of sizes) {
    const { rows, mcp } = results.sizes[s].agentLoop;
    const file = rows['harness-file'].medianMs;
    const vsNx = rows['nx-run-one'].medianMs / file;
    const vsEslint = rows['eslint-file'].medianMs / file;
    const plugin = rows['nx-show-with'].medianMs - rows['nx-show-without'].medianMs;
    // CPU time beside wall time: wall time on a loaded machine stretches a short process most
    const cpuRatio = (id) => (rows[id].cpuMedianMs && rows['harness-file'].cpuMedianMs ? ` (CPU ${(rows[id].cpuMedianMs / rows['harness-file'].cpuMedianMs).toFixed(2)}×)` : '');
    out.push(`| ${s} | \`nx run …:harness-check --skip-nx-cache\` ÷ \`harness check <file>\` | ${vsNx.toFixed(2)}×${cpuRatio('nx-run-one')} | ≥ 5× | ${vsNx >= 5 ? 'yes' : '**no**'} |`);
    if (rows['npx-floor'] && rows['harness-bin']) {
      out.push(`| ${s} | \`nx run …\` ÷ \`npx harness --version\`: the most any \`npx\` command can reach | ${(rows['nx-run-one'].medianMs / rows['npx-floor'].medianMs).toFixed(2)}× | (reported) | |`);
      out.push(`| ${s} | \`nx run …\` ÷ the same check from \`node_modules/.bin\` (no npx) | ${(rows['nx-run-one'].medianMs / rows['harness-bin'].medianMs).toFixed(2)}× | (reported) | |`);
    }
    out.push(`| ${s} | ESLint on the file ÷ \`harness check <file>\` | ${vsEslint.toFixed(2)}×${cpuRatio('eslint-file')} | ≥ 2× | ${vsEslint >= 2 ? 'yes' : '**no**'} |`);
    out.push(`| ${s} | MCP \`check_files\`, warm, median | ${mcp.medianMs} ms | ≤ 100 ms at 1,000 | ${s < 1000 ? '–' : mcp.medianMs <= 100 ? 'yes' : '**no**'} |`);
    out.push(`| ${s} | the plugin's cost on \`nx show projects\` | ${(plugin / 1000).toFixed(2)} s | (reported) | |`);
  }
  return out;
}
