// One repository from install to verdict, as a user would go: install, add harness, init, adopt,
// check the clean code next to ESLint, then inject each violation and check again.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { median } from './measure.mjs';
import { commitBaseline, ensureInstalled, installHarness, makeWorkingCopy, readInstallInfo, repoEnv, revertToBaseline } from './real-repos-install.mjs';
import { compareFiles, DEPENDENCY_RULES, narrowEslintPlan, prepareEslint, readProjects, runEslint, runHarness, writeEslintPlan } from './real-repos-judge.mjs';

/** Runs an Nx generator as a user would, keeping its output; `harness:` lines are its notes. */
function runGenerator(dir, logDir, name) {
  const result = spawnSync('npx', ['nx', 'g', `harness:${name}`, '--no-interactive'], { cwd: dir, env: repoEnv(), encoding: 'utf8', maxBuffer: 1 << 26 });
  const output = `${result.stdout}\n${result.stderr}`;
  fs.writeFileSync(path.join(logDir, `generator-${name}.txt`), output);
  const notes = output.split('\n').map((l) => l.trim()).filter((l) => l.startsWith('harness:'));
  return { exitCode: result.status, notes };
}

function summarizeHarness(run) {
  const byTitle = {};
  for (const f of run.findings) byTitle[f.title] = (byTitle[f.title] ?? 0) + 1;
  return {
    exitCode: run.exitCode,
    wallMs: Math.round(run.wallMs),
    findings: run.findings.length,
    byTitle,
    internalError: run.internalError,
    configError: run.configError,
    noTasks: run.noTasks,
    crashed: run.crashed,
    log: run.stdoutFile,
  };
}

/** Why a harness run cannot be trusted, or null: a crash, an internal error, or nothing run. */
export function describeBrokenRun(run) {
  if (run.noTasks) return 'no harness-check task was run ("No tasks were run", exit 0): a silent pass';
  if (run.internalError) return 'harness: internal error';
  if (run.configError) return run.configError;
  if (run.crashed) return `crash (exit ${run.exitCode}), see ${run.log}`;
  if (run.exitCode !== 0 && run.findings === 0) return `exit ${run.exitCode} with no finding printed, see ${run.log}`;
  return null;
}

/** Applies one injection, checks with both tools, then puts the baseline back. */
async function judgeInjection(dir, logDir, injection, planFile, clean, withEslint) {
  injection.apply(dir);
  try {
    const harness = await runHarness(dir, logDir, `inject-${injection.id}-harness`, { rules: DEPENDENCY_RULES });
    // --check skips ESLint here: it only judges harness, and ESLint is most of the time
    const label = `inject-${injection.id}-eslint`;
    const eslint = withEslint ? await runEslint(dir, logDir, label, narrowEslintPlan(planFile, dir, injection.file, label)) : null;
    // found means the finding of the injected kind, at the injected file
    const hits = harness.findings.filter((f) => f.file === injection.file && injection.expect.test(f.title));
    const other = harness.findings.filter((f) => f.file === injection.file && !injection.expect.test(f.title));
    const cleanFiles = new Set(clean.harness.map((f) => f.file));
    return {
      id: injection.id,
      what: injection.what,
      file: injection.file,
      expectedProject: injection.project,
      harnessFound: hits.length > 0,
      harnessTitles: [...new Set(hits.map((f) => f.title))],
      harnessOtherTitles: [...new Set(other.map((f) => f.title))],
      blamed: [...new Set(hits.map((f) => f.project))],
      wrongProject: hits.some((f) => f.project !== injection.project),
      harnessNewElsewhere: [...new Set(harness.findings.filter((f) => f.file !== injection.file && !cleanFiles.has(f.file)).map((f) => f.file))],
      harnessBroken: describeBrokenRun(summarizeHarness(harness)),
      eslintFound: eslint ? eslint.findings.some((f) => f.file === injection.file) : null,
      eslintMessages: eslint ? [...new Set(eslint.findings.filter((f) => f.file === injection.file).map((f) => f.message.split('\n')[0]))] : [],
      harnessMs: Math.round(harness.wallMs),
      eslintMs: eslint ? Math.round(eslint.wallMs) : null,
    };
  } finally {
    revertToBaseline(dir);
  }
}

/**
 * Everything about one repository. Problems are collected rather than thrown, so one broken step
 * still leaves a row that says what broke.
 */
