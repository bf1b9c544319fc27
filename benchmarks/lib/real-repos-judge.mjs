// Runs harness and ESLint on a prepared working copy and reads what each reported, in one shape:
// per file, the dependency findings, with the project each was reported under.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { measureCommand } from './measure.mjs';
import { repoEnv } from './real-repos-install.mjs';

/** The harness rules that read dependency edges: the ones ESLint's module-boundaries rule covers. */
export const DEPENDENCY_RULES = ['dependency-constraints', 'public-api', 'circular', 'layers'];
const ESLINT_RUNNER = path.join(path.dirname(fileURLToPath(import.meta.url)), 'real-repos-eslint.cjs');

/** The project graph as Nx sees it: name, root, tags and whether the repo lints it. */
export function readProjects(dir, logDir) {
  const file = path.join(logDir, 'graph.json');
  execFileSync('npx', ['nx', 'graph', `--file=${file}`], { cwd: dir, env: repoEnv(), stdio: ['ignore', 'ignore', 'pipe'] });
  const nodes = JSON.parse(fs.readFileSync(file, 'utf8')).graph.nodes;
  return Object.entries(nodes).map(([name, node]) => ({
    name,
    root: node.data.root,
    tags: node.data.tags ?? [],
    lint: Object.keys(node.data.targets ?? {}).includes('lint'),
    harness: Object.keys(node.data.targets ?? {}).includes('harness-check'),
  }));
}

/** `nx run-many -t harness-check`, measured; `rules` limits it to those rule ids. */
export async function runHarness(dir, logDir, label, { rules, skipCache = true } = {}) {
  const args = ['nx', 'run-many', '-t', 'harness-check', '--output-style=static'];
  if (rules) args.push(`--rules=${rules.join(',')}`);
  if (skipCache) args.push('--skip-nx-cache');
  const measured = await measureCommand('npx', args, { cwd: dir, env: repoEnv(), logDir, label });
  return { ...measured, command: `npx ${args.join(' ')}`, ...readHarnessOutput(measured.stdoutFile, measured.stderrFile) };
}

/**
 * harness's text report as Nx prints it: each `> nx run <project>:harness-check` header, then
 * that task's finding blocks (title, File:) and its summary line.
 */
export function readHarnessOutput(stdoutFile, stderrFile) {
  const text = fs.readFileSync(stdoutFile, 'utf8') + '\n' + fs.readFileSync(stderrFile, 'utf8');
  const findings = [];
  let project = null;
  let title = null;
  for (const line of text.split('\n')) {
    const header = /^> nx run (\S+?):harness-check/.exec(line.trim());
    if (header) project = header[1];
    const heading = /^\s*(ERROR|WARN): (.+?)\s*$/.exec(line);
    if (heading) title = `${heading[1]}: ${heading[2]}`;
    const file = /^\s*File: (\S+)\s*$/.exec(line);
    if (file) findings.push({ project, title, file: file[1] });
  }
  const noTasks = /No tasks were run/.test(text);
  return {
    findings,
    internalError: /harness: internal error/.test(text),
    configError: (/^\s*harness: \S+:\d+: .*$/m.exec(text) ?? [])[0]?.trim() ?? null,
    noTasks,
    summaries: [...text.matchAll(/^\s*harness-check: (?:no findings|\d+ errors?)/gm)].length,
    crashed: /Cannot find module|Unable to resolve|TypeError|ReferenceError/.test(text) && !/^\s*(ERROR|WARN):/m.test(text),
  };
}

/**
 * The ESLint plan: the folders of every project the repo lints (the root project aside: linting
 * "." would lint the whole repo again), grouped by the folder whose config ESLint looks up.
 */
export function writeEslintPlan(dir, logDir, projects, label) {
  const groups = new Map();
  for (const project of projects.filter((p) => p.lint && p.root !== '.')) {
    const cwd = findConfigFolder(dir, project.root);
    if (!groups.has(cwd)) groups.set(cwd, []);
    groups.get(cwd).push(path.relative(cwd, path.join(dir, project.root)) || '.');
  }
  const plan = {
    workspace: dir,
    out: path.join(logDir, `${label}.eslint.json`),
    groups: [...groups].map(([cwd, patterns]) => ({ cwd, patterns })),
  };
  const file = path.join(logDir, `${label}.eslint-plan.json`);
  fs.writeFileSync(file, JSON.stringify(plan, null, 2));
  return file;
}

/** A flat config is looked up from the linted folder upwards; a legacy one cascades from the root. */
function findConfigFolder(dir, root) {
  for (let d = path.join(dir, root); d.startsWith(dir); d = path.dirname(d)) {
    if (fs.readdirSync(d).some((f) => /^eslint\.config\.[cm]?[jt]s$/.test(f))) return d;
    if (d === dir) break;
  }
  return dir;
}

/**
 * The same plan narrowed to one file: an injection changes one file, and ESLint's verdict on it
 * is the same whether its neighbours are linted or not (the rule reads the project graph).
 */
export function narrowEslintPlan(planFile, dir, file, label) {
  const plan = JSON.parse(fs.readFileSync(planFile, 'utf8'));
  const abs = path.join(dir, file);
  const group = plan.groups.filter((g) => abs.startsWith(g.cwd + path.sep)).sort((a, b) => b.cwd.length - a.cwd.length)[0];
  plan.groups = group ? [{ cwd: group.cwd, patterns: [path.relative(group.cwd, abs)] }] : [];
  const narrowed = path.join(path.dirname(planFile), `${label}.eslint-plan.json`);
  fs.writeFileSync(narrowed, JSON.stringify(plan, null, 2));
  return narrowed;
}

export function prepareEslint(dir, planFile) {
  execFileSync(process.execPath, [ESLINT_RUNNER, planFile, 'prepare'], { cwd: dir, env: repoEnv(), stdio: ['ignore', 'inherit', 'inherit'] });
}

/** ESLint with only @nx/enforce-module-boundaries on, measured, as findings per file. */
export async function runEslint(dir, logDir, label, planFile) {
  const plan = JSON.parse(fs.readFileSync(planFile, 'utf8'));
  plan.out = path.join(logDir, `${label}.eslint.json`);
  fs.writeFileSync(planFile, JSON.stringify(plan, null, 2));
  const measured = await measureCommand(process.execPath, [ESLINT_RUNNER, planFile, 'lint'], { cwd: dir, env: repoEnv(), logDir, label });
  if (!fs.existsSync(plan.out)) return { ...measured, findings: [], fatal: 0, linted: 0, failed: true };
  const report = JSON.parse(fs.readFileSync(plan.out, 'utf8'));
  const findings = [];
  let fatal = 0;
  for (const result of report.results) {
    for (const m of result.messages) {
      if (m.fatal) fatal++;
      else findings.push({ file: result.file, line: m.line, message: m.message });
    }
  }
  return { ...measured, findings, fatal, linted: report.linted, failed: measured.exitCode !== 0 };
}

/** Files only one side flagged, for the clean-code comparison. */
export function compareFiles(harnessFindings, eslintFindings) {
  const h = new Set(harnessFindings.map((f) => f.file));
  const e = new Set(eslintFindings.map((f) => f.file));
  return { onlyHarness: [...h].filter((f) => !e.has(f)).sort(), onlyEslint: [...e].filter((f) => !h.has(f)).sort(), both: [...h].filter((f) => e.has(f)).sort() };
}
