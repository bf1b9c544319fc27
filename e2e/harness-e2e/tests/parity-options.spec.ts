import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseFindingBlocks, runCommand, type FindingBlock } from '../src';
import {
  createSynthEnv,
  createSynthWorkspace,
  ESLINT_DEV_DEPENDENCIES,
  lintBoundaries,
  readJson,
  removeSynthWorkspace,
  runHarnessCheck,
  writeJson,
  type BoundaryMessage,
} from '../src/synth';

/*
 * Parity with the options of @nx/enforce-module-boundaries beyond depConstraints, ESLint as the
 * oracle: allow, the config's global ignores, banTransitiveDependencies, checkNestedExternalImports,
 * enforceBuildableLibDependency, static imports of lazy-loaded projects with
 * checkDynamicDependenciesExceptions, self-imports (allowCircularSelfDependency) and
 * ignoredCircularDependencies. ONE workspace: the benchmark's generator with 4 projects, plus one
 * small project per case. The options live in a JS file the ESLint config imports, and
 * `nx g harness:init` carries them into harness.yaml; then ESLint and harness-check must flag the
 * same imports, and harness.yaml without the imported options must flag more. Then the same with
 * a legacy .eslintrc.json and .eslintignore, ESLint in its eslintrc mode.
 *
 * Time budget on 2 cores, whole suite under 3 minutes (measured: ~1.5 minutes at load 12):
 *   workspace ~25 s (npm install from the npm cache), init ~5 s a run, eslint ~5-10 s a run,
 *   harness ~6 s a run.
 */
const SUITE_BUDGET_MS = 3 * 60 * 1000;
const SETUP_TIMEOUT_MS = 5 * 60 * 1000;
const STEP_TIMEOUT_MS = 2 * 60 * 1000;
const RULES = '--rules=dependency-constraints,public-api,circular';

/** Every case project is tagged so the generator's constraints allow it to import the others. */
const CASE_TAGS = ['scope:shared', 'type:feature'];

interface CaseProject {
  name: string;
  files: Record<string, string>;
  tags?: string[];
  targets?: Record<string, unknown>;
}

const imports = (...specifiers: string[]) => specifiers.map((s, i) => `import * as m${i} from '${s}';`).join('\n') + '\nexport const used = 1;\n';

const CASES: CaseProject[] = [
  // allow: the billing import is exempt, the auth import is not.
  { name: 'opt-allow', files: { 'src/index.ts': imports('@synth/billing-feature-0', '@synth/auth-feature-1') } },
  // ignores: the fixture breaks a constraint, but ESLint never lints it.
  { name: 'opt-fixtures', files: { 'src/index.ts': 'export const used = 1;\n', 'src/fixtures/workspace.ts': imports('@synth/auth-feature-1') } },
  // banTransitiveDependencies: semver is installed (nx depends on it) but not declared; typescript is declared.
  { name: 'opt-transitive', files: { 'src/index.ts': imports('semver', 'typescript', 'node:path', 'not-an-installed-package') } },
  // checkNestedExternalImports: this project may not use semver, not even through opt-transitive.
  { name: 'opt-nested', tags: [...CASE_TAGS, 'nested:strict'], files: { 'src/index.ts': imports('@synth/opt-transitive') } },
  // enforceBuildableLibDependency: a buildable library imports one without a build target.
  { name: 'opt-plain', files: { 'src/index.ts': 'export const used = 1;\n' } },
  { name: 'opt-buildable', targets: { build: { executor: 'nx:run-commands', options: { command: 'echo build' } } }, files: { 'src/index.ts': imports('@synth/opt-plain') } },
  // Lazy loading: a static import of a project the same project loads with import(); one is an exception.
  { name: 'opt-lazy-target', files: { 'src/index.ts': 'export const used = 1;\n' } },
  { name: 'opt-lazy-except', files: { 'src/index.ts': 'export const used = 1;\n' } },
  {
    name: 'opt-lazy',
    files: {
      'src/routes.ts': "export const routes = [() => import('@synth/opt-lazy-target'), () => import('@synth/opt-lazy-except')];\n",
      'src/index.ts': imports('@synth/opt-lazy-target', '@synth/opt-lazy-except'),
    },
  },
  // allowCircularSelfDependency is false: a project importing its own alias is flagged.
  { name: 'opt-self', files: { 'src/index.ts': "export * from './lib/a';\n", 'src/lib/a.ts': "import { b } from '@synth/opt-self';\nexport const a = b;\n", 'src/lib/b.ts': 'export const b = 1;\n' } },
  // ignoredCircularDependencies: the a/b cycle is ignored, the c/d cycle is not.
  { name: 'opt-cyc-a', files: { 'src/index.ts': imports('@synth/opt-cyc-b') } },
  { name: 'opt-cyc-b', files: { 'src/index.ts': imports('@synth/opt-cyc-a') } },
  { name: 'opt-cyc-c', files: { 'src/index.ts': imports('@synth/opt-cyc-d') } },
  { name: 'opt-cyc-d', files: { 'src/index.ts': imports('@synth/opt-cyc-c') } },
];

