import { createLazyRecord, defineLazyProperty } from './lazy-values';

describe('createLazyRecord', () => {
  it('computes each value on first read and behaves as a plain record', () => {
    let calls = 0;
    const record = createLazyRecord<string[]>((key) => (calls++, key.startsWith('a') ? [key] : undefined), () => ['a1', 'b1']);
    expect(record.a1).toEqual(['a1']);
    expect(record.a1).toBe(record.a1);
    expect(calls).toBe(1);
    expect(record.b1).toBeUndefined();
    expect('a2' in record).toBe(true);
    record.c = ['set'];
    delete record.a2;
    expect(Object.keys(record).sort()).toEqual(['a1', 'c']);
    expect({ ...record }).toEqual({ a1: ['a1'], c: ['set'] });
  });
});

describe('defineLazyProperty', () => {
  it('computes the value on first read only, then holds it as a plain property', () => {
    let calls = 0;
    const target: { files: string[]; name: string } = { files: [], name: 'cart' };
    defineLazyProperty(target, 'files', () => (calls++, ['a.ts']));
    expect(calls).toBe(0);
    expect(target.files).toEqual(['a.ts']);
    expect(target.files).toBe(target.files);
    expect(calls).toBe(1);
    expect(Object.getOwnPropertyDescriptor(target, 'files')).toMatchObject({ value: ['a.ts'], writable: true, enumerable: true });
    expect(JSON.parse(JSON.stringify(target))).toEqual({ files: ['a.ts'], name: 'cart' });
  });

  it('takes a write before any read without computing', () => {
    let calls = 0;
    const target: { files: string[] } = { files: [] };
    defineLazyProperty(target, 'files', () => (calls++, ['a.ts']));
    target.files = ['b.ts'];
    expect(target.files).toEqual(['b.ts']);
    expect({ ...target }).toEqual({ files: ['b.ts'] });
    expect(calls).toBe(0);
  });
});
