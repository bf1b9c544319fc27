#!/usr/bin/env node
// Compares TypeScript's `ts.createSourceFile` (setParentNodes true: what harness uses today) with
// `oxc-parser`'s `parseSync` on every .ts file of the 1,000-project synthetic workspace:
// throughput, time, peak heap and RSS, and whether both extract the same facts.
// Writes the "Parser" section of benchmarks/RESULTS.md and benchmarks/parser-results.json.
//
//   node benchmarks/parser-compare.mjs [--runs N] [--workspace DIR] [--projects N]
//
// The parsers are installed in a folder under os.tmpdir(), never in the repo. Each measurement runs
// in a fresh child process (`--child`), so one parser's heap does not weigh on the other's numbers.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { median } from './lib/measure.mjs';
import { writeSection } from './lib/results-file.mjs';
import { SYNTH_SCRIPT } from './lib/workspace.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const PARSERS_DIR = path.join(os.tmpdir(), 'harness-parser-compare');
const PARSER_VERSIONS = { typescript: '5.9.3', 'oxc-parser': '0.159.0' };

const argv = process.argv.slice(2);
const flag = (name, fallback) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : fallback;
};


function main() {
  const runs = Number(flag('--runs', 3));
  const projects = Number(flag('--projects', 1000));
  const workspace = path.resolve(flag('--workspace', ensureWorkspace(projects)));
  installParsers();
  const files = listSources(path.join(workspace, 'libs'));
  const listFile = path.join(os.tmpdir(), `harness-parser-files-${process.pid}.txt`);
  fs.writeFileSync(listFile, files.join('\n'));
  const bytes = files.reduce((sum, f) => sum + fs.statSync(f).size, 0);
  console.log(`parser-compare: ${files.length} files, ${(bytes / 1e6).toFixed(1)} MB from ${workspace}`);

  const modes = [
    { id: 'ts', label: 'TypeScript `createSourceFile` (setParentNodes) + walk for imports and declarations' },
    { id: 'ts-noparents', label: 'TypeScript `createSourceFile` (setParentNodes false) + the same walk' },
    { id: 'oxc-module', label: 'oxc-parser `parseSync`, imports from `result.module` only (no JS AST)' },
    { id: 'oxc-full', label: 'oxc-parser `parseSync` + `result.program` walk for imports and declarations' },
  ];
  const measured = Object.fromEntries(modes.map((m) => [m.id, { ...m, runs: [] }]));
  for (let r = 1; r <= runs; r++) {
    for (const mode of modes) {
      const result = runChildProcess(mode.id, listFile, 'measure');
      measured[mode.id].runs.push(result);
      console.log(`  run ${r}/${runs} ${mode.id.padEnd(13)} ${(result.parseMs / 1000).toFixed(2)} s  ${Math.round(result.files / (result.parseMs / 1000))} files/s  heap peak ${mb(result.peakHeap)}  rss ${mb(result.maxRssKb * 1024)}`);
    }
  }
  const correctness = compareFacts(listFile);
  fs.rmSync(listFile, { force: true });
  for (const m of Object.values(measured)) {
    m.medianMs = median(m.runs.map((r) => r.parseMs));
    m.filesPerSecond = files.length / (m.medianMs / 1000);
    m.mbPerSecond = bytes / 1e6 / (m.medianMs / 1000);
    m.peakHeap = Math.max(...m.runs.map((r) => r.peakHeap));
    m.maxRssKb = Math.max(...m.runs.map((r) => r.maxRssKb));
    m.readMs = median(m.runs.map((r) => r.readMs));
    m.loadMs = median(m.runs.map((r) => r.loadMs));
  }
  const results = { date: new Date().toISOString(), node: process.version, cpu: os.cpus()[0]?.model, versions: PARSER_VERSIONS, workspace, files: files.length, bytes, runs, modes: measured, correctness };
  fs.writeFileSync(path.join(here, 'parser-results.json'), JSON.stringify(results, null, 2) + '\n');
  writeSection(path.join(here, 'RESULTS.md'), 'parser', renderParserSection(results));
  console.log('parser-compare: wrote the Parser section of benchmarks/RESULTS.md and benchmarks/parser-results.json');
  if (correctness.importMismatches > 0) process.exitCode = 1;
}

