import { isStaticImportStatement } from './import-statement';

const ref = (line: number, specifier: string, typeOnly = false) => ({ line, column: 1, specifier, typeOnly, kind: typeOnly ? ('type' as const) : ('static' as const) });

describe('isStaticImportStatement', () => {
  it.each([
    ["import { a } from 'x';", 1, true],
    ["import 'x';", 1, true],
    ["import * as a from 'x';", 1, true],
    ['import {\n  a,\n  b,\n} from "x";', 1, true],
    ["export { a } from 'x';", 1, false],
    ["const a = import('x');", 1, false],
    ["const a = require('x');", 1, false],
    ["import type { A } from 'x';", 1, false],
    ["import a = require('x');", 1, false],
    ["import { y } from 'y'; const a = () => import('x');", 1, false],
  ])('%j is %s', (text, line, expected) => {
    expect(isStaticImportStatement(text, ref(line as number, 'x'))).toBe(expected);
  });

  it('never counts an import type', () => {
    expect(isStaticImportStatement("import { A } from 'x';", ref(1, 'x', true))).toBe(false);
  });
});
