// benchmarks/REAL-REPOS.md from the raw results: one summary row per repository, then per
// repository what differed from ESLint on the clean code and what each injected violation gave.

const seconds = (ms) => (ms == null ? '–' : `${(ms / 1000).toFixed(1)} s`);
const cell = (text) => String(text).replace(/\|/g, '\\|').replace(/\n/g, ' ');

function describeInit(r) {
  if (!r.init) return '–';
  const count = r.importedConstraints ?? 0;
  return `${count} constraint${count === 1 ? '' : 's'} imported${r.init.notes.length ? ` (${r.init.notes.length} note${r.init.notes.length === 1 ? '' : 's'})` : ''}`;
}

function describeClean(r) {
  if (!r.cleanDeps) return '–';
  const c = r.cleanCompare;
  const equal = c.onlyHarness.length === 0 && c.onlyEslint.length === 0;
  return `${r.cleanDeps.findings} / ${r.eslint.findings}${equal ? ', equal' : `, differ (${c.onlyHarness.length} files only harness, ${c.onlyEslint.length} only ESLint)`}`;
}

function describeInjected(r, key) {
  if (!r.injections?.length) return '–';
  if (r.injections.every((i) => i[key] === null)) return 'not run';
  return `${r.injections.filter((i) => i[key]).length} / ${r.injections.length}`;
}

function renderSummary(results) {
  const lines = [
    '| repository @ commit | Nx | package manager | layout | projects (with harness-check) | init | clean: dependency findings harness / ESLint | injected found: harness | injected found: ESLint | harness deps run | ESLint run | verdict |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|',
  ];
  for (const r of results) {
    if (r.notJudged) {
      lines.push(`| ${r.slug} @ ${r.commit.slice(0, 12)} | ${r.nx} | ${r.packageManager} | ${cell(r.layout)} | – | – | – | – | – | – | – | not judged: ${cell(r.notJudged)} |`);
      continue;
    }
    const pm = r.packageManager === r.upstreamPackageManager ? r.packageManager : `${r.packageManager} (repo: ${r.upstreamPackageManager})`;
    const projects = r.projects ? `${r.projects.total} (${r.projects.withCheck})` : '–';
    const verdict = r.error ? `error: ${cell(r.error)}` : r.verdict.green ? 'green' : `not green: ${cell(r.verdict.reasons.join('; '))}`;
    lines.push(`| ${r.slug} @ ${r.commit.slice(0, 12)} | ${r.nx} | ${pm} | ${cell(r.layout)}; ${cell(r.frameworks)} | ${projects} | ${describeInit(r)} | ${describeClean(r)} | ${describeInjected(r, 'harnessFound')} | ${describeInjected(r, 'eslintFound')} | ${seconds(r.timing?.harnessMedianMs)} | ${seconds(r.timing?.eslintMedianMs)} | ${verdict} |`);
  }
  return lines;
}

