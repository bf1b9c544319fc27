// Reads what each tool reported into one shape: the set of workspace-relative files it flagged
// for a dependency constraint, plus whether the output shows the tool ran to its end.
import fs from 'node:fs';
import path from 'node:path';

const ESLINT_RULE = '@nx/enforce-module-boundaries';

/** ESLint's json formatter: files with a message from the module-boundaries rule. */
export function readEslintFindings(jsonFile, workspaceDir) {
  if (!fs.existsSync(jsonFile)) return { complete: false, files: [], note: 'no json report written' };
  let results;
  try {
    results = JSON.parse(fs.readFileSync(jsonFile, 'utf8'));
  } catch (error) {
    return { complete: false, files: [], note: `unreadable json report: ${error.message}` };
  }
  const files = new Set();
  const other = new Set();
  let fatal = 0;
  for (const result of results) {
    for (const message of result.messages) {
      if (message.fatal) fatal++;
      if (message.ruleId === ESLINT_RULE) files.add(path.relative(workspaceDir, result.filePath));
      else other.add(message.ruleId ?? 'parse error');
    }
  }
  const notes = [];
  if (fatal) notes.push(`${fatal} fatal parse errors`);
  if (other.size) notes.push(`other messages: ${[...other].join(', ')}`);
  return { complete: fatal === 0, files: [...files].sort(), linted: results.length, note: notes.join('; ') };
}

/** dependency-cruiser's json reporter: the `from` file of every error-severity violation. */
export function readCruiserFindings(jsonFile) {
  if (!fs.existsSync(jsonFile)) return { complete: false, files: [], note: 'no json report written' };
  let report;
  try {
    report = JSON.parse(fs.readFileSync(jsonFile, 'utf8'));
  } catch (error) {
    return { complete: false, files: [], note: `unreadable json report: ${error.message}` };
  }
  const violations = report.summary?.violations ?? [];
  const files = new Set(violations.filter((v) => v.rule?.severity === 'error').map((v) => v.from));
  const unresolved = (report.modules ?? []).flatMap((m) => m.dependencies.filter((d) => d.couldNotResolve && d.module.startsWith('@synth/')));
  const note = unresolved.length ? `${unresolved.length} @synth imports not resolved` : '';
  return { complete: !!report.summary, files: [...files].sort(), cruised: report.summary?.totalCruised, note };
}

/**
 * harness's text report, as Nx prints it per task: the `File:` line of each finding block, and the
 * per-project summary lines (`harness-check: ...`).
 */
export function readHarnessTerminal(stdoutFile, stderrFile) {
  const text = fs.readFileSync(stdoutFile, 'utf8') + '\n' + fs.readFileSync(stderrFile, 'utf8');
  const files = new Set();
  let findings = 0;
  for (const match of text.matchAll(/^\s*File: (\S+)\s*$/gm)) {
    files.add(match[1]);
    findings++;
  }
  const byRule = {};
  for (const match of text.matchAll(/^\s*(?:ERROR|WARN): (.+?)\s*$/gm)) byRule[match[1]] = (byRule[match[1]] ?? 0) + 1;
  const summaries = [...text.matchAll(/^\s*harness-check: (?:no findings|\d+ errors?)/gm)].length;
  const internal = /harness: internal error/.test(text);
  const configError = /^\s*harness: \S+:\d+: /m.test(text);
  // Nx's closing line: the run reached its end whether or not tasks failed
  const finished = /Successfully ran target harness-check|Running target harness-check for \d+ projects? failed/.test(text);
  const notes = [];
  if (internal) notes.push('internal error in the output');
  if (configError) notes.push('configuration error in the output');
  if (!finished) notes.push('Nx did not print its closing line');
  return { complete: !internal && !configError && finished, files: [...files].sort(), findings, summaries, byRule, note: notes.join('; ') };
}

/** Compares a found file set with violations.json; returns null when they agree. */
export function compareWithExpected(found, expected) {
  const want = new Set(expected.map((v) => v.file));
  const got = new Set(found);
  const missing = [...want].filter((f) => !got.has(f));
  const extra = [...got].filter((f) => !want.has(f));
  if (missing.length === 0 && extra.length === 0) return null;
  return { missing, extra };
}

