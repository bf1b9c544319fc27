#!/usr/bin/env node
// `npm run real-repos [-- --repos nx-examples] [--runs N] [--check] [--no-pack]`: harness on real
// public Nx repositories, as a user would set it up, next to ESLint's module-boundaries rule.
// Writes benchmarks/REAL-REPOS.md and real-repos-results.json (not in --check mode, which only
// exits non-zero when a judged repository is not green). Repositories come from git snapshots
// under /work/.mirror or HARNESS_REAL_REPOS_MIRROR; installs are cached by commit outside the repo.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describeMachine } from './lib/measure.mjs';
import { CORPUS } from './lib/real-repos-corpus.mjs';
import { CACHE_ROOT, findMirror, MIRROR_ROOT } from './lib/real-repos-install.mjs';
import { renderRealRepos } from './lib/real-repos-render.mjs';
import { judgeRepo } from './lib/real-repos-run.mjs';
import { packHarness } from './lib/workspace.mjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const RESULTS_JSON = path.join(repoRoot, 'benchmarks/real-repos-results.json');
const RESULTS_MD = path.join(repoRoot, 'benchmarks/REAL-REPOS.md');

function parseArgs(argv) {
  const options = { repos: CORPUS.map((r) => r.id), runs: 2, check: false, pack: true };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--repos') options.repos = argv[++i].split(',');
    else if (arg === '--runs') options.runs = Number(argv[++i]);
    else if (arg === '--check') options.check = true;
    else if (arg === '--no-pack') options.pack = false;
    else throw new Error(`unknown option "${arg}"; use --repos a,b --runs N --check --no-pack`);
  }
  const unknown = options.repos.filter((id) => !CORPUS.some((r) => r.id === id));
  if (unknown.length) throw new Error(`unknown repository "${unknown.join(', ')}"; the corpus has ${CORPUS.map((r) => r.id).join(', ')}`);
  if (options.check && !argv.includes('--runs')) options.runs = 1;
  return options;
}

const log = (message) => process.stdout.write(`[real-repos] ${message}\n`);

/** A private copy of the tarball, so a repack of dist/ during the run changes nothing. */
function copyTarball(harness) {
  const dir = path.join(CACHE_ROOT, 'tarballs');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `nx-harness-${harness.sha}.tgz`);
  if (!fs.existsSync(file)) fs.copyFileSync(harness.file, file);
  return file;
}

/** Results of earlier runs stay for the repositories this run did not judge. */
function mergeResults(results) {
  const previous = fs.existsSync(RESULTS_JSON) ? JSON.parse(fs.readFileSync(RESULTS_JSON, 'utf8')).results : [];
  const order = CORPUS.map((r) => r.id);
  const merged = [...previous.filter((p) => !results.some((r) => r.id === p.id)), ...results];
  return merged.sort((a, b) => order.indexOf(a.id) - order.indexOf(b.id));
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const harness = packHarness(repoRoot, { pack: options.pack, log });
  const tarball = copyTarball(harness);
  const logRoot = path.join(CACHE_ROOT, 'logs');
  const results = [];
  for (const id of options.repos) {
    const repo = CORPUS.find((r) => r.id === id);
    const base = { id: repo.id, slug: repo.slug, commit: repo.commit, nx: repo.nx, packageManager: repo.packageManager, layout: repo.layout };
    const mirror = findMirror(repo);
    if (!mirror) {
      const where = path.join(MIRROR_ROOT, repo.slug.replace('/', '+'), 'repo');
      const reason = `no git snapshot of ${repo.slug} holding commit ${repo.commit} at ${where}`;
      process.stdout.write(`\n!!! real-repos: ${repo.slug} NOT JUDGED: ${reason}. Get it with the fetch tool (github:${repo.slug}) or \`git clone --bare https://github.com/${repo.slug} ${where}\`, or point HARNESS_REAL_REPOS_MIRROR at a folder of <owner>+<repo>/repo git dirs.\n\n`);
      results.push({ ...base, notJudged: reason });
      continue;
    }
    try {
      results.push({ ...(await judgeRepo(repo, { mirror, tarball, runs: options.runs, logRoot, log, eslintOnInjections: !options.check })), harness: harness.sha });
    } catch (error) {
      log(`!!! ${repo.id}: ${error.stack ?? error}`);
      results.push({ ...base, error: error.message.split('\n')[0], problems: [], verdict: { green: false, reasons: ['the run stopped'] } });
    }
  }
  const data = { finishedAt: new Date().toISOString(), machine: describeMachine(), harness: { sha: harness.sha, builtAt: harness.builtAt }, results };
  if (options.check) {
    fs.mkdirSync(logRoot, { recursive: true });
    fs.writeFileSync(path.join(logRoot, 'check-results.json'), JSON.stringify(data, null, 2));
  } else {
    data.results = mergeResults(results);
    fs.writeFileSync(RESULTS_JSON, JSON.stringify(data, null, 2) + '\n');
    fs.writeFileSync(RESULTS_MD, renderRealRepos(data) + '\n');
    log(`wrote ${path.relative(repoRoot, RESULTS_MD)} and ${path.relative(repoRoot, RESULTS_JSON)}`);
  }
  let failed = false;
  for (const r of results) {
    if (r.notJudged) continue;
    const reasons = r.verdict?.reasons ?? [];
    log(`${r.id}: ${r.verdict?.green ? 'green' : `NOT GREEN: ${reasons.join('; ')}`}`);
    for (const p of r.problems ?? []) log(`  problem: ${p}`);
    if (!r.verdict?.green) failed = true;
  }
  if (options.check && failed) process.exit(1);
}

main().catch((error) => {
  process.stderr.write(`real-repos: ${error.message}\n`);
  process.exit(1);
});