export async function judgeRepo(repo, { mirror, tarball, runs, logRoot, log, eslintOnInjections = true }) {
  const logDir = path.join(logRoot, repo.id);
  fs.rmSync(logDir, { recursive: true, force: true });
  fs.mkdirSync(logDir, { recursive: true });
  const record = { id: repo.id, slug: repo.slug, commit: repo.commit, nx: repo.nx, packageManager: repo.packageManager, upstreamPackageManager: repo.upstreamPackageManager, layout: repo.layout, frameworks: repo.frameworks, eslintConfig: repo.eslintConfig, problems: [], logDir };
  const installed = ensureInstalled(repo, mirror, log);
  const info = readInstallInfo(installed.dir);
  Object.assign(record, { installMs: info.installMs, installReused: installed.reused, conversions: info.conversions });
  const dir = makeWorkingCopy(repo, installed.dir, log);
  record.setup = repo.prepare ? repo.prepare(dir) : [];
  installHarness(repo, dir, tarball, log);
  log(`${repo.id}: nx g harness:init, harness:adopt`);
  record.init = runGenerator(dir, logDir, 'init');
  record.adopt = runGenerator(dir, logDir, 'adopt');
  for (const step of ['init', 'adopt']) if (record[step].exitCode !== 0) record.problems.push(`harness:${step} exited ${record[step].exitCode} (${logDir}/generator-${step}.txt)`);
  record.importedConstraints = readImportedConstraints(dir);
  commitBaseline(dir, 'harness init and adopt');

  const projects = readProjects(dir, logDir);
  record.projects = { total: projects.length, withCheck: projects.filter((p) => p.harness).length, linted: projects.filter((p) => p.lint && p.root !== '.').length };
  if (record.projects.withCheck < projects.filter((p) => p.root !== '.').length) {
    record.problems.push(`only ${record.projects.withCheck} of ${projects.length} projects have a harness-check target: ${projects.filter((p) => !p.harness).map((p) => p.name).join(', ')}`);
  }
  record.unlinted = projects.filter((p) => !p.lint || p.root === '.').map((p) => p.name);
  const planFile = writeEslintPlan(dir, logDir, projects, 'eslint');
  prepareEslint(dir, planFile);

  log(`${repo.id}: clean code, every rule (the user's first run)`);
  record.cleanAll = summarizeHarness(await runHarness(dir, logDir, 'clean-all-rules', { skipCache: false }));
  const harnessRuns = [];
  const eslintRuns = [];
  for (let i = 0; i < runs; i++) {
    log(`${repo.id}: clean code, dependency rules and ESLint, round ${i + 1} of ${runs}`);
    harnessRuns.push(await runHarness(dir, logDir, `clean-deps-${i}`, { rules: DEPENDENCY_RULES }));
    eslintRuns.push(await runEslint(dir, logDir, `clean-eslint-${i}`, planFile));
  }
  const [harness, eslint] = [harnessRuns[0], eslintRuns[0]];
  record.cleanDeps = summarizeHarness(harness);
  record.eslint = { exitCode: eslint.exitCode, linted: eslint.linted, fatal: eslint.fatal, findings: eslint.findings.length, failed: eslint.failed, log: eslint.stderrFile };
  record.cleanCompare = compareFiles(harness.findings, eslint.findings);
  record.cleanDetail = { harness: harness.findings, eslint: eslint.findings };
  record.timing = { runs, harnessMs: harnessRuns.map((r) => Math.round(r.wallMs)), eslintMs: eslintRuns.map((r) => Math.round(r.wallMs)), harnessMedianMs: Math.round(median(harnessRuns.map((r) => r.wallMs))), eslintMedianMs: Math.round(median(eslintRuns.map((r) => r.wallMs))) };
  for (const [name, run] of [['every rule', record.cleanAll], ['dependency rules', record.cleanDeps]]) {
    const broken = describeBrokenRun(run);
    if (broken) record.problems.push(`clean code, ${name}: ${broken}`);
  }
  if (eslint.failed) record.problems.push(`ESLint run failed (exit ${eslint.exitCode}), see ${eslint.stderrFile}`);

  record.injections = [];
  for (const injection of repo.injections) {
    log(`${repo.id}: injected ${injection.id}`);
    record.injections.push(await judgeInjection(dir, logDir, injection, planFile, { harness: harness.findings }, eslintOnInjections));
  }
  record.verdict = judgeVerdict(record);
  return record;
}

/** The constraints harness.yaml holds after init, counted (init imports them from ESLint). */
function readImportedConstraints(dir) {
  const file = path.join(dir, 'harness.yaml');
  if (!fs.existsSync(file)) return null;
  return [...fs.readFileSync(file, 'utf8').matchAll(/^\s*-\s*(?:\{\s*)?"?sourceTag"?\s*:/gm)].length;
}

/** Green only when nothing crashed, the clean code matches ESLint, and every injection was found. */
export function judgeVerdict(record) {
  const reasons = [];
  if (describeBrokenRun(record.cleanAll)) reasons.push('a harness run is broken');
  if (describeBrokenRun(record.cleanDeps)) reasons.push('the dependency-rules run is broken');
  if (record.cleanCompare.onlyHarness.length) reasons.push(`harness flags ${record.cleanCompare.onlyHarness.length} clean files ESLint does not`);
  if (record.cleanCompare.onlyEslint.length) reasons.push(`ESLint flags ${record.cleanCompare.onlyEslint.length} clean files harness does not`);
  const missed = record.injections.filter((i) => !i.harnessFound).map((i) => i.id);
  if (missed.length) reasons.push(`missed injected: ${missed.join(', ')}`);
  const wrong = record.injections.filter((i) => i.wrongProject).map((i) => i.id);
  if (wrong.length) reasons.push(`blamed on the wrong project: ${wrong.join(', ')}`);
  return { green: reasons.length === 0, reasons };
}
