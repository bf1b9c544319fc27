import { createTestCheckContext, createTestRuleContext } from '../testing/create-test-context';
import { checkPublicApi, publicApiRule } from './public-api';
import type { CheckContext } from '../collect/types';

const INVOICE = 'modules/invoices/src/lib/invoice.ts';

function createCheck(invoice: string, adjust?: (check: CheckContext) => void): CheckContext {
  const check = createTestCheckContext({
    projects: [
      { name: 'invoices', root: 'modules/invoices', alias: '@org/invoices' },
      { name: 'billing', root: 'modules/billing', alias: '@org/billing' },
    ],
    files: {
      'modules/invoices/src/index.ts': "export * from './lib/invoice';\n",
      [INVOICE]: invoice,
      'modules/invoices/src/lib/money.ts': 'export const money = 1;\n',
      'modules/billing/src/index.ts': "export * from './lib/x';\n",
      'modules/billing/src/lib/x.ts': 'export const x = 1;\n',
    },
    externalPackages: ['lodash'],
  });
  adjust?.(check);
  return check;
}

function runRule(invoice: string, adjust?: (check: CheckContext) => void) {
  return checkPublicApi(createTestRuleContext(createCheck(invoice, adjust), 'invoices'));
}

const ENTRY_FIX =
  "Import from '@org/billing' (its entry point modules/billing/src/index.ts) instead; if the symbol is not exported there, export it from that entry point";

describe('public-api rule', () => {
  it('is registered under its stable id as an error', () => {
    expect(publicApiRule.id).toBe('public-api');
    expect(publicApiRule.defaultSeverity).toBe('error');
    expect(publicApiRule.check).toBe(checkPublicApi);
  });

  it('accepts imports through the entry point, within the project and of npm packages', () => {
    const source = "import { x } from '@org/billing';\nimport { money } from './money';\nimport _ from 'lodash';\n";
    expect(runRule(source)).toEqual([]);
  });

  it('reports a deep import with the exact message', () => {
    expect(runRule("import { x } from '@org/billing/src/lib/x';\n")).toEqual([
      {
        kind: 'public-api/deep-import',
        title: 'Deep import into another module',
        file: INVOICE,
        line: 1,
        column: 19,
        found: '@org/billing/src/lib/x',
        expected: 'billing is imported only through its entry point',
        fix: ENTRY_FIX,
        reference: 'ARCHITECTURE.md#dependency-rules',
      },
    ]);
  });

  it('reports a relative import that crosses a project root with the exact message', () => {
    expect(runRule("\nexport { x } from '../../../billing/src/lib/x';\n")).toEqual([
      {
        kind: 'public-api/relative-import',
        title: 'Relative import across a project root',
        file: INVOICE,
        line: 2,
        column: 19,
        found: '../../../billing/src/lib/x',
        expected: 'billing is imported only through its entry point, never by a relative path',
        fix: ENTRY_FIX,
        reference: 'ARCHITECTURE.md#dependency-rules',
      },
    ]);
  });

  it('reports deep requires and dynamic imports too', () => {
    const source = "const a = require('@org/billing/src/lib/x');\nconst b = import('@org/billing/src/lib/x');\n";
    expect(runRule(source).map((f) => f.line)).toEqual([1, 2]);
  });

  it('reports an import the Nx graph missed, with the exact message', () => {
    const findings = runRule("import { x } from '@org/billing';\n", (check) => {
      check.fileDeps[INVOICE] = [];
      dropProjectEdge(check);
    });
    expect(findings).toEqual([
      {
        kind: 'public-api/missing-graph-edge',
        title: 'Import missing from the Nx project graph',
        file: INVOICE,
        line: 1,
        column: 19,
        found: '@org/billing',
        expected:
          'every import of another workspace project is an edge of the Nx project graph (invoices -> billing)',
        fix: 'Declare the dependency in modules/invoices/package.json ("@org/billing": "*" under "dependencies") so Nx sees the edge',
        reference: 'ARCHITECTURE.md#dependency-rules',
      },
    ]);
  });

  it('trusts a project edge Nx has from elsewhere (package.json) when the file map holds no file imports', () => {
    const findings = runRule("import { x } from '@org/billing';\n", (check) => {
      check.fileDeps[INVOICE] = [];
    });
    expect(findings.map((f) => f.title)).not.toContain('Import missing from the Nx project graph');
  });

  it('names @nx/js as the fix when Nx analysed no imports at all', () => {
    const [finding] = runRule("import { x } from '@org/billing';\n", (check) => {
      check.fileDeps[INVOICE] = [];
      dropProjectEdge(check);
      check.importAnalysis = false;
    });
    expect(finding.fix).toBe(
      'Add "@nx/js" to devDependencies in the root package.json (at the version of "nx") and install it, so Nx analyses imports and sees this edge',
    );
  });

  it('skips the graph check when the file map has no entry for the file', () => {
    const findings = runRule("import { x } from '@org/billing';\n", (check) => {
      delete check.fileDeps[INVOICE];
    });
    expect(findings).toEqual([]);
  });

  it('reports both the deep import and the missing edge when both apply', () => {
    const findings = runRule("import { x } from '@org/billing/src/lib/x';\n", (check) => {
      check.fileDeps[INVOICE] = [];
      dropProjectEdge(check);
    });
    expect(findings.map((f) => f.title)).toEqual([
      'Deep import into another module',
      'Import missing from the Nx project graph',
    ]);
  });

  it('reads every source file of the project and only those', () => {
    const check = createCheck('export const y = 1;\n');
    const readSource = jest.fn(check.readSource);
    checkPublicApi({ ...createTestRuleContext(check, 'invoices'), readSource });
    expect(readSource.mock.calls.map(([file]) => file).sort()).toEqual([
      'modules/invoices/src/index.ts',
      INVOICE,
      'modules/invoices/src/lib/money.ts',
    ]);
  });
});

/** The invoices -> billing edge gone from the project graph, as for an undeclared workspace package. */
function dropProjectEdge(check: { graph: { dependencies: Record<string, Array<{ target: string }>> } }): void {
  check.graph.dependencies.invoices = (check.graph.dependencies.invoices ?? []).filter((dep) => dep.target !== 'billing');
}
