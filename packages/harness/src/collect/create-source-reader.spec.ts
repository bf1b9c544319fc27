import * as fs from 'node:fs';
import * as path from 'node:path';
import { createSourceReader } from './create-source-reader';
import { openFactsCache } from './facts-cache';
import { createTempFolder } from '../testing/temp-folders';

describe('createSourceReader', () => {
  const root = createTempFolder('harness-sources-');
  const write = (file: string, data: string | Buffer) => {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), data);
  };
  write('ok.ts', "import { a } from './a';\nexport const b = a;\n");
  write('binary.ts', Buffer.from([0x69, 0x6d, 0x00, 0x01, 0x02]));
  write('latin1.ts', Buffer.from([0x63, 0x6f, 0x6e, 0x73, 0x74, 0x20, 0xe9, 0x3d, 0x31, 0x3b]));
  write('huge.ts', 'export const x = 1;\n'.repeat(300_000));
  write('minified.js', 'var a=1;'.repeat(50_000) + "require('lodash');");
  fs.symlinkSync(path.join(root, 'loop-b.ts'), path.join(root, 'loop-a.ts'));
  fs.symlinkSync(path.join(root, 'loop-a.ts'), path.join(root, 'loop-b.ts'));
  const reader = createSourceReader(root);

  it('parses a normal file once and caches it', () => {
    const first = reader.readSource('ok.ts');
    expect(first.imports.map((i) => i.specifier)).toEqual(['./a']);
    expect(reader.readSource('ok.ts')).toBe(first);
    expect(reader.isParsed('ok.ts')).toBe(true);
  });

  it.each([
    ['binary.ts', 'binary'],
    ['latin1.ts', 'not UTF-8'],
    ['huge.ts', 'larger than 4 MB'],
    ['loop-a.ts', 'unreadable (ELOOP)'],
    ['missing.ts', 'unreadable (ENOENT)'],
    ['../outside.ts', 'outside the workspace'],
  ])('skips %s without throwing (%s)', (file, reason) => {
    const facts = reader.readSource(file);
    expect(facts.skipped).toBe(reason);
    expect(facts.imports).toEqual([]);
  });

  it('parses a minified file on one long line', () => {
    const facts = reader.readSource('minified.js');
    expect(facts.parseError).toBeUndefined();
    expect(facts.imports.map((i) => i.specifier)).toEqual(['lodash']);
  });

  describe('with stored facts', () => {
    const storeDir = createTempFolder('harness-stored-');
    const locate = (file: string) => (file === 'missing.ts' || file === 'ok.ts' ? { project: 'p', hash: `hash-of-${file}` } : undefined);

    it('parses once, stores the facts, and a later run reads them instead of parsing', () => {
      const first = createSourceReader(root, { cache: openFactsCache(storeDir, 'parser'), locate });
      const parsed = first.readSource('ok.ts');
      first.persist(new Set(['ok.ts']));
      // the file changes on disk, but its recorded hash does not: the stored facts are the ones returned
      const later = createSourceReader(root, { cache: openFactsCache(storeDir, 'parser'), locate });
      write('ok.ts', 'export const changed = 1;\n');
      expect(later.readSource('ok.ts')).toEqual(parsed);
      expect(later.isParsed('ok.ts')).toBe(true);
      write('ok.ts', "import { a } from './a';\nexport const b = a;\n");
    });

    it('never stores an unreadable file, which may be readable next time', () => {
      const reader = createSourceReader(root, { cache: openFactsCache(storeDir, 'parser'), locate });
      expect(reader.readSource('missing.ts').skipped).toBe('unreadable (ENOENT)');
      reader.persist(new Set(['missing.ts']));
      write('missing.ts', 'export const now = 1;\n');
      const later = createSourceReader(root, { cache: openFactsCache(storeDir, 'parser'), locate });
      expect(later.readSource('missing.ts').declarations.map((d) => d.name)).toEqual(['now']);
      fs.rmSync(path.join(root, 'missing.ts'));
    });
  });
});
