/**
 * `--fix` keys on each finding's kind and data, never on its English. This spec runs the whole
 * fix suite (fix-findings.spec.ts and fix-findings-safety.spec.ts) again with every finding's
 * title, Found, Expected and Fix text replaced by nonsense on its way into fixFindings: every
 * change, every skip reason and every file written must come out exactly as with the real text,
 * or the suite's own assertions fail.
 */
import { readdirSync } from 'node:fs';
import type { Finding } from '../core/finding';
import type { FixInput, FixResult } from './types';

const reworded: Finding[] = [];

/** The finding with every sentence a person reads replaced; kind, data and position stay. */
function rewordFinding(finding: Finding): Finding {
  const n = reworded.length;
  const copy = { ...finding, title: `Zorp ${n}`, found: `qux-${n}`, expected: `blarg ${n}`, fix: `Frobnicate the wibble ${n}` };
  reworded.push(copy);
  return copy;
}

jest.mock('./fix-findings', () => {
  const actual = jest.requireActual<typeof import('./fix-findings')>('./fix-findings');
  return {
    ...actual,
    async fixFindings(input: FixInput): Promise<FixResult> {
      const originals = new Map<Finding, Finding>();
      const findings = input.findings.map((finding) => {
        const copy = rewordFinding(finding);
        originals.set(copy, finding);
        return copy;
      });
      const result = await actual.fixFindings({ ...input, findings });
      // Skipped findings are handed back as the caller passed them, so the suite can compare them.
      return { ...result, skipped: result.skipped.map((s) => ({ ...s, finding: originals.get(s.finding) ?? s.finding })) };
    },
  };
});

// Registers every test of the fix suite in this file, where fixFindings is the rewording one
// (testing/fix-findings-fixture.ts calls it through the mocked module too). The suite's files are
// listed from the folder, so a part split off later is re-run without anyone remembering to add it.
const SUITE_FILES = readdirSync(__dirname).filter((file) => /^fix-findings(-[a-z-]+)?\.spec\.ts$/.test(file));
for (const file of SUITE_FILES) require(`./${file}`);

describe('fixFindings with reworded findings', () => {
  it('ran the suite on reworded findings of every fixable kind', () => {
    expect(SUITE_FILES).toEqual(expect.arrayContaining(['fix-findings.spec.ts', 'fix-findings-safety.spec.ts']));
    const kinds = new Set(reworded.map((f) => f.kind));
    for (const kind of ['naming/identifier-style', 'naming/file-style', 'docs/missing-section', 'docs/missing-document', 'tests/no-tests'] as const) {
      expect(kinds).toContain(kind);
    }
    expect(reworded.every((f) => f.title.startsWith('Zorp ') && f.fix.startsWith('Frobnicate '))).toBe(true);
  });
});
