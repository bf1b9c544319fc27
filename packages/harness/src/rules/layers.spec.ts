import { createTestCheckContext, createTestRuleContext } from '../testing/create-test-context';
import type { Layer } from '../config/types';
import { checkLayers, findLayerIndex, layersRule } from './layers';

const LAYERS = ['types', 'config', 'repo', 'service', 'runtime', 'ui'];

function runRule(files: Record<string, string>, layers: Layer[] = LAYERS, options: Record<string, unknown> = {}) {
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
  return checkLayers(createTestRuleContext(check, 'billing', { conventions: { layers }, setting: { severity: 'error', options } }));
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
        kind: 'layers/upward-import',
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

describe('layers rule with peer groups', () => {
  const GROUPED: Layer[] = ['types', ['repo', 'config'], 'service', ['runtime', 'ui']];

  it('lets a peer import the earlier layers and its own folder', () => {
    const files = {
      'modules/billing/src/config/settings.ts': "import { Invoice } from '../types/invoice';\nimport { d } from './defaults';\n",
      'modules/billing/src/config/defaults.ts': 'export const d = 1;\n',
      'modules/billing/src/service/pay.ts': "import { r } from '../repo/invoice-repo';\nimport { s } from '../config/settings';\n",
    };
    expect(runRule(files, GROUPED)).toEqual([]);
  });

  it('reports a peer importing another folder of its group, with the exact message', () => {
    const files = { 'modules/billing/src/config/settings.ts': "import { r } from '../repo/invoice-repo';\n" };
    expect(runRule(files, GROUPED)).toEqual([
      {
        kind: 'layers/peer-import',
        title: 'Layer order violation',
        file: 'modules/billing/src/config/settings.ts',
        line: 1,
        column: 19,
        found: '../repo/invoice-repo',
        expected: 'config may import only types, config',
        fix:
          'Import only from types, config: config and repo are peers in one layer and never import each other; ' +
          'move the code this file needs from repo down into one of those layers, or invert the dependency through an interface in an earlier layer',
        reference: 'modules/billing/CONVENTIONS.md#layers',
      },
    ]);
  });

  it('reports a peer importing a later layer, naming every earlier folder as allowed', () => {
    const files = { 'modules/billing/src/repo/store.ts': "import { pay } from '../service/pay';\n", 'modules/billing/src/service/pay.ts': 'export const pay = 1;\n' };
    const [finding] = runRule(files, GROUPED);
    expect(finding.kind).toBe('layers/upward-import');
    expect(finding.expected).toBe('repo may import only types, repo');
    expect(finding.fix).toBe(
      'Import only from types, repo: move the code this file needs from service down into one of those layers, or invert the dependency through an interface in an earlier layer',
    );
  });

  it('lets a layer after a group import every folder of it', () => {
    const files = { 'modules/billing/src/ui/page.ts': "import { r } from '../repo/invoice-repo';\nimport { s } from '../service/pay';\nimport { c } from '../config/c';\n",
      'modules/billing/src/service/pay.ts': 'export const s = 1;\n', 'modules/billing/src/config/c.ts': 'export const c = 1;\n' };
    expect(runRule(files, GROUPED)).toEqual([]);
  });

  it('judges peers of the top group against each other', () => {
    const files = { 'modules/billing/src/runtime/start.ts': "import { view } from '../ui/invoice-view';\n" };
    expect(runRule(files, GROUPED).map((f) => f.expected)).toEqual(['runtime may import only types, repo, config, service, runtime']);
  });

  it('reads a group of one as its single folder', () => {
    const files = { 'modules/billing/src/types/money.ts': "import { r } from '../repo/invoice-repo';\n" };
    expect(runRule(files, [['types'], 'repo'])).toEqual(runRule(files, ['types', 'repo']));
    expect(runRule(files, [['types'], 'repo'])).toHaveLength(1);
  });
});

describe('layers rule and test files', () => {
  const files = {
    'modules/billing/src/types/invoice.spec.ts': "import { view } from '../ui/invoice-view';\n",
    'modules/billing/src/types/money.ts': "import { view } from '../ui/invoice-view';\n",
  };

  it('judges test files like any other file by default', () => {
    expect(runRule(files).map((f) => f.file)).toEqual(['modules/billing/src/types/invoice.spec.ts', 'modules/billing/src/types/money.ts']);
  });

  it('with ignoreTests, leaves test files free and still judges the code beside them', () => {
    expect(runRule(files, LAYERS, { ignoreTests: true }).map((f) => f.file)).toEqual(['modules/billing/src/types/money.ts']);
  });

  it('with ignoreTests, still reports code that imports a test-support layer listed last', () => {
    const withSupport = {
      'modules/billing/src/testing/make-invoice.ts': "import { Invoice } from '../types/invoice';\n",
      'modules/billing/src/types/invoice.spec.ts': "import { make } from '../testing/make-invoice';\n",
      'modules/billing/src/repo/store.ts': "import { make } from '../testing/make-invoice';\n",
    };
    expect(runRule(withSupport, [...LAYERS, 'testing'], { ignoreTests: true }).map((f) => `${f.file} ${f.found}`)).toEqual([
      'modules/billing/src/repo/store.ts ../testing/make-invoice',
    ]);
  });
});

describe('findLayerIndex', () => {
  it('takes the first folder under the source root', () => {
    expect(findLayerIndex(LAYERS, 'm/src', 'm/src/service/a/b.ts')).toBe(3);
    expect(findLayerIndex(LAYERS, 'm/src', 'm/src/index.ts')).toBe(-1);
    expect(findLayerIndex(LAYERS, 'm/src', 'm/tests/service/a.ts')).toBe(-1);
    expect(findLayerIndex(LAYERS, 'src', 'src/ui/a.ts')).toBe(5);
  });

  it('gives every folder of a peer group the group\'s index', () => {
    const grouped = ['core', ['rules', 'report'], 'check'];
    expect(findLayerIndex(grouped, 'src', 'src/report/text.ts')).toBe(1);
    expect(findLayerIndex(grouped, 'src', 'src/rules/a.ts')).toBe(1);
    expect(findLayerIndex(grouped, 'src', 'src/check/a.ts')).toBe(2);
    expect(findLayerIndex(grouped, 'src', 'src/testing/a.ts')).toBe(-1);
  });
});