/** The rule's options and one extra constraint: in a JS file the flat config imports, and as JSON in .eslintrc.json. */
const OPTIONS = {
  allow: ['^@synth/billing-feature-0$'],
  banTransitiveDependencies: true,
  checkNestedExternalImports: true,
  enforceBuildableLibDependency: true,
  allowCircularSelfDependency: false,
  ignoredCircularDependencies: [['opt-cyc-a', 'opt-cyc-b']],
  checkDynamicDependenciesExceptions: ['@synth/opt-lazy-except'],
};
const EXTRA_CONSTRAINTS = [{ sourceTag: 'nested:strict', bannedExternalImports: ['semver'] }];
const BOUNDARY_OPTIONS = `export const boundaryOptions = ${JSON.stringify(OPTIONS, null, 2)};\nexport const extraConstraints = ${JSON.stringify(EXTRA_CONSTRAINTS)};\n`;

const ESLINT_CONFIG = `import nx from '@nx/eslint-plugin';
import tsParser from '@typescript-eslint/parser';
import fs from 'node:fs';
import { boundaryOptions, extraConstraints } from './tools/eslint/boundaries.mjs';
const depConstraints = JSON.parse(fs.readFileSync(new URL('./depConstraints.json', import.meta.url)));
export default [
  { plugins: { '@nx': nx } },
  { ignores: ['**/fixtures/**'] },
  { files: ['**/*.ts'], languageOptions: { parser: tsParser }, rules: { '@nx/enforce-module-boundaries': ['error', { ...boundaryOptions, depConstraints: [...depConstraints, ...extraConstraints] }] } },
];
`;

function addCaseProjects(dir: string): void {
  const tsconfig = readJson(dir, 'tsconfig.base.json');
  for (const project of CASES) {
    const root = `libs/${project.name}`;
    writeJson(dir, `${root}/project.json`, { name: project.name, sourceRoot: `${root}/src`, projectType: 'library', tags: project.tags ?? CASE_TAGS, targets: project.targets });
    for (const [file, text] of Object.entries(project.files)) {
      fs.mkdirSync(path.dirname(path.join(dir, root, file)), { recursive: true });
      fs.writeFileSync(path.join(dir, root, file), text);
    }
    tsconfig.compilerOptions.paths[`@synth/${project.name}`] = [`${root}/src/index.ts`];
  }
  writeJson(dir, 'tsconfig.base.json', tsconfig);
  fs.mkdirSync(path.join(dir, 'tools/eslint'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'tools/eslint/boundaries.mjs'), BOUNDARY_OPTIONS);
  fs.writeFileSync(path.join(dir, 'eslint.config.mjs'), ESLINT_CONFIG);
  // harness:init writes harness.yaml from the ESLint config.
  fs.rmSync(path.join(dir, 'harness.yaml'));
}

const startedAt = Date.now();
let dir = '';
let initOutput = '';
let eslintMessages: BoundaryMessage[] = [];

/** `<file>:<line>`, once per finding or message, sorted: ESLint's and harness's must be equal lists. */
const placesOfMessages = (messages: BoundaryMessage[]) => messages.map((m) => `${m.file}:${m.line}`).sort();
const placesOfBlocks = (blocks: FindingBlock[]) => blocks.map((b) => `${b.fields.File}:${b.fields.Line}`).sort();
const at = (project: string, file = 'src/index.ts', line = 1) => `libs/${project}/${file}:${line}`;

beforeAll(async () => {
  dir = await createSynthWorkspace('parity-options', { projects: 4, files: 1, violations: 0, seed: 5, devDependencies: ESLINT_DEV_DEPENDENCIES, prepare: addCaseProjects });
  const init = await runCommand('npx', ['nx', 'g', 'harness:init', '--no-interactive'], { cwd: dir, env: createSynthEnv(dir), timeoutMs: STEP_TIMEOUT_MS });
  if (init.code !== 0) throw new Error(`nx g harness:init failed (exit ${init.code}):\n${init.output}`);
  initOutput = init.output;
  eslintMessages = await lintBoundaries(dir);
}, SETUP_TIMEOUT_MS);

afterAll(() => {
  // HARNESS_E2E_KEEP=1 leaves the workspace behind to debug a failure by hand.
  if (dir && !process.env.HARNESS_E2E_KEEP) removeSynthWorkspace(dir);
});

it('harness:init carries every option, built in an imported JS file, and the global ignores into harness.yaml', () => {
  const yaml = fs.readFileSync(path.join(dir, 'harness.yaml'), 'utf8');
  expect(yaml).toContain('  allow: ["^@synth/billing-feature-0$"]\n');
  expect(yaml).toContain('  banTransitiveDependencies: true\n');
  expect(yaml).toContain('  checkNestedExternalImports: true\n');
  expect(yaml).toContain('  enforceBuildableLibDependency: true\n');
  expect(yaml).toContain('  ignoredCircularDependencies: [["opt-cyc-a", "opt-cyc-b"]]\n');
  expect(yaml).toContain('  checkDynamicDependenciesExceptions: ["@synth/opt-lazy-except"]\n');
  // The rule's `files: ['**/*.ts']` leaves the other source kinds to no ESLint judgement, so init leaves them out too.
  expect(yaml).toContain('  ignore: ["**/fixtures/**", "**/*.tsx", "**/*.js", "**/*.jsx", "**/*.mts", "**/*.cts", "**/*.mjs", "**/*.cjs"]\n');
  expect(yaml).toContain('sourceTag: "nested:strict"');
  // The rule is limited to **/*.ts; init says what that changes, in one harness: line.
  expect(initOutput).toMatch(/harness: @nx\/enforce-module-boundaries in eslint\.config\.mjs applies only to files matching \*\*\/\*\.ts, .*dependencies\.ignore/);
});