/** The 1,000-project workspace of `npm run bench` when it is there; otherwise a sources-only copy. */
function ensureWorkspace(projects) {
  const fromBench = path.join(here, 'work', `ws-${projects}`);
  if (fs.existsSync(path.join(fromBench, 'violations.json'))) return fromBench;
  const own = path.join(here, 'work', `parser-ws-${projects}`);
  if (!fs.existsSync(path.join(own, 'violations.json'))) {
    execFileSync(process.execPath, [SYNTH_SCRIPT, own, '--projects', String(projects), '--files', '20', '--violations', '12', '--seed', '2024'], { stdio: 'inherit' });
  }
  return own;
}

function installParsers() {
  const pkgFile = path.join(PARSERS_DIR, 'package.json');
  const want = JSON.stringify({ name: 'harness-parser-compare', private: true, dependencies: PARSER_VERSIONS }, null, 2);
  if (fs.existsSync(pkgFile) && fs.readFileSync(pkgFile, 'utf8') === want && fs.existsSync(path.join(PARSERS_DIR, 'node_modules/oxc-parser'))) return;
  fs.mkdirSync(PARSERS_DIR, { recursive: true });
  fs.writeFileSync(pkgFile, want);
  console.log(`parser-compare: installing ${Object.entries(PARSER_VERSIONS).map(([k, v]) => `${k}@${v}`).join(', ')} in ${PARSERS_DIR}`);
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--no-package-lock'], { cwd: PARSERS_DIR, stdio: 'inherit' });
}

function listSources(dir) {
  const out = [];
  const walk = (d) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, e.name);
      if (e.isDirectory()) walk(full);
      else if (/\.tsx?$/.test(e.name)) out.push(full);
    }
  };
  walk(dir);
  return out.sort();
}

function runChildProcess(mode, listFile, task) {
  const child = spawnSync(process.execPath, ['--expose-gc', fileURLToPath(import.meta.url), '--child', mode, listFile, task], { encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 });
  if (child.status !== 0) throw new Error(`parser-compare: child "${mode} ${task}" failed: ${child.stderr}`);
  return JSON.parse(child.stdout);
}

/** Every file's imports by both parsers; declarations on every 20th file (the walk is the slow part). */
function compareFacts(listFile) {
  const ts = runChildProcess('ts', listFile, 'facts');
  const oxc = runChildProcess('oxc-full', listFile, 'facts');
  const oxcModule = runChildProcess('oxc-module', listFile, 'facts');
  let importMismatches = 0;
  let moduleMismatches = 0;
  let declarationMismatches = 0;
  let declarationFilesCompared = 0;
  const examples = [];
  for (let i = 0; i < ts.facts.length; i++) {
    const a = ts.facts[i];
    const b = oxc.facts[i];
    const c = oxcModule.facts[i];
    if (a.imports.join('|') !== b.imports.join('|')) {
      importMismatches++;
      if (examples.length < 5) examples.push({ file: a.file, ts: a.imports, oxc: b.imports });
    }
    if (a.imports.join('|') !== c.imports.join('|')) moduleMismatches++;
    if (i % 20 === 0) {
      declarationFilesCompared++;
      if (a.declarations.join('|') !== b.declarations.join('|')) {
        declarationMismatches++;
        if (examples.length < 5) examples.push({ file: a.file, ts: a.declarations, oxc: b.declarations });
      }
    }
  }
  const errors = { ts: ts.facts.filter((f) => f.errors > 0).length, oxc: oxc.facts.filter((f) => f.errors > 0).length };
  const importsSeen = ts.facts.reduce((n, f) => n + f.imports.length, 0);
  return { files: ts.facts.length, importsSeen, importMismatches, moduleMismatches, declarationFilesCompared, declarationMismatches, filesWithSyntaxErrors: errors, examples };
}

// ---------------------------------------------------------------------------------------------
// child side

