#!/usr/bin/env node
// Runs a repository's own ESLint setup with only `@nx/enforce-module-boundaries` switched on, and
// writes every message of that rule as json. Run with node inside the repository, so `eslint` and
// its plugins resolve from there, as `nx lint` would:
//   node real-repos-eslint.cjs <plan.json> prepare   (untimed: which rules to switch off)
//   node real-repos-eslint.cjs <plan.json> lint      (timed)
// plan.json: { workspace, out, rulesOff, groups: [{ cwd, patterns }] }. A group is the folder
// whose config ESLint would look up for those project folders.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { createRequire } = require('node:module');

const RULE = '@nx/enforce-module-boundaries';
const EXTENSIONS = ['.ts', '.tsx', '.js', '.jsx', '.mjs', '.cjs', '.mts', '.cts'];
const FLAT_FILES = ['eslint.config.js', 'eslint.config.mjs', 'eslint.config.cjs', 'eslint.config.ts', 'eslint.config.mts', 'eslint.config.cts'];

function loadEslint(workspace) {
  const req = createRequire(path.join(workspace, 'package.json'));
  return { api: req('eslint'), major: Number(req('eslint/package.json').version.split('.')[0]) };
}

/** Flat config when one is found from the group folder up to the workspace (as ESLint 9 looks). */
function usesFlatConfig(workspace, cwd, major) {
  if (process.env.ESLINT_USE_FLAT_CONFIG === 'false') return false;
  for (let dir = cwd; ; dir = path.dirname(dir)) {
    if (FLAT_FILES.some((f) => fs.existsSync(path.join(dir, f)))) return major >= 9 || process.env.ESLINT_USE_FLAT_CONFIG === 'true';
    if (dir === workspace || dir === path.dirname(dir)) return false;
  }
}

/** The source files under a folder, as the legacy file enumerator would find them by extension. */
function listSources(dir, out = []) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) listSources(file, out);
    else if (EXTENSIONS.includes(path.extname(entry.name))) out.push(file);
  }
  return out;
}

function createInstance({ api, major }, workspace, group, rulesOff) {
  if (usesFlatConfig(workspace, group.cwd, major)) {
    const ESLint = api.ESLint;
    if (major < 9) throw new Error('flat config under ESLint 8 is not supported by this runner');
    // ruleFilter: ESLint runs only the rules it lets through, so nothing else costs time
    return { flat: true, eslint: new ESLint({ cwd: group.cwd, ruleFilter: ({ ruleId }) => ruleId === RULE }) };
  }
  const ESLint = api.LegacyESLint ?? api.ESLint;
  const rules = Object.fromEntries((rulesOff ?? []).filter((r) => r !== RULE).map((r) => [r, 'off']));
  return { flat: false, eslint: new ESLint({ cwd: group.cwd, useEslintrc: true, overrideConfig: { rules } }) };
}

/** Legacy configs have no rule filter: collect every rule any linted file turns on, to turn off. */
async function prepare(plan, loaded) {
  const rules = new Set();
  let files = 0;
  for (const group of plan.groups) {
    const { flat, eslint } = createInstance(loaded, plan.workspace, group, []);
    if (flat) continue;
    for (const pattern of group.patterns) {
      const abs = path.resolve(group.cwd, pattern);
      for (const file of fs.statSync(abs).isDirectory() ? listSources(abs) : [abs]) {
        if (await eslint.isPathIgnored(file)) continue;
        const config = await eslint.calculateConfigForFile(file);
        for (const [id, setting] of Object.entries(config.rules ?? {})) {
          const level = Array.isArray(setting) ? setting[0] : setting;
          if (level !== 'off' && level !== 0) rules.add(id);
        }
        files++;
      }
    }
  }
  plan.rulesOff = [...rules].sort();
  fs.writeFileSync(plan.planFile, JSON.stringify(plan, null, 2));
  process.stdout.write(`prepared: ${files} files, ${rules.size} rules to switch off\n`);
}

async function lint(plan, loaded) {
  const results = [];
  for (const group of plan.groups) {
    const { eslint } = createInstance(loaded, plan.workspace, group, plan.rulesOff);
    const patterns = group.patterns.filter((p) => fs.existsSync(path.resolve(group.cwd, p)));
    for (const result of await eslint.lintFiles(patterns)) {
      results.push({
        file: path.relative(plan.workspace, result.filePath).split(path.sep).join('/'),
        messages: result.messages
          .filter((m) => m.ruleId === RULE || m.fatal)
          .map((m) => ({ rule: m.ruleId ?? 'parse error', line: m.line, message: m.message, fatal: !!m.fatal })),
        other: result.messages.filter((m) => m.ruleId && m.ruleId !== RULE).length,
      });
    }
  }
  fs.writeFileSync(plan.out, JSON.stringify({ linted: results.length, results: results.filter((r) => r.messages.length || r.other) }, null, 2));
  const flagged = results.filter((r) => r.messages.some((m) => m.rule === RULE)).length;
  process.stdout.write(`linted ${results.length} files; ${flagged} with a ${RULE} message\n`);
}

async function main() {
  const [planFile, mode] = process.argv.slice(2);
  const plan = { ...JSON.parse(fs.readFileSync(planFile, 'utf8')), planFile };
  const loaded = loadEslint(plan.workspace);
  if (mode === 'prepare') await prepare(plan, loaded);
  else await lint(plan, loaded);
}

main().catch((error) => {
  process.stderr.write(`real-repos-eslint: ${error.stack ?? error}\n`);
  process.exit(2);
});