it('ESLint flags exactly the imports each case expects', () => {
  expect(placesOfMessages(eslintMessages)).toEqual(
    [
      at('opt-allow', 'src/index.ts', 2),
      at('opt-transitive', 'src/index.ts', 1),
      at('opt-transitive', 'src/index.ts', 4),
      at('opt-nested'),
      at('opt-buildable'),
      at('opt-lazy'),
      at('opt-self', 'src/lib/a.ts'),
      at('opt-cyc-c'),
      at('opt-cyc-d'),
    ].sort(),
  );
});

it('harness-check flags the same imports as ESLint under the harness.yaml init wrote', async () => {
  const run = await runHarnessCheck(dir, [RULES, '--skip-nx-cache']);

  expect(run.code).toBe(1);
  expect(placesOfBlocks(parseFindingBlocks(run.output))).toEqual(placesOfMessages(eslintMessages));
}, STEP_TIMEOUT_MS);

it('without the imported allow and ignore, harness-check also flags the allowed import and the fixture', async () => {
  const file = path.join(dir, 'harness.yaml');
  const original = fs.readFileSync(file, 'utf8');
  try {
    fs.writeFileSync(file, original.replace(/^ {2}allow: .*\n/m, '').replace(/^ {2}ignore: .*\n/m, ''));
    const run = await runHarnessCheck(dir, [RULES, '--skip-nx-cache']);

    const extra = placesOfBlocks(parseFindingBlocks(run.output)).filter((place) => !placesOfMessages(eslintMessages).includes(place));
    expect(extra).toEqual([at('opt-allow'), at('opt-fixtures', 'src/fixtures/workspace.ts')]);
  } finally {
    fs.writeFileSync(file, original);
  }
}, STEP_TIMEOUT_MS);

describe('the same workspace with a legacy .eslintrc.json and .eslintignore', () => {
  let legacyMessages: BoundaryMessage[] = [];

  beforeAll(async () => {
    // The options as literal JSON, the fixture folder named in .eslintignore (gitignore style).
    writeJson(dir, '.eslintrc.json', {
      root: true,
      plugins: ['@nx'],
      overrides: [{ files: ['*.ts'], parser: '@typescript-eslint/parser', rules: { '@nx/enforce-module-boundaries': ['error', { ...OPTIONS, depConstraints: [...readJson(dir, 'depConstraints.json'), ...EXTRA_CONSTRAINTS] }] } }],
    });
    fs.writeFileSync(path.join(dir, '.eslintignore'), 'fixtures/\n');
    fs.rmSync(path.join(dir, 'eslint.config.mjs'));
    fs.rmSync(path.join(dir, 'harness.yaml'));
    const init = await runCommand('npx', ['nx', 'g', 'harness:init', '--no-interactive'], { cwd: dir, env: createSynthEnv(dir), timeoutMs: STEP_TIMEOUT_MS });
    if (init.code !== 0) throw new Error(`nx g harness:init failed (exit ${init.code}):\n${init.output}`);
    // ESLint 9 reads .eslintrc.* and .eslintignore only in its eslintrc mode.
    process.env.ESLINT_USE_FLAT_CONFIG = 'false';
    try {
      legacyMessages = await lintBoundaries(dir);
    } finally {
      delete process.env.ESLINT_USE_FLAT_CONFIG;
    }
  }, SETUP_TIMEOUT_MS);

  it('ESLint in eslintrc mode flags the same imports as with the flat config', () => {
    expect(placesOfMessages(legacyMessages)).toEqual(placesOfMessages(eslintMessages));
  });

  it('harness-check flags them too under the harness.yaml init wrote from .eslintrc.json and .eslintignore', async () => {
    const yaml = fs.readFileSync(path.join(dir, 'harness.yaml'), 'utf8');
    expect(yaml).toContain('  ignore: ["**/.*", "!**/.eslintrc.*", "**/fixtures", "**/*.tsx", "**/*.js", "**/*.jsx", "**/*.mts", "**/*.cts", "**/*.mjs", "**/*.cjs"]\n');
    const run = await runHarnessCheck(dir, [RULES, '--skip-nx-cache']);

    expect(placesOfBlocks(parseFindingBlocks(run.output))).toEqual(placesOfMessages(legacyMessages));
  }, STEP_TIMEOUT_MS);
});

it('stays within the suite time budget', () => {
  expect(Date.now() - startedAt).toBeLessThan(SUITE_BUDGET_MS);
});
