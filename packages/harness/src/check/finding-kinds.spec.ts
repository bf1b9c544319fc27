import * as fs from 'node:fs';
import * as path from 'node:path';
import { FINDING_KINDS } from '../core/finding-kinds';
import { RULE_IDS } from '../rules';
import { createTestCheckContext } from '../testing/create-test-context';
import { runCheck } from './run-check';

const SRC = path.join(__dirname, '..');

/** The text of every .ts file in the folders that make findings, split into shipped code and specs. */
function readSources(): { code: string[]; specs: string[] } {
  const code: string[] = [];
  const specs: string[] = [];
  for (const folder of ['rules', 'check']) {
    for (const name of fs.readdirSync(path.join(SRC, folder))) {
      if (!name.endsWith('.ts')) continue;
      (name.endsWith('.spec.ts') ? specs : code).push(fs.readFileSync(path.join(SRC, folder, name), 'utf8'));
    }
  }
  return { code, specs };
}

describe('finding kinds', () => {
  const { code, specs } = readSources();

  it('are listed once each, as <rule id>/<what is wrong> of a rule that exists, or internal/', () => {
    expect(new Set(FINDING_KINDS).size).toBe(FINDING_KINDS.length);
    for (const kind of FINDING_KINDS) {
      expect(kind).toMatch(/^[a-z]+(?:-[a-z]+)*\/[a-z]+(?:-[a-z]+)*$/);
      expect([...RULE_IDS, 'syntax', 'internal']).toContain(kind.split('/')[0]);
    }
  });

  // A kind no rule emits any more (a finding was removed) must leave the list with it.
  it.each(FINDING_KINDS)('%s is emitted by the code of a rule or of the check', (kind) => {
    expect(code.some((text) => text.includes(`'${kind}'`))).toBe(true);
  });

  // The rule specs assert the kind of the findings they produce; each kind is asserted somewhere.
  it.each(FINDING_KINDS)('%s is asserted by a rule or check spec', (kind) => {
    expect(specs.some((text) => text.includes(`'${kind}'`))).toBe(true);
  });

  it('name the rule that reported them, through the runner', async () => {
    const ctx = createTestCheckContext({
      projects: [{ name: 'a', root: 'modules/a' }],
      files: {
        'modules/a/src/index.ts': 'export function bad_name() {}\n',
        'modules/a/src/lib/broken.ts': 'export function (\n',
        'modules/a/src/lib/logs.ts': 'export function logIt() {\n  console.log(1);\n}\n',
      },
    });
    const { findings } = await runCheck(ctx, ['a']);
    expect(findings.map((f) => f.kind).sort()).toEqual([
      'coverage/missing-report',
      'docs/missing-document',
      'docs/missing-document',
      'naming/identifier-style',
      'no-console/console-call',
      'syntax/parse-error',
      'tests/no-tests',
    ]);
    // An internal failure names the rule that failed instead; every other kind starts with its rule.
    for (const finding of findings.filter((f) => !f.kind.startsWith('internal/'))) expect(finding.kind.startsWith(`${finding.rule}/`)).toBe(true);
  });
});
