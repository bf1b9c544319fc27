import { createTreeWithEmptyWorkspace } from '@nx/devkit/testing';
import type { DepConstraint } from '../core/dep-constraint';
import { checkDependencyConstraints } from '../rules/dependency-constraints';
import { createTestCheckContext, createTestRuleContext } from '../testing/create-test-context';
import { writeArchitecture } from './write-root-docs';

/** Three modules, `a` imports `b` and `b` imports `c`; each case sets the tags and the constraints. */
interface Case {
  tags: Record<'a' | 'b' | 'c', string[]>;
  constraints: DepConstraint[];
}

const NAMES = ['a', 'b', 'c'] as const;
const EDGES: Array<[string, string]> = [
  ['a', 'b'],
  ['b', 'c'],
];

function toYaml(constraints: DepConstraint[]): string {
  return `dependencies:\n  constraints:\n${constraints.map((c) => `    - ${JSON.stringify(c)}\n`).join('')}`;
}

/** The edges the module diagram in ARCHITECTURE.md draws as breaking a constraint. */
function drawRedEdges(setup: Case): string[] {
  const tree = createTreeWithEmptyWorkspace();
  tree.write('harness.yaml', toYaml(setup.constraints));
  const projects = NAMES.map((name) => ({ name, root: `modules/${name}`, tags: setup.tags[name], targets: [] }));
  writeArchitecture(tree, { projects, edges: EDGES });
  const text = tree.read('ARCHITECTURE.md', 'utf-8') ?? '';
  return [...text.matchAll(/p_(\w+) ==>\|violates\| p_(\w+)/g)].map((m) => `${m[1]}->${m[2]}`);
}

/** The edges whose import the dependency-constraints rule reports. */
function findReportedEdges(setup: Case): string[] {
  const files: Record<string, string> = { 'modules/c/src/index.ts': 'export const c = 1;\n' };
  for (const [from, to] of EDGES) files[`modules/${from}/src/index.ts`] = `import { ${to} } from '@test/${to}';\nexport const ${from} = ${to};\n`;
  const check = createTestCheckContext({
    projects: NAMES.map((name) => ({ name, root: `modules/${name}`, tags: setup.tags[name] })),
    files,
    config: { constraints: setup.constraints },
  });
  return EDGES.filter(([from]) => checkDependencyConstraints(createTestRuleContext(check, from)).length > 0).map(([from, to]) => `${from}->${to}`);
}

const CASES: Record<string, Case & { red: string[] }> = {
  'an empty onlyDependOnLibsWithTags meeting an untagged project': {
    tags: { a: ['scope:a'], b: [], c: [] },
    constraints: [{ sourceTag: 'scope:a', onlyDependOnLibsWithTags: [] }, { sourceTag: '*', onlyDependOnLibsWithTags: ['*'] }],
    red: [],
  },
  'an empty onlyDependOnLibsWithTags meeting a tagged project': {
    tags: { a: ['scope:a'], b: ['scope:b'], c: [] },
    constraints: [{ sourceTag: 'scope:a', onlyDependOnLibsWithTags: [] }, { sourceTag: '*', onlyDependOnLibsWithTags: ['*'] }],
    red: ['a->b'],
  },
  'a banned tag reached through the dependency': {
    tags: { a: ['scope:a'], b: ['scope:b'], c: ['scope:c'] },
    constraints: [{ sourceTag: 'scope:a', notDependOnLibsWithTags: ['scope:c'] }, { sourceTag: '*', onlyDependOnLibsWithTags: ['*'] }],
    red: ['a->b'],
  },
  'a project that no constraint applies to': {
    tags: { a: ['scope:a'], b: ['scope:b'], c: ['scope:c'] },
    constraints: [{ sourceTag: 'scope:b', onlyDependOnLibsWithTags: ['scope:c'] }],
    red: ['a->b'],
  },
  'tags that satisfy every constraint': {
    tags: { a: ['scope:a'], b: ['scope:b'], c: ['scope:c'] },
    constraints: [
      { sourceTag: 'scope:a', onlyDependOnLibsWithTags: ['scope:b'] },
      { sourceTag: 'scope:b', onlyDependOnLibsWithTags: ['scope:c'] },
    ],
    red: [],
  },
};

describe('the module diagram in ARCHITECTURE.md', () => {
  it.each(Object.entries(CASES))('marks in red exactly the edges the dependency-constraints rule reports: %s', (_name, setup) => {
    expect(findReportedEdges(setup)).toEqual(setup.red);
    expect(drawRedEdges(setup)).toEqual(setup.red);
  });
});
