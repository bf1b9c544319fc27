// RESULTS.md is written by three scripts (run.mjs, parser-compare.mjs, profile.mjs); each owns one
// marked section and leaves the others as they are.
import fs from 'node:fs';

const ORDER = ['bench', 'agent-loop', 'parser', 'profile', 'notes'];
const HEADER = '# harness benchmark results\n\nWritten by `npm run bench` (`benchmarks/run.mjs`), `benchmarks/parser-compare.mjs` and `benchmarks/profile.mjs`; each rewrites only its own section; the closing "Findings" section is written by hand and kept. How to rerun: see benchmarks/README.md.\n';

const start = (name) => `<!-- ${name}:start -->`;
const end = (name) => `<!-- ${name}:end -->`;

export function writeSection(file, name, body) {
  const text = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : HEADER;
  const sections = {};
  for (const n of ORDER) {
    const from = text.indexOf(start(n));
    const to = text.indexOf(end(n));
    if (from >= 0 && to > from) sections[n] = text.slice(from + start(n).length, to).trim();
  }
  sections[name] = body.trim();
  const parts = [HEADER];
  for (const n of ORDER) if (sections[n]) parts.push(`${start(n)}\n${sections[n]}\n${end(n)}\n`);
  fs.writeFileSync(file, parts.join('\n'));
}

export const fmtSeconds = (ms) => (ms == null ? '–' : (ms / 1000).toFixed(ms < 10000 ? 2 : 1));
export const fmtMb = (kb) => (kb == null ? '–' : `${Math.round(kb / 1024)} MB`);
export const fmtRatio = (x) => (x == null || !Number.isFinite(x) ? '–' : `${x >= 10 ? x.toFixed(1) : x.toFixed(2)}×`);
