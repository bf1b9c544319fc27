import { makeFinding, SUMMARY } from './__fixtures__/make-finding';
import { formatJson, JSON_FINDING_KEYS } from './json';

describe('formatJson', () => {
  it('writes one object per finding with exactly the contract keys, in sorted order', () => {
    const second = makeFinding({ file: 'modules/z.ts', severity: 'warn' });
    const first = makeFinding({ file: 'modules/a.ts' });
    const { output, exitCode } = formatJson([second, { ...first, extra: 'x' } as never], SUMMARY);
    const rows = JSON.parse(output) as Array<Record<string, unknown>>;
    expect(rows).toHaveLength(2);
    expect(Object.keys(rows[0])).toEqual([
      'rule', 'severity', 'project', 'file', 'line', 'column', 'found', 'expected', 'fix', 'reference', 'title',
    ]);
    expect(JSON_FINDING_KEYS).toHaveLength(11);
    expect(rows[0]).toEqual({ ...first });
    expect(rows[1].file).toBe('modules/z.ts');
    expect(exitCode).toBe(1);
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
