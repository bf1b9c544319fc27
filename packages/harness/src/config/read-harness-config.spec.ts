import { readHarnessConfig } from './read-harness-config';
import { readConventions } from './read-conventions';

import type { RuleDeclaration } from './types';

/** Stand-ins for the rule table (config sits below rules): three with options, two without. */
const RULES: RuleDeclaration[] = [
  { id: 'docs', defaultSeverity: 'error' },
  { id: 'naming', defaultSeverity: 'error' },
  {
    id: 'file-size',
    defaultSeverity: 'warn',
    defaultOptions: { maxLines: 400 },
    optionsSchema: { type: 'object', additionalProperties: false, properties: { maxLines: { type: 'integer', minimum: 1 } } },
  },
  {
    id: 'circular',
    defaultSeverity: 'error',
    optionsSchema: { type: 'object', additionalProperties: false, properties: { ignoreTypeImports: { type: 'boolean' } } },
  },
  {
    id: 'layers',
    defaultSeverity: 'error',
    defaultOptions: { ignoreTests: false },
    optionsSchema: { type: 'object', additionalProperties: false, properties: { ignoreTests: { type: 'boolean' } } },
  },
];

const errorOf = (fn: () => unknown): string => {
  try {
    fn();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected an error');
};

describe('readHarnessConfig', () => {
  it('returns defaults when the file is missing', () => {
    const config = readHarnessConfig(undefined, RULES);
    expect(config.constraints).toEqual([]);
    expect(config.conventions.naming.functions).toBe('camelCase');
  });

  it('reads constraints, rules with options and conventions', () => {
    const config = readHarnessConfig(
      [
        'dependencies:',
        '  constraints:',
        '    - sourceTag: "scope:billing"',
        '      onlyDependOnLibsWithTags: ["scope:billing", "scope:shared"]',
        '      explanation: events only',
        'rules:',
        '  naming: warn',
        '  file-size: { severity: warn, maxLines: 300 }',
        'conventions:',
        '  coverage: { lines: 90 }',
      ].join('\n'),
      RULES,
    );
    expect(config.constraints).toEqual([
      { sourceTag: 'scope:billing', onlyDependOnLibsWithTags: ['scope:billing', 'scope:shared'], explanation: 'events only' },
    ]);
    expect(config.rules['file-size']).toEqual({ severity: 'warn', options: { maxLines: 300 } });
    expect(config.conventions.coverage).toEqual({ lines: 90, branches: 70, functions: 80, statements: 80 });
  });

  it.each([
    ['rules:\n  naming: [unclosed\n', 'harness: harness.yaml:2: invalid YAML'],
    ['rules:\n  naming: sometimes\n', 'harness: harness.yaml:2: unknown severity "sometimes" for rule "naming"; use error, warn or off'],
    ['rules:\n  docs: error\n  spelling: error\n', 'harness: harness.yaml:3: unknown rule id "spelling"; use one of docs, naming, file-size, circular'],
    ['conventions:\n  naming:\n    functions: loud\n', 'harness: harness.yaml:3: unknown naming style "loud"'],
    ['dependencies:\n  constraints:\n    - sourceTag: "/[/"\n', 'harness: harness.yaml:3: the tag pattern "/[/" is not a valid regex'],
    ['conventions:\n  layers:\n    - core\n    - [rules, report]\n    - [check, rules]\n', 'harness: harness.yaml:5: the folder "rules" is listed twice in "layers"; list each folder once, in one layer or in one peer group'],
    ['conventions:\n  layers:\n    - core\n    - []\n', 'harness: harness.yaml:4: a peer group in "layers" is empty; list its folders, or remove the []'],
    ['conventions:\n  layers: [core, [rules, [report]]]\n', 'harness: harness.yaml:2: "layers" must list folder names under src/, got a peer group inside a peer group; write it as'],
    ['rules:\n  layers: { severity: error, ignoreTests: "yes" }\n', 'harness: harness.yaml:2: "ignoreTests" must be true or false, got "yes"; write ignoreTests: false (the default), or remove it'],
    ['dependencies:\n  constraints:\n    - onlyDependOnLibsWithTags: ["a"]\n', 'harness: harness.yaml:3: a constraint has neither "sourceTag" nor "allSourceTags"'],
    ['conventions:\n  naming:\n    functions: "/^(a+)+$/"\n', 'harness: harness.yaml:3: '],
    ['dependencies:\n  allow:\n    - "[unclosed"\n', 'harness: harness.yaml:3: "[unclosed" is not a valid regular expression'],
    ['dependencies:\n  banTransitiveDependencies: 1\n', 'harness: harness.yaml:2: "banTransitiveDependencies" must be true or false, got 1; write banTransitiveDependencies: true'],
    ['dependencies:\n  ignoredCircularDependencies:\n    - [a]\n', 'harness: harness.yaml:3: each entry of "ignoredCircularDependencies" must be a pair'],
    ['dependencies:\n  ignore:\n    - "fixtures/{a,b"\n', 'harness: harness.yaml:3: the glob "fixtures/{a,b" has an unclosed "{"'],
    ['dependencies:\n  constraints: []\n  allowed: [x]\n', 'harness: harness.yaml:3: unknown key "allowed" in "dependencies"; use one of constraints, allow,'],
    ['conventions:\n  coverage:\n    lines: 120\n', 'harness: harness.yaml:3: the coverage threshold "lines: 120" is outside 0–100'],
    ['a: &a [1,1,1,1,1,1,1,1,1,1]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]\n', 'harness: harness.yaml:1: YAML refused'],
    ['dependencies:\n  constraints:\n    - sourceTag: a\n      importKinds: [static, sometimes]\n', 'harness: harness.yaml:4: unknown import kind "sometimes"; use static, dynamic or type'],
    ['dependencies:\n  constraints:\n    - sourceTag: a\n      files:\n        - 3\n', 'harness: harness.yaml:5: each entry of "files" must be a non-empty glob string, got 3; write it as'],
    ['dependencies:\n  constraints:\n    - sourceTag: a\n      excludeFiles: ["src/{a"]\n', 'harness: harness.yaml:4: the glob "src/{a" has an unclosed "{"'],
    ['rules:\n  docs: error\n  circular:\n    severity: error\n    ignoreTypeImports: sometimes\n', 'harness: harness.yaml:5: "ignoreTypeImports" must be true or false, got "sometimes"'],
    ['dependencies:\n  edges: maybe\n', 'harness: harness.yaml:2: "edges" must be imports or graph, got "maybe"; write edges: graph'],
  ])('refuses %j with a line-numbered message', (text, message) => {
    expect(errorOf(() => readHarnessConfig(text, RULES))).toContain(message);
  });
});

describe('readHarnessConfig dependency options', () => {
  it('keeps ESLint\'s defaults when none is set', () => {
    expect(readHarnessConfig('dependencies:\n  constraints: []\n', RULES).dependencyOptions).toEqual({
      allow: [],
      banTransitiveDependencies: false,
      checkNestedExternalImports: false,
      enforceBuildableLibDependency: false,
      buildTargets: ['build'],
      allowCircularSelfDependency: false,
      ignoredCircularDependencies: [],
      checkDynamicDependenciesExceptions: [],
      ignore: [],
      edges: 'imports',
    });
  });

  it('reads every option', () => {
    const text = [
      'dependencies:',
      '  allow: ["^tools/"]',
      '  banTransitiveDependencies: true',
      '  checkNestedExternalImports: true',
      '  enforceBuildableLibDependency: true',
      '  buildTargets: [compile]',
      '  allowCircularSelfDependency: true',
      '  ignoredCircularDependencies: [[a, b]]',
      '  checkDynamicDependenciesExceptions: ["@org/lazy"]',
      '  ignore: ["**/fixtures/**"]',
      '  edges: graph',
    ].join('\n');
    expect(readHarnessConfig(text, RULES).dependencyOptions).toEqual({
      allow: ['^tools/'],
      banTransitiveDependencies: true,
      checkNestedExternalImports: true,
      enforceBuildableLibDependency: true,
      buildTargets: ['compile'],
      allowCircularSelfDependency: true,
      ignoredCircularDependencies: [['a', 'b']],
      checkDynamicDependenciesExceptions: ['@org/lazy'],
      ignore: ['**/fixtures/**'],
      edges: 'graph',
    });
  });
});

describe('readConventions', () => {
  const config = readHarnessConfig(undefined, RULES);

  it('overrides harness.yaml with the front matter', () => {
    const text = '---\nnaming: { functions: snake_case }\nrules:\n  file-size: off\n---\n# Conventions\n';
    const result = readConventions('modules/a/CONVENTIONS.md', text, config, RULES);
    expect(result.conventions.naming.functions).toBe('snake_case');
    expect(result.conventions.naming.classes).toBe('PascalCase');
    expect(result.rules['file-size'].severity).toBe('off');
  });

  it('reads layers with peer groups and the layers rule option', () => {
    const text = '---\nlayers: [core, [rules, report], check]\nrules:\n  layers: { severity: error, ignoreTests: true }\n---\n# Conventions\n';
    const result = readConventions('modules/a/CONVENTIONS.md', text, config, RULES);
    expect(result.conventions.layers).toEqual(['core', ['rules', 'report'], 'check']);
    expect(result.rules.layers).toEqual({ severity: 'error', options: { ignoreTests: true } });
  });

  it('names the front matter line of a folder listed twice in layers', () => {
    const text = '---\nnaming: { functions: camelCase }\nlayers:\n  - core\n  - [rules, core]\n---\n';
    expect(errorOf(() => readConventions('modules/a/CONVENTIONS.md', text, config, RULES))).toBe(
      'harness: modules/a/CONVENTIONS.md:5: the folder "core" is listed twice in "layers"; list each folder once, in one layer or in one peer group',
    );
  });

  it('names CONVENTIONS.md and the file line of a broken front matter', () => {
    const text = '---\nnaming: { functions: snake_case\ncoverage: 3\n---\n';
    expect(errorOf(() => readConventions('modules/a/CONVENTIONS.md', text, config, RULES))).toMatch(
      /^harness: modules\/a\/CONVENTIONS\.md:[23]: invalid YAML/,
    );
  });

  it('inherits everything without front matter', () => {
    expect(readConventions('x/CONVENTIONS.md', '# Conventions\n', config, RULES).conventions).toBe(config.conventions);
  });
});
