import type { Finding } from '../core/finding';
import { compareWithBaseline, createBaselineEntries, parseBaseline, updateBaseline } from './baseline';

const finding = (over: Partial<Finding> = {}): Finding => ({
  rule: 'naming',
  kind: 'naming/identifier-style',
  severity: 'error',
  title: 'Naming convention violation',
  project: 'billing',
  file: 'modules/billing/src/a.ts',
  line: 3,
  column: 1,
  found: 'badName',
  expected: 'snake_case function names',
  fix: 'Rename to `bad_name`',
  reference: 'x',
  ...over,
}) as Finding;

describe('baseline', () => {
  it('keeps a known finding known after its line moves, and reports a new one', () => {
    const baseline = updateBaseline(undefined, [finding()], ['billing']);
    const result = compareWithBaseline([finding({ line: 40 }), finding({ found: 'otherName' })], baseline, ['billing']);
    expect(result.knownCount).toBe(1);
    expect(result.fresh.map((f) => f.found)).toEqual(['otherName']);
    expect(result.fixed).toEqual([]);
  });

  it('counts duplicates: a second identical finding is new', () => {
    const baseline = updateBaseline(undefined, [finding()], ['billing']);
    expect(compareWithBaseline([finding(), finding({ line: 9 })], baseline, ['billing']).fresh).toHaveLength(1);
  });

  it('lists fixed entries of the checked projects only', () => {
    const baseline = updateBaseline(undefined, [finding(), finding({ project: 'auth', file: 'modules/auth/a.ts' })], ['billing', 'auth']);
    const result = compareWithBaseline([], baseline, ['billing']);
    expect(result.fixed.map((e) => e.project)).toEqual(['billing']);
  });

  it('replaces only the checked projects when updating', () => {
    const first = updateBaseline(undefined, [finding(), finding({ project: 'auth', file: 'modules/auth/a.ts' })], ['billing', 'auth']);
    const second = updateBaseline(first, [], ['billing']);
    expect(second.entries.map((e) => e.project)).toEqual(['auth']);
    expect(createBaselineEntries([finding(), finding()])[0].count).toBe(2);
  });

  it('refuses a broken file by name', () => {
    expect(() => parseBaseline('harness-baseline.json', '{')).toThrow('harness-baseline.json is not valid JSON');
    expect(() => parseBaseline('harness-baseline.json', '{"entries": [{}]}')).toThrow('is not a harness baseline');
  });
});
