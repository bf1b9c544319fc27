import Ajv from 'ajv';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { RULE_IDS, RULES } from '../rules';
import { readHarnessConfig } from './read-harness-config';
import { renderHarnessSchema } from './render-rules-schema';

/** The schema editors read (shipped in the package) and the loader the check uses must agree. */
const schema = JSON.parse(fs.readFileSync(path.join(__dirname, '../../schemas/harness.schema.json'), 'utf8'));
const validate = new Ajv({ strict: false, allErrors: true }).compile(schema);

const accepts = (text: string) => {
  let loaderOk = true;
  try {
    readHarnessConfig(text, RULES);
  } catch {
    loaderOk = false;
  }
  return { schema: validate(parse(text) ?? {}) as boolean, loader: loaderOk };
};

describe('harness.schema.json and the config loader', () => {
  it('lists exactly the rules the check has', () => {
    expect([...schema.properties.rules.propertyNames.enum].sort()).toEqual([...RULE_IDS].sort());
  });

  // On failure: run `node scripts/write-harness-schema.mjs` and commit the file.
  it('holds every rule\'s option schema, as the rules declare them', () => {
    expect(schema).toEqual(renderHarnessSchema(schema, RULES));
  });

  it.each([
    ['a full config', 'dependencies:\n  constraints:\n    - sourceTag: "scope:a"\n      onlyDependOnLibsWithTags: ["scope:a"]\n      explanation: why\nrules:\n  naming: warn\n  file-size: { severity: warn, maxLines: 300 }\nconventions:\n  naming: { functions: snake_case, files: kebab-case }\n  coverage: { lines: 90 }\n  tests: { required: false }\n  layers: [types, service]\n'],
    ['an empty file', ''],
    ['a custom naming regex', 'conventions:\n  naming: { functions: "/^[a-z]+$/" }\n'],
    [
      'every module-boundary option',
      [
        'dependencies:',
        '  allow: ["^.*/eslint(\\\\.base)?\\\\.config\\\\.[cm]?[jt]s$", "@org/tools/**"]',
        '  banTransitiveDependencies: true',
        '  checkNestedExternalImports: true',
        '  enforceBuildableLibDependency: true',
        '  buildTargets: [build, build-base]',
        '  allowCircularSelfDependency: false',
        '  ignoredCircularDependencies: [["a", "b"], ["tag:scope:x", "c-*"]]',
        '  checkDynamicDependenciesExceptions: ["@org/lazy"]',
        '  ignore: ["**/fixtures/**", "!**/fixtures/keep.ts"]',
        '',
      ].join('\n'),
    ],
    [
      'every key beyond depConstraints',
      [
        'dependencies:',
        '  edges: graph',
        '  constraints:',
        '    - sourceTag: "scope:*"',
        '      onlyDependOnLibsWithTags: ["scope:shared"]',
        '      importKinds: [static, dynamic]',
        '      excludeFiles: ["**/*.spec.ts", "**/*.stories.tsx"]',
        '    - sourceTag: "scope:*"',
        '      onlyDependOnLibsWithTags: ["type:testing"]',
        '      files: ["**/*.spec.ts"]',
        'rules:',
        '  circular: { severity: error, ignoreTypeImports: true }',
        '',
      ].join('\n'),
    ],
    ['layers with peer groups and ignoreTests', 'rules:\n  layers: { severity: error, ignoreTests: true }\nconventions:\n  layers: [core, [rules, report], check]\n'],
  ])('both accept %s', (_name, text) => {
    expect(accepts(text)).toEqual({ schema: true, loader: true });
  });

  it.each([
    ['an unknown rule id', 'rules:\n  spelling: error\n'],
    ['an unknown severity', 'rules:\n  naming: sometimes\n'],
    ['an unknown naming style', 'conventions:\n  naming: { functions: loud }\n'],
    ['a constraint without sourceTag or allSourceTags', 'dependencies:\n  constraints:\n    - onlyDependOnLibsWithTags: ["a"]\n'],
    ['a threshold over 100', 'conventions:\n  coverage: { lines: 120 }\n'],
    ['an unknown top-level key', 'extras: 1\n'],
    ['an unknown dependencies option', 'dependencies:\n  allowList: [a]\n'],
    ['a non-boolean banTransitiveDependencies', 'dependencies:\n  banTransitiveDependencies: "yes"\n'],
    ['a non-list allow', 'dependencies:\n  allow: "^tools"\n'],
    ['a number in checkDynamicDependenciesExceptions', 'dependencies:\n  checkDynamicDependenciesExceptions: [1]\n'],
    ['an empty build target', 'dependencies:\n  buildTargets: [""]\n'],
    ['a circular pair of three', 'dependencies:\n  ignoredCircularDependencies: [["a", "b", "c"]]\n'],
    ['an ignore glob that is not a string', 'dependencies:\n  ignore: [{ glob: x }]\n'],
    ['an unknown import kind', 'dependencies:\n  constraints:\n    - sourceTag: a\n      importKinds: [sometimes]\n'],
    ['an empty importKinds', 'dependencies:\n  constraints:\n    - sourceTag: a\n      importKinds: []\n'],
    ['a files glob that is not a string', 'dependencies:\n  constraints:\n    - sourceTag: a\n      files: [{ glob: x }]\n'],
    ['an excludeFiles that is not a list', 'dependencies:\n  constraints:\n    - sourceTag: a\n      excludeFiles: "**/*.spec.ts"\n'],
    ['an unknown edges value', 'dependencies:\n  edges: maybe\n'],
    ['a non-boolean ignoreTypeImports', 'rules:\n  circular: { severity: error, ignoreTypeImports: "yes" }\n'],
    ['a non-boolean layers ignoreTests', 'rules:\n  layers: { severity: error, ignoreTests: 1 }\n'],
    ['layers that are not a list', 'conventions:\n  layers: core\n'],
    ['an empty peer group', 'conventions:\n  layers: [core, []]\n'],
    ['a peer group inside a peer group', 'conventions:\n  layers: [core, [rules, [report]]]\n'],
    ['a folder listed twice', 'conventions:\n  layers: [core, rules, core]\n'],
    ['a folder name with a slash', 'conventions:\n  layers: [core, rules/sub]\n'],
    ['a misspelt option', 'rules:\n  file-size: { severity: warn, maxLine: 300 }\n'],
    ['a string for the docs sections', 'rules:\n  docs: { severity: error, readmeSections: Purpose }\n'],
    ['a maxLines of zero', 'rules:\n  file-size: { severity: warn, maxLines: 0 }\n'],
    ['an option the layers rule does not have', 'rules:\n  layers: { severity: error, folders: [a] }\n'],
    ['an unknown constraint field', 'dependencies:\n  constraints:\n    - sourceTag: a\n      onlyDependOnLibs: [b]\n'],
  ])('both refuse %s', (_name, text) => {
    expect(accepts(text)).toEqual({ schema: false, loader: false });
  });
});
