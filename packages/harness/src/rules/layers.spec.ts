import { createTestCheckContext, createTestRuleContext } from '../testing/create-test-context';
import { checkLayers, findLayerIndex, layersRule } from './layers';

const LAYERS = ['types', 'config', 'repo', 'service', 'runtime', 'ui'];

function runRule(files: Record<string, string>, layers = LAYERS) {
  const check = createTestCheckContext({
    projects: [
      { name: 'billing', root: 'modules/billing', alias: '@org/billing' },
      { name: 'auth', root: 'modules/auth', alias: '@org/auth' },
    ],
    files: {
      'modules/billing/src/types/invoice.ts': 'export interface Invoice { id: string }\n',
      'modules/billing/src/repo/invoice-repo.ts': "import type { Invoice } from '../types/invoice';\n",
      'modules/billing/src/ui/invoice-view.ts': 'export const view = 1;\n',
      'modules/billing/src/lib/helpers.ts': 'export const helper = 1;\n',
      'modules/auth/src/ui/login.ts': 'export const login = 1;\n',
      ...files,
    },
  });
  return checkLayers(createTestRuleContext(check, 'billing', { conventions: { layers } }));
}

describe('layers rule', () => {
  it('is registered under its stable id as an error', () => {
    expect(layersRule.id).toBe('layers');
    expect(layersRule.defaultSeverity).toBe('error');
    expect(layersRule.check).toBe(checkLayers);
  });

  it('reports an import of a later layer with the exact message', () => {
    const files = { 'modules/billing/src/service/pay.ts': "import { Invoice } from '../types/invoice';\nimport { view } from '../ui/invoice-view';\n" };
    expect(runRule(files)).toEqual([
      {
        title: 'Layer order violation',
        file: 'modules/billing/src/service/pay.ts',
        line: 2,
        column: 22,
        found: '../ui/invoice-view',
        expected: 'service may import only types, config, repo, service',
        fix:
          'Import only from types, config, repo, service: move the code this file needs from ui down into one of those layers, ' +
          'or invert the dependency through an interface in an earlier layer',
        reference: 'modules/billing/CONVENTIONS.md#layers',
      },
    ]);
  });

  it('allows the same layer and earlier layers', () => {
    const files = {
      'modules/billing/src/service/pay.ts':
        "import { Invoice } from '../types/invoice';\nimport { r } from '../repo/invoice-repo';\nimport { q } from './quote';\n",
      'modules/billing/src/service/quote.ts': 'export const q = 1;\n',
    };
    expect(runRule(files)).toEqual([]);
  });

  it('lets the first layer import only itself', () => {
    const files = { 'modules/billing/src/types/money.ts': "import { r } from '../repo/invoice-repo';\n" };
    expect(runRule(files).map((f) => f.expected)).toEqual(['types may import only types']);
  });

  it('catches an import through the project alias that lands in a later layer', () => {
    const files = { 'modules/billing/src/repo/store.ts': "import { view } from '@org/billing/src/ui/invoice-view';\n" };
    expect(runRule(files).map((f) => f.found)).toEqual(['@org/billing/src/ui/invoice-view']);
  });

  it('leaves files outside the layer folders unconstrained, both ways', () => {
    const files = {
      'modules/billing/src/lib/uses-ui.ts': "import { view } from '../ui/invoice-view';\n",
      'modules/billing/src/types/uses-lib.ts': "import { helper } from '../lib/helpers';\n",
      'modules/billing/src/index.ts': "export * from './ui/invoice-view';\n",
    };
    expect(runRule(files)).toEqual([]);
  });

  it('ignores imports of other projects, whatever their folders', () => {
    const files = { 'modules/billing/src/types/t.ts': "import { login } from '@org/auth/src/ui/login';\n" };
    expect(runRule(files)).toEqual([]);
  });

  it('reports nothing without layers', () => {
    const files = { 'modules/billing/src/types/money.ts': "import { view } from '../ui/invoice-view';\n" };
    expect(runRule(files, [])).toEqual([]);
    expect(runRule(files)).toHaveLength(1);
  });
});

describe('findLayerIndex', () => {
  it('takes the first folder under the source root', () => {
    expect(findLayerIndex(LAYERS, 'm/src', 'm/src/service/a/b.ts')).toBe(3);
    expect(findLayerIndex(LAYERS, 'm/src', 'm/src/index.ts')).toBe(-1);
    expect(findLayerIndex(LAYERS, 'm/src', 'm/tests/service/a.ts')).toBe(-1);
    expect(findLayerIndex(LAYERS, 'src', 'src/ui/a.ts')).toBe(5);
  });
});