function renderRepo(r) {
  const lines = [`### ${r.slug}`, ''];
  if (r.notJudged) return [...lines, `Not judged: ${r.notJudged}`, ''];
  lines.push(`Commit ${r.commit}; ${r.eslintConfig}; install ${seconds(r.installMs)} with ${r.packageManager}${r.installReused ? ' (cached copy reused this run)' : ''}.`, '');
  const changes = [...(r.conversions ?? []), ...(r.setup ?? [])];
  if (changes.length) lines.push('Changes before install and init:', '', ...changes.map((c) => `- ${c}`), '');
  if (r.error) return [...lines, `Run stopped: ${r.error}`, ''];
  if (r.init?.notes.length) lines.push('`harness:init` said:', '', ...r.init.notes.map((n) => `- ${cell(n)}`), '');
  lines.push(`Clean code, every rule (the user's first \`nx run-many -t harness-check\`): exit ${r.cleanAll.exitCode}, ${r.cleanAll.findings} findings in ${seconds(r.cleanAll.wallMs)}${Object.keys(r.cleanAll.byTitle).length ? ` (${Object.entries(r.cleanAll.byTitle).map(([t, n]) => `${n} × ${t}`).join(', ')})` : ''}.`, '');
  const c = r.cleanCompare;
  lines.push(`Clean code, dependency rules (\`--rules=${['dependency-constraints', 'public-api', 'circular', 'layers'].join(',')}\`) against ESLint with only \`@nx/enforce-module-boundaries\` (${r.eslint.linted} files linted${r.eslint.fatal ? `, ${r.eslint.fatal} parse errors` : ''}):`, '');
  if (!c.onlyHarness.length && !c.onlyEslint.length) lines.push(`- same files flagged (${c.both.length})`);
  for (const file of c.onlyHarness) {
    const hits = r.cleanDetail.harness.filter((f) => f.file === file);
    const titles = [...new Set(hits.map((f) => `${f.title} (${f.project})`))];
    // a project without a lint target is never linted by the repo: ESLint cannot flag it here
    const unlinted = hits.some((f) => r.unlinted?.includes(f.project)) ? ' (project has no lint target: ESLint never sees it)' : '';
    lines.push(`- only harness: \`${file}\`: ${cell(titles.join('; '))}${unlinted}`);
  }
  for (const file of c.onlyEslint) {
    const messages = [...new Set(r.cleanDetail.eslint.filter((f) => f.file === file).map((f) => f.message.split('\n')[0]))];
    lines.push(`- only ESLint: \`${file}\`: ${cell(messages.join('; '))}`);
  }
  lines.push('');
  if (r.injections.length) {
    lines.push('| injected | file | harness | project blamed | ESLint |', '|---|---|---|---|---|');
    for (const i of r.injections) {
      const also = i.harnessOtherTitles?.length ? ` (also: ${i.harnessOtherTitles.join('; ')})` : '';
      const harness = i.harnessFound ? `found: ${i.harnessTitles.join('; ')}${also}` : `**missed**${i.harnessBroken ? ` (${i.harnessBroken})` : ''}${also}`;
      const blamed = i.harnessFound ? `${i.blamed.join(', ')}${i.wrongProject ? ` (**expected ${i.expectedProject}**)` : ''}` : '–';
      const eslint = i.eslintFound === null ? 'not run' : i.eslintFound ? `found: ${i.eslintMessages.join('; ')}` : 'missed';
      lines.push(`| ${cell(i.what)} | \`${i.file}\` | ${cell(harness)} | ${cell(blamed)} | ${cell(eslint)} |`);
    }
    lines.push('');
  }
  lines.push(`Times (${r.timing.runs} round${r.timing.runs === 1 ? '' : 's'}): harness dependency rules ${r.timing.harnessMs.map(seconds).join(', ')}; ESLint ${r.timing.eslintMs.map(seconds).join(', ')}.`, '');
  if (r.problems.length) lines.push('Problems:', '', ...r.problems.map((p) => `- ${cell(p)}`), '');
  return lines;
}

export function renderRealRepos(data) {
  return [
    '# Real repositories',
    '',
    '<!-- Written by `npm run real-repos` (benchmarks/real-repos.mjs); do not edit by hand. -->',
    '',
    `Run ${data.finishedAt} on ${data.machine.cores} cores (${data.machine.cpu}), Node ${data.machine.node}, plugin tarball ${data.harness.sha} (built ${data.harness.builtAt}).`,
    'Each repository is installed with its own package manager, the plugin tarball is added as `harness`, then `nx g harness:init` and `nx g harness:adopt` run with `--no-interactive`.',
    'Dependency findings are compared by file with ESLint running the repository\'s own config with every rule but `@nx/enforce-module-boundaries` switched off, on the folders of the projects the repository lints.',
    'Times are wall times of `nx run-many -t harness-check --rules=<dependency rules> --skip-nx-cache` and of that ESLint run, on a shared machine: read the ratios.',
    '',
    ...renderSummary(data.results),
    '',
    ...data.results.flatMap(renderRepo),
  ].join('\n');
}
