import { parseSource } from './parse-source';

describe('parseSource', () => {
  it('collects imports of every form with the line of the statement', () => {
    const facts = parseSource(
      'a.ts',
      [
        "import { a } from '@org/a';",
        "import type { B } from '@org/b';",
        "export * from './c';",
        "const d = require('d');",
        "async function load() { return import('e'); }",
      ].join('\n'),
    );
    expect(facts.imports.map((i) => [i.specifier, i.line, i.typeOnly])).toEqual([
      ['@org/a', 1, false],
      ['@org/b', 2, true],
      ['./c', 3, false],
      ['d', 4, false],
      ['e', 5, false],
    ]);
  });

  it('records how each import is loaded: static, dynamic or type', () => {
    const facts = parseSource(
      'k.ts',
      [
        "import { a } from 's1';",
        "import type { B } from 't1';",
        "import { type C, type D } from 't2';",
        "import { type E, f } from 's2';",
        "export type { G } from 't3';",
        "export { type H } from 't4';",
        "export * from 's3';",
        "import 's4';",
        "const r = require('s5');",
        "const lazy = () => import('d1');",
        "let q: import('t5').Q;",
      ].join('\n'),
    );
    expect(facts.imports.map((i) => [i.specifier, i.kind])).toEqual([
      ['s1', 'static'],
      ['t1', 'type'],
      ['t2', 'type'],
      ['s2', 'static'],
      ['t3', 'type'],
      ['t4', 'type'],
      ['s3', 'static'],
      ['s4', 'static'],
      ['s5', 'static'],
      ['d1', 'dynamic'],
      ['t5', 'type'],
    ]);
    // ESLint's reading of type-only stays the keyword on the statement, for the lazy-load check.
    expect(facts.imports.filter((i) => i.typeOnly).map((i) => i.specifier)).toEqual(['t1', 't3', 't5']);
  });

  it('classifies declarations by kind and export', () => {
    const facts = parseSource(
      'b.ts',
      [
        'export function processInvoice() { function inner_helper() {} }',
        'const MAX_ITEMS = 10;',
        'let counter = 0;',
        'export const handler = () => 1;',
        'export class Invoice {}',
        'interface Shape {}',
        'export type Id = string;',
      ].join('\n'),
    );
    expect(facts.declarations.map((d) => [d.name, d.kind, d.exported, d.line])).toEqual([
      ['processInvoice', 'function', true, 1],
      ['inner_helper', 'function', false, 1],
      ['MAX_ITEMS', 'constant', false, 2],
      ['counter', 'variable', false, 3],
      ['handler', 'function', true, 4],
      ['Invoice', 'class', true, 5],
      ['Shape', 'interface', false, 6],
      ['Id', 'type', true, 7],
    ]);
  });

  it('reports a syntax error with its line and keeps going', () => {
    const facts = parseSource('c.ts', "import { a } from 'a';\nexport function (\n");
    expect(facts.parseError?.line).toBe(2);
    expect(facts.imports).toHaveLength(1);
  });

  it('treats a binding imported twice as unparsable, as SWC does', () => {
    const facts = parseSource('d.ts', "import { a } from 'a';\nimport { a } from 'b';\n");
    expect(facts.parseError?.message).toContain("'a' is imported twice");
    expect(facts.parseError?.line).toBe(2);
  });

  it('finds console calls', () => {
    const facts = parseSource('e.ts', "export function f() {\n  console.log('x');\n}\n");
    expect(facts.consoleCalls).toEqual([{ method: 'log', line: 2, column: 3 }]);
    expect(facts.lineCount).toBe(3);
  });
});
