import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import type { DepConstraint } from '../core/dep-constraint';
import { fenceMermaid, renderLayersDiagram, renderModuleDiagram, type ModuleDiagramInput } from './render-mermaid';

const PARSE_HELPER = path.join(__dirname, '../testing/parse-mermaid.mjs');
const PARSE_TIMEOUT = 60_000;

/**
 * Parses each diagram with the real Mermaid, in one ESM process (see the helper for why), and
 * returns the parser's message for each, or null when it parses.
 */
function findParseErrors(diagrams: string[]): Array<string | null> {
  const result = spawnSync(process.execPath, [PARSE_HELPER, '--json'], { input: JSON.stringify(diagrams), encoding: 'utf8', timeout: PARSE_TIMEOUT });
  if (!result.stdout) throw new Error(`parse-mermaid.mjs printed nothing: ${result.stderr}`);
  return JSON.parse(result.stdout);
}

const CONSTRAINTS: DepConstraint[] = [
  { sourceTag: 'scope:billing', onlyDependOnLibsWithTags: ['scope:billing', 'scope:shared'] },
  { sourceTag: 'scope:shared', notDependOnLibsWithTags: ['scope:billing'] },
  { sourceTag: 'type:ui', onlyDependOnLibsWithTags: ['type:util'] },
];

function createInput(overrides: Partial<ModuleDiagramInput> = {}): ModuleDiagramInput {
  return {
    projects: [
      { name: 'shared', tags: ['scope:shared'] },
      { name: 'billing', tags: ['scope:billing', 'type:feature'] },
      { name: 'billing-ui', tags: ['scope:billing', 'type:ui'] },
      { name: 'tools', tags: [] },
    ],
    edges: [
      ['billing', 'shared'],
      ['billing-ui', 'billing'],
      ['shared', 'billing'],
      ['billing', 'npm:lodash'],
      ['billing', 'shared'],
    ],
    constraints: CONSTRAINTS,
    breaksConstraint: (from, to) => from === 'shared' && to === 'billing',
    ...overrides,
  };
}

const UNSAFE_NAMES = createInput({
  projects: [
    { name: 'end', tags: ['scope:a"b'] },
    { name: '@acme/x-y', tags: [] },
    { name: '@acme/x_y', tags: [] },
    { name: 'o', tags: [] },
  ],
  edges: [
    ['end', '@acme/x-y'],
    ['o', 'end'],
    ['@acme/x_y', '@acme/x-y'],
  ],
  constraints: [],
  breaksConstraint: () => true,
});

describe('renderModuleDiagram', () => {
  it('groups modules by scope, draws graph edges, marks broken edges and the allowed directions', () => {
    expect(renderModuleDiagram(createInput())).toBe(
      [
        'flowchart LR',
        '  subgraph s_scope_billing["scope:billing"]',
        '    p_billing["billing"]',
        '    p_billing_ui["billing-ui"]',
        '  end',
        '  subgraph s_scope_shared["scope:shared"]',
        '    p_shared["shared"]',
        '  end',
        '  subgraph s_other["other"]',
        '    p_tools["tools"]',
        '  end',
        '  p_billing --> p_shared',
        '  p_billing_ui --> p_billing',
        '  p_shared ==>|violates| p_billing',
        '  s_scope_billing -.->|may use| s_scope_shared',
        '  s_scope_shared -.-x|must not use| s_scope_billing',
        '  linkStyle 2 stroke:#d32f2f,stroke-width:3px',
      ].join('\n'),
    );
  });

  it('gives names Mermaid cannot take as ids safe, distinct ids and escaped labels', () => {
    const diagram = renderModuleDiagram(UNSAFE_NAMES);
    expect(diagram).toContain('subgraph s_scope_a_b["scope:a#quot;b"]');
    expect(diagram).toContain('p__acme_x_y["@acme/x-y"]');
    expect(diagram).toContain('p__acme_x_y_2["@acme/x_y"]');
    expect(diagram).toContain('p_end["end"]');
    expect(diagram).toContain('linkStyle 0,1,2 ');
  });

  it('says so when there are no modules', () => {
    expect(renderModuleDiagram(createInput({ projects: [], edges: [] }))).toBe('flowchart LR\n  empty["No modules yet"]');
  });
});

describe('renderLayersDiagram', () => {
  it('draws the layers top first, each pointing at the one below it may import', () => {
    expect(renderLayersDiagram(['types', 'service', 'ui'])).toBe(
      ['flowchart TD', '  l_ui["ui"]', '  l_service["service"]', '  l_types["types"]', '  l_ui --> l_service', '  l_service --> l_types'].join('\n'),
    );
  });

  it('draws nothing for a module without layers', () => {
    expect(renderLayersDiagram([])).toBeUndefined();
  });
});

describe('fenceMermaid', () => {
  it('wraps a diagram in a mermaid code fence', () => {
    expect(fenceMermaid('flowchart TD')).toBe('```mermaid\nflowchart TD\n```');
  });
});

describe('every diagram parses with Mermaid, so it renders', () => {
  const diagrams: Record<string, string> = {
    'modules, edges, broken edges and directions': renderModuleDiagram(createInput()),
    'unsafe names': renderModuleDiagram(UNSAFE_NAMES),
    'no modules': renderModuleDiagram(createInput({ projects: [], edges: [] })),
    'default layers': renderLayersDiagram(['types', 'config', 'repo', 'service', 'runtime', 'ui']) ?? '',
    'one layer': renderLayersDiagram(['core']) ?? '',
    'broken on purpose': 'flowchart LR\n  a --> \n  subgraph\n',
    'linkStyle past the last edge': 'flowchart LR\n  a --> b\n  linkStyle 1 stroke:red\n',
  };
  let errors: Record<string, string | null> = {};

  beforeAll(() => {
    const names = Object.keys(diagrams);
    const found = findParseErrors(names.map((n) => diagrams[n]));
    errors = Object.fromEntries(names.map((n, i) => [n, found[i]]));
  }, PARSE_TIMEOUT);

  it.each(['modules, edges, broken edges and directions', 'unsafe names', 'no modules', 'default layers', 'one layer'])('parses the %s diagram', (name) => {
    expect(errors[name]).toBeNull();
  });

  // The negative cases prove the check can fail.
  it('rejects a broken diagram with the parser message', () => {
    expect(errors['broken on purpose']).toMatch(/Parse error/);
  });

  it('rejects a linkStyle index past the last edge', () => {
    expect(errors['linkStyle past the last edge']).toEqual(expect.any(String));
  });

  it('exits 1 on a diagram that does not parse, in single-diagram mode', () => {
    const result = spawnSync(process.execPath, [PARSE_HELPER], { input: 'flowchart LR\n  a --> \n', encoding: 'utf8', timeout: PARSE_TIMEOUT });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/Parse error/);
  }, PARSE_TIMEOUT);
});
