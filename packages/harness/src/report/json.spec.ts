import * as fs from 'node:fs';
import * as path from 'node:path';
import { makeFinding, SUMMARY } from './__fixtures__/make-finding';
import { formatJson, JSON_FINDING_KEYS, toJsonFinding } from './json';

describe('formatJson', () => {
  it('writes one object per finding with exactly the contract keys, in sorted order', () => {
    const second = makeFinding({ file: 'modules/z.ts', severity: 'warn' });
    const first = makeFinding({ file: 'modules/a.ts' });
    const { output, exitCode } = formatJson([second, { ...first, extra: 'x' } as never], SUMMARY);
    const rows = JSON.parse(output) as Array<Record<string, unknown>>;
    expect(rows).toHaveLength(2);
    expect(Object.keys(rows[0])).toEqual([
      'rule', 'severity', 'project', 'file', 'line', 'column', 'found', 'expected', 'fix', 'reference', 'title', 'kind', 'data', 'fixable',
    ]);
    expect(JSON_FINDING_KEYS).toHaveLength(12);
    expect(rows[0]).toEqual({ ...first, fixable: true });
    expect(rows[1].file).toBe('modules/z.ts');
    expect(exitCode).toBe(1);
  });

  it('gives each finding its kind, its data and whether --fix can fix it', () => {
    const rename = makeFinding();
    const custom = makeFinding({ kind: 'naming/identifier-style', data: undefined, fix: 'Rename `processInvoice` so that it matches /^[a-z_]+$/', file: 'b.ts' });
    const cycle = makeFinding({ rule: 'circular', kind: 'circular/project-cycle', data: undefined, file: 'c.ts' });
    const section = makeFinding({ rule: 'docs', kind: 'docs/missing-section', data: { document: 'README.md', section: 'Purpose' }, file: 'd.md' });
    const rows = JSON.parse(formatJson([rename, custom, cycle, section], SUMMARY).output) as Array<Record<string, unknown>>;
    expect(rows.map(({ kind, data, fixable }) => ({ kind, data, fixable }))).toEqual([
      { kind: 'naming/identifier-style', data: undefined, fixable: false },
      { kind: 'circular/project-cycle', data: undefined, fixable: false },
      { kind: 'docs/missing-section', data: { document: 'README.md', section: 'Purpose' }, fixable: true },
      { kind: 'naming/identifier-style', data: { rename: { from: 'processInvoice', to: 'process_invoice' } }, fixable: true },
    ]);
    // A kind with no data has no data key at all, so `"data" in finding` means there is some.
    expect(Object.keys(rows[1])).not.toContain('data');
  });

  it('writes the seed finding as the README shows it', () => {
    const readme = fs.readFileSync(path.join(__dirname, '../../../../README.md'), 'utf8');
    const shown = /`--format=json` writes an array of findings[^\n]*\n\n```json\n([\s\S]*?)\n```/.exec(readme)?.[1];
    expect(JSON.parse(shown ?? 'null')).toEqual(toJsonFinding(makeFinding()));
  });

  it('pretty-prints with two spaces', () => {
    const { output } = formatJson([makeFinding()], SUMMARY);
    expect(output.split('\n')[1]).toBe('  {');
    expect(output.split('\n')[2]).toBe('    "rule": "naming",');
  });

  it('writes an empty array and exits 0 when there is no finding', () => {
    expect(formatJson([], SUMMARY)).toEqual({ output: '[]', exitCode: 0 });
  });

  it('exits 0 when every finding is a warning', () => {
    expect(formatJson([makeFinding({ severity: 'warn' })], SUMMARY).exitCode).toBe(0);
  });
});