function runChild(mode, listFile, task) {
  const requireFrom = createRequire(path.join(PARSERS_DIR, 'package.json'));
  const files = fs.readFileSync(listFile, 'utf8').split('\n').filter(Boolean);
  const t0 = performance.now();
  const texts = files.map((f) => fs.readFileSync(f, 'utf8'));
  const readMs = performance.now() - t0;
  const t1 = performance.now();
  const extract = loadExtractor(mode, requireFrom);
  const loadMs = performance.now() - t1;
  globalThis.gc?.();
  const baseHeap = process.memoryUsage().heapUsed;
  let peakHeap = baseHeap;
  const facts = [];
  const start = performance.now();
  for (let i = 0; i < files.length; i++) {
    const fact = extract(files[i], texts[i]);
    // harness keeps small facts per file, never the AST: do the same
    facts.push(task === 'facts' ? { file: path.basename(path.dirname(path.dirname(path.dirname(files[i])))) + '/' + path.basename(files[i]), ...fact } : fact.imports.length);
    if (i % 250 === 0) {
      const h = process.memoryUsage().heapUsed;
      if (h > peakHeap) peakHeap = h;
    }
  }
  const parseMs = performance.now() - start;
  const h = process.memoryUsage().heapUsed;
  if (h > peakHeap) peakHeap = h;
  const out = { mode, files: files.length, readMs, loadMs, parseMs, baseHeap, peakHeap, maxRssKb: process.resourceUsage().maxRSS };
  if (task === 'facts') out.facts = facts;
  process.stdout.write(JSON.stringify(out));
}

/** Returns `(file, text) => { imports: string[] (sorted, unique), declarations: string[], errors }`. */
function loadExtractor(mode, requireFrom) {
  if (mode === 'ts' || mode === 'ts-noparents') {
    const ts = requireFrom('typescript');
    const setParents = mode === 'ts';
    return (file, text) => {
      const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, setParents, ts.ScriptKind.TS);
      return tsFacts(ts, sf);
    };
  }
  const { parseSync } = requireFrom('oxc-parser');
  if (mode === 'oxc-module') {
    return (file, text) => {
      const result = parseSync(file, text, { lang: 'ts', sourceType: 'module' });
      return { imports: moduleImports(result.module), declarations: [], errors: result.errors.length };
    };
  }
  return (file, text) => {
    const result = parseSync(file, text, { lang: 'ts', sourceType: 'module' });
    return { ...estreeFacts(result.program), errors: result.errors.length };
  };
}

function uniqueSorted(list) {
  return [...new Set(list)].sort();
}

function tsFacts(ts, sf) {
  const imports = [];
  const declarations = [];
  const named = (kind, name) => {
    if (name && ts.isIdentifier(name)) declarations.push(`${kind}:${name.text}`);
  };
  const visit = (node) => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      imports.push(node.moduleSpecifier.text);
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && node.arguments[0] && ts.isStringLiteralLike(node.arguments[0])) {
      imports.push(node.arguments[0].text);
    } else if (ts.isFunctionDeclaration(node)) named('function', node.name);
    else if (ts.isClassDeclaration(node)) named('class', node.name);
    else if (ts.isVariableDeclaration(node)) named('variable', node.name);
    else if (ts.isInterfaceDeclaration(node)) named('interface', node.name);
    else if (ts.isTypeAliasDeclaration(node)) named('type', node.name);
    else if (ts.isEnumDeclaration(node)) named('enum', node.name);
    ts.forEachChild(node, visit);
  };
  for (const s of sf.statements) visit(s);
  return { imports: uniqueSorted(imports), declarations, errors: sf.parseDiagnostics?.length ?? 0 };
}

function moduleImports(mod) {
  const imports = [];
  for (const i of mod.staticImports) imports.push(i.moduleRequest.value);
  for (const e of mod.staticExports) for (const entry of e.entries) if (entry.moduleRequest) imports.push(entry.moduleRequest.value);
  return uniqueSorted(imports);
}

const DECLARATION_KINDS = {
  FunctionDeclaration: 'function',
  ClassDeclaration: 'class',
  VariableDeclarator: 'variable',
  TSInterfaceDeclaration: 'interface',
  TSTypeAliasDeclaration: 'type',
  TSEnumDeclaration: 'enum',
};

