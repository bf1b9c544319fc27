import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { SourceFacts } from '../core/source-facts';
import { describeParser, openFactsCache } from './facts-cache';

const factsOf = (file: string, name = 'a'): SourceFacts => ({
  file,
  lineCount: 1,
  imports: [],
  declarations: [{ name, kind: 'variable', line: 1, column: 14, exported: true }],
  consoleCalls: [],
});

describe('openFactsCache', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'harness-facts-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));
  const live = (...files: string[]) => new Set(files);

  it('gives back facts stored for the same hash in a later run, one file per project', () => {
    const first = openFactsCache(dir, 'p1');
    expect(first.get('billing', 'modules/billing/src/a.ts', 'h1')).toBeUndefined();
    first.set('billing', 'modules/billing/src/a.ts', 'h1', factsOf('modules/billing/src/a.ts'));
    first.set('@org/auth', 'modules/auth/src/b.ts', 'h2', factsOf('modules/auth/src/b.ts'));
    first.save(live('modules/billing/src/a.ts', 'modules/auth/src/b.ts'));
    expect(fs.readdirSync(dir).sort()).toEqual(['%40org%2Fauth.json', 'billing.json']);
    const second = openFactsCache(dir, 'p1');
    expect(second.get('billing', 'modules/billing/src/a.ts', 'h1')).toEqual(factsOf('modules/billing/src/a.ts'));
    expect(second.get('@org/auth', 'modules/auth/src/b.ts', 'h2')?.declarations[0].name).toBe('a');
  });

  it('misses when the content hash or the parser differs', () => {
    const first = openFactsCache(dir, 'p1');
    first.set('billing', 'a.ts', 'h1', factsOf('a.ts'));
    first.save(live('a.ts'));
    expect(openFactsCache(dir, 'p1').get('billing', 'a.ts', 'h2')).toBeUndefined();
    expect(openFactsCache(dir, 'p2').get('billing', 'a.ts', 'h1')).toBeUndefined();
  });

  it('drops files that are gone and writes nothing when nothing changed', () => {
    const first = openFactsCache(dir, 'p1');
    first.set('billing', 'a.ts', 'h1', factsOf('a.ts'));
    first.set('billing', 'gone.ts', 'h2', factsOf('gone.ts'));
    first.save(live('a.ts'));
    const second = openFactsCache(dir, 'p1');
    expect(second.get('billing', 'gone.ts', 'h2')).toBeUndefined();
    const file = path.join(dir, 'billing.json');
    fs.utimesSync(file, new Date(0), new Date(0));
    second.get('billing', 'a.ts', 'h1');
    second.save(live('a.ts'));
    expect(fs.statSync(file).mtimeMs).toBe(0);
  });

  it('treats a corrupt or foreign file as empty and replaces it', () => {
    fs.writeFileSync(path.join(dir, 'billing.json'), '{ not json');
    fs.writeFileSync(path.join(dir, 'auth.json'), '[1, 2]');
    const cache = openFactsCache(dir, 'p1');
    expect(cache.get('billing', 'a.ts', 'h1')).toBeUndefined();
    expect(cache.get('auth', 'b.ts', 'h1')).toBeUndefined();
    cache.set('billing', 'a.ts', 'h1', factsOf('a.ts'));
    cache.save(live('a.ts'));
    expect(openFactsCache(dir, 'p1').get('billing', 'a.ts', 'h1')).toBeDefined();
  });

  it('keeps working when the folder cannot be written', () => {
    const blocked = path.join(dir, 'a-file');
    fs.writeFileSync(blocked, '');
    const cache = openFactsCache(path.join(blocked, 'facts'), 'p1');
    cache.set('billing', 'a.ts', 'h1', factsOf('a.ts'));
    expect(() => cache.save(live('a.ts'))).not.toThrow();
  });
});

describe('describeParser', () => {
  it('changes with the parser code, the release and TypeScript', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'harness-parser-'));
    const file = path.join(dir, 'parse-source.js');
    fs.writeFileSync(file, 'one');
    const a = describeParser(file, '1.0.0', '5.9.3');
    expect(describeParser(file, '1.0.0', '5.9.3')).toBe(a);
    expect(describeParser(file, '1.0.1', '5.9.3')).not.toBe(a);
    expect(describeParser(file, '1.0.0', '5.8.0')).not.toBe(a);
    fs.writeFileSync(file, 'two');
    expect(describeParser(file, '1.0.0', '5.9.3')).not.toBe(a);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
