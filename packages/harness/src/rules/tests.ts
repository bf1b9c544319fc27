import type { OptionsSchema } from '../config/types';
import type { Rule, RuleContext, RuleFinding } from './types';
import { CODE_FILE, joinRoot, listSourceFiles, TEST_FILE } from './project-files';

/** Declarations that carry behaviour; a file of only types and re-exports has nothing to test. */
const BEHAVIOUR_KINDS = new Set(['function', 'class', 'variable']);

export interface TestsOptions {
  /** Folder under the project root where the fix says to create a missing test. */
  testDir: string;
}

const DEFAULT_OPTIONS: TestsOptions = { testDir: 'tests' };
const OPTIONS_SCHEMA: OptionsSchema = {
  type: 'object',
  additionalProperties: false,
  properties: { testDir: { type: 'string', minLength: 1, description: 'Folder under the project root where the fix says to create a missing test.' } },
};

/**
 * A module has tests, and with `--base` every source file changed since that ref has a test of
 * the same base name (`invoice.ts` ↔ `invoice.spec.ts` / `invoice.test.ts`, anywhere in the
 * project) that already exists or is new. Git is reached only through `ctx.git`.
 */
export const testsRule: Rule = {
  id: 'tests',
  description: 'The module has tests, and with --base every changed source file has a test.',
  defaultSeverity: 'error',
  defaultOptions: { ...DEFAULT_OPTIONS },
  optionsSchema: OPTIONS_SCHEMA,
  check: checkTests,
};

export function checkTests(ctx: RuleContext): RuleFinding[] {
  if (!ctx.conventions.tests.required) return [];
  const options = { ...DEFAULT_OPTIONS, ...ctx.setting.options } as TestsOptions;
  const sources = listSourceFiles(ctx.project);
  // A project without code (docs, config) has nothing to test.
  if (sources.length === 0) return [];
  const tests = ctx.project.files.filter((f) => TEST_FILE.test(f));
  if (tests.length === 0) return [createNoTestsFinding(ctx, options)];
  if (!ctx.base) return [];
  return checkChangedFiles(ctx, ctx.base, sources, tests, options);
}

function getBaseName(file: string): string {
  return file.slice(file.lastIndexOf('/') + 1);
}

/** `lib/invoice.ts` → `invoice`; `tests/invoice.spec.ts` → `invoice`. */
function getStem(file: string): string {
  return getBaseName(file).replace(TEST_FILE, '').replace(CODE_FILE, '');
}

/** `invoice.tsx` → `invoice.spec.tsx`: the test keeps the source's language. */
function nameTestFor(file: string): string {
  return `${getStem(file)}.spec${CODE_FILE.exec(file)![0]}`;
}

function createNoTestsFinding(ctx: RuleContext, options: TestsOptions): RuleFinding {
  const { root, name } = ctx.project;
  const where = root || '.';
  const testFile = joinRoot(root, `${options.testDir}/${name}.spec.ts`);
  const entry = ctx.project.entryPoints[0];
  return {
    kind: 'tests/no-tests',
    data: { testFile },
    title: 'Module has no tests',
    file: testFile,
    line: 0,
    column: 0,
    found: `no *.spec.* or *.test.* file in ${where}`,
    expected: `at least one test file in ${where}, because its conventions set tests.required: true`,
    fix: `Create \`${testFile}\` with tests of the module's public API${entry ? ` (${entry})` : ''}`,
    reference: `${ctx.conventionsFile}#testing`,
  };
}

function checkChangedFiles(
  ctx: RuleContext,
  base: string,
  sources: string[],
  tests: string[],
  options: TestsOptions,
): RuleFinding[] {
  let changed: Set<string>;
  try {
    changed = listChangedFiles(ctx, base);
  } catch (error) {
    return [createUnreadableBaseFinding(ctx, base, error)];
  }
  const testStems = new Set([...tests, ...[...changed].filter((f) => TEST_FILE.test(f))].map(getStem));
  return sources
    .filter((file) => changed.has(file) && !testStems.has(getStem(file)) && hasBehaviour(ctx, file))
    .map((file) => createUntestedChangeFinding(ctx, base, file, options));
}

/** Changed and untracked files under the project root, as workspace-relative paths. */
function listChangedFiles(ctx: RuleContext, base: string): Set<string> {
  const pathspec = ctx.project.root || '.';
  const output = [
    ctx.git(['diff', '--name-only', base, '--', pathspec]),
    ctx.git(['ls-files', '--others', '--exclude-standard', '--', pathspec]),
  ].join('\n');
  const known = new Set(ctx.project.files);
  const changed = new Set<string>();
  for (const line of output.split('\n')) {
    const path = line.trim();
    if (!path) continue;
    // `git diff` names paths from the repository root, which is above the workspace when the
    // workspace is a sub-folder; match those by their workspace-relative tail.
    const file = known.has(path) ? path : ctx.project.files.find((f) => path.endsWith(`/${f}`)) ?? path;
    changed.add(file);
  }
  return changed;
}

function hasBehaviour(ctx: RuleContext, file: string): boolean {
  return ctx.readSource(file).declarations.some((d) => BEHAVIOUR_KINDS.has(d.kind));
}

function createUntestedChangeFinding(ctx: RuleContext, base: string, file: string, options: TestsOptions): RuleFinding {
  const stem = getStem(file);
  const ext = CODE_FILE.exec(file)![0];
  const testFile = joinRoot(ctx.project.root, `${options.testDir}/${nameTestFor(file)}`);
  return {
    kind: 'tests/changed-file-untested',
    data: { testFile },
    title: 'Changed file has no test',
    file,
    line: 0,
    column: 0,
    found: getBaseName(file),
    expected: `a test named ${stem}.spec${ext} or ${stem}.test${ext} in ${ctx.project.name} for every source file changed since ${base}`,
    fix: `Create \`${testFile}\` with tests of \`${getBaseName(file)}\`, or add them to an existing ${stem}.spec${ext}`,
    reference: `${ctx.conventionsFile}#testing`,
  };
}

function createUnreadableBaseFinding(ctx: RuleContext, base: string, error: unknown): RuleFinding {
  const said = readFirstLine(error);
  return {
    kind: 'tests/unreadable-base',
    title: 'Cannot read the --base ref',
    file: ctx.project.root || '.',
    line: 0,
    column: 0,
    found: `--base=${base}`,
    expected: `a git ref this clone has, so the files changed since it can be listed${said ? ` (git said: ${said})` : ''}`,
    fix:
      `Fetch it first with \`${describeFetch(base)}\` (in CI, check out with full history, e.g. fetch-depth: 0), ` +
      `or check the name with \`git rev-parse --verify ${base}\` and pass a ref that exists`,
    reference: `${ctx.conventionsFile}#testing`,
  };
}

/** `origin/main` → `git fetch origin main`; anything else is fetched from origin. */
function describeFetch(base: string): string {
  const remoteBranch = /^([\w.-]+)\/(.+)$/.exec(base);
  if (remoteBranch && remoteBranch[1] !== 'refs') return `git fetch ${remoteBranch[1]} ${remoteBranch[2]}`;
  return `git fetch origin ${base}`;
}

function readFirstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const line = message.split('\n').find((l) => l.trim() !== '') ?? '';
  return line.trim().slice(0, 200);
}