/** A plain walk over the ESTree (TS-ESTree) object graph; visits in source order like tsFacts. */
function estreeFacts(program) {
  const imports = [];
  const declarations = [];
  const visit = (node) => {
    if (!node || typeof node.type !== 'string') return;
    if ((node.type === 'ImportDeclaration' || node.type === 'ExportAllDeclaration' || node.type === 'ExportNamedDeclaration') && node.source) imports.push(node.source.value);
    else if (node.type === 'ImportExpression' && node.source?.type === 'Literal' && typeof node.source.value === 'string') imports.push(node.source.value);
    const kind = DECLARATION_KINDS[node.type];
    if (kind && node.id?.type === 'Identifier') declarations.push(`${kind}:${node.id.name}`);
    for (const key in node) {
      if (key === 'type' || key === 'start' || key === 'end' || key === 'range' || key === 'loc') continue;
      const value = node[key];
      if (Array.isArray(value)) for (const v of value) visit(v);
      else if (value && typeof value === 'object') visit(value);
    }
  };
  for (const s of program.body) visit(s);
  return { imports: uniqueSorted(imports), declarations };
}

// ---------------------------------------------------------------------------------------------

function mb(bytes) {
  return `${Math.round(bytes / 1024 / 1024)} MB`;
}

function renderParserSection(r) {
  const out = [];
  out.push('## Parser');
  out.push('');
  out.push(`\`node benchmarks/parser-compare.mjs\`, ${r.date.slice(0, 16).replace('T', ' ')} UTC: every .ts file of the ${path.basename(r.workspace)} workspace (${r.files} files, ${(r.bytes / 1e6).toFixed(1)} MB), read into memory first, then parsed one after another in a fresh process per measurement; median of ${r.runs} runs, taken in turn. Versions: ${Object.entries(r.versions).map(([k, v]) => `${k}@${v}`).join(', ')}; Node ${r.node}. Each file keeps only its facts (imports, declaration names), never its AST, as harness does. Peak heap is sampled every 250 files; RSS is the process maximum.`);
  out.push('');
  out.push('| parser, mode | median s | files/s | MB/s | peak heap | peak RSS | load s | ÷ TypeScript time |');
  out.push('|---|---:|---:|---:|---:|---:|---:|---:|');
  const base = r.modes.ts.medianMs;
  for (const m of Object.values(r.modes)) {
    out.push(`| ${m.label} | ${(m.medianMs / 1000).toFixed(2)} | ${Math.round(m.filesPerSecond).toLocaleString('en-US')} | ${m.mbPerSecond.toFixed(1)} | ${mb(m.peakHeap)} | ${mb(m.maxRssKb * 1024)} | ${(m.loadMs / 1000).toFixed(2)} | ${(m.medianMs / base).toFixed(2)}× |`);
  }
  const c = r.correctness;
  out.push('');
  out.push(`Correctness: import specifiers compared on all ${c.files} files (${c.importsSeen} imports by TypeScript): ${c.importMismatches} files differ between TypeScript and the oxc AST walk, ${c.moduleMismatches} between TypeScript and oxc's \`module\` record. Declaration names (function, class, variable, interface, type, enum) compared on every 20th file (${c.declarationFilesCompared} files): ${c.declarationMismatches} differ. Files with syntax errors: TypeScript ${c.filesWithSyntaxErrors.ts}, oxc ${c.filesWithSyntaxErrors.oxc}.`);
  if (c.examples.length) out.push(`First differences: ${c.examples.map((e) => `${e.file}: ts ${JSON.stringify(e.ts)} vs oxc ${JSON.stringify(e.oxc)}`).join('; ')}.`);
  out.push('');
  out.push('These synthetic files exercise plain imports, functions, classes and constants only; the parser choice also needs harness\'s own parse-source tests (type-only imports, `import x = require()`, `import type`, JSX, syntax errors with line numbers) to pass on the candidate.');
  return out.join('\n');
}

// last, so every constant above is initialised before either side runs
if (argv[0] === '--child') {
  runChild(argv[1], argv[2], argv[3]);
} else {
  main();
}
