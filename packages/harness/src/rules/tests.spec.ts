import { formatTextBlock } from '../report/text';
import { createTestCheckContext, createTestRuleContext } from '../testing/create-test-context';
import type { GitRunner } from '../collect/types';
import { checkTests, testsRule } from './tests';

const INVOICE = 'modules/billing/src/lib/invoice.ts';
const SOURCE = { [INVOICE]: 'export function total() { return 1; }\n' };

interface Setup {
  files: Record<string, string>;
  base?: string;
  git?: GitRunner;
  required?: boolean;
  options?: Record<string, unknown>;
}

function runTests({ files, base, git, required = true, options = {} }: Setup) {
  const check = createTestCheckContext({ projects: [{ name: 'billing', root: 'modules/billing' }], files, base, git });
  return checkTests(createTestRuleContext(check, 'billing', { conventions: { tests: { required } }, setting: { options } }));
}

/** A git that answers `diff` and `ls-files` with the given paths and records its calls. */
function createFakeGit(diff: string[], untracked: string[] = []) {
  const calls: string[][] = [];
  const git: GitRunner = (args) => {
    calls.push(args);
    return (args[0] === 'diff' ? diff : untracked).join('\n') + '\n';
  };
  return { git, calls };
}

describe('tests rule', () => {
  it('is registered under its stable id as an error', () => {
    expect(testsRule.id).toBe('tests');
    expect(testsRule.defaultSeverity).toBe('error');
    expect(testsRule.defaultOptions).toEqual({ testDir: 'tests' });
  });

  it('reports a module without test files, naming the file to create', () => {
    const findings = runTests({ files: SOURCE });
    expect(findings).toEqual([
      {
        kind: 'tests/no-tests',
        data: { testFile: 'modules/billing/tests/billing.spec.ts' },
        title: 'Module has no tests',
        file: 'modules/billing/tests/billing.spec.ts',
        line: 0,
        column: 0,
        found: 'no *.spec.* or *.test.* file in modules/billing',
        expected: 'at least one test file in modules/billing, because its conventions set tests.required: true',
        fix: "Create `modules/billing/tests/billing.spec.ts` with tests of the module's public API (modules/billing/src/index.ts)",
        reference: 'modules/billing/CONVENTIONS.md#testing',
      },
    ]);
    expect(formatTextBlock({ ...findings[0], rule: 'tests', severity: 'error', project: 'billing' })).toBe(
      [
        'ERROR: Module has no tests',
        'File: modules/billing/tests/billing.spec.ts',
        'Line: 1',
        'Found: `no *.spec.* or *.test.* file in modules/billing`',
        'Expected pattern: at least one test file in modules/billing, because its conventions set tests.required: true',
        "Fix: Create `modules/billing/tests/billing.spec.ts` with tests of the module's public API (modules/billing/src/index.ts)",
        'Reference: See modules/billing/CONVENTIONS.md#testing',
      ].join('\n'),
    );
  });

  it.each([
    ['modules/billing/tests/billing.spec.ts'],
    ['modules/billing/src/lib/invoice.test.ts'],
    ['modules/billing/e2e/flow.spec.tsx'],
  ])('accepts a test file anywhere in the project: %s', (testFile) => {
    expect(runTests({ files: { ...SOURCE, [testFile]: '' } })).toEqual([]);
  });

  it('puts the missing test under the configured test folder', () => {
    const [finding] = runTests({ files: SOURCE, options: { testDir: '__tests__' } });
    expect(finding.file).toBe('modules/billing/__tests__/billing.spec.ts');
  });

  it('reports nothing when the conventions do not require tests', () => {
    expect(runTests({ files: SOURCE, required: false })).toEqual([]);
  });

  it('reports nothing for a project without source files', () => {
    expect(runTests({ files: { 'modules/billing/README.md': '# Billing\n' } })).toEqual([]);
  });

  it('does not ask git anything without --base', () => {
    const { git, calls } = createFakeGit([INVOICE]);
    runTests({ files: { ...SOURCE, 'modules/billing/tests/billing.spec.ts': '' }, git });
    expect(calls).toEqual([]);
  });

  describe('with --base', () => {
    const TESTED = { ...SOURCE, 'modules/billing/tests/billing.spec.ts': '' };

    it('asks git for changed and untracked files under the project root only', () => {
      const { git, calls } = createFakeGit([]);
      runTests({ files: TESTED, base: 'origin/main', git });
      expect(calls).toEqual([
        ['diff', '--name-only', 'origin/main', '--', 'modules/billing'],
        ['ls-files', '--others', '--exclude-standard', '--', 'modules/billing'],
      ]);
    });

    it('reports a changed source file without a test of the same name', () => {
      const { git } = createFakeGit([INVOICE]);
      const findings = runTests({ files: TESTED, base: 'origin/main', git });
      expect(findings).toEqual([
        {
          kind: 'tests/changed-file-untested',
          data: { testFile: 'modules/billing/tests/invoice.spec.ts' },
          title: 'Changed file has no test',
          file: INVOICE,
          line: 0,
          column: 0,
          found: 'invoice.ts',
          expected: 'a test named invoice.spec.ts or invoice.test.ts in billing for every source file changed since origin/main',
          fix: 'Create `modules/billing/tests/invoice.spec.ts` with tests of `invoice.ts`, or add them to an existing invoice.spec.ts',
          reference: 'modules/billing/CONVENTIONS.md#testing',
        },
      ]);
    });

    it('accepts a changed file whose test already exists, wherever it is', () => {
      const { git } = createFakeGit([INVOICE]);
      const files = { ...TESTED, 'modules/billing/src/lib/invoice.test.ts': '' };
      expect(runTests({ files, base: 'origin/main', git })).toEqual([]);
    });

    it('accepts a changed file whose test is new and untracked', () => {
      const { git } = createFakeGit([INVOICE], ['modules/billing/tests/invoice.spec.ts']);
      expect(runTests({ files: TESTED, base: 'origin/main', git })).toEqual([]);
    });

    it('reports an untracked source file without a test', () => {
      const { git } = createFakeGit([], [INVOICE]);
      expect(runTests({ files: TESTED, base: 'origin/main', git }).map((f) => f.file)).toEqual([INVOICE]);
    });

    it('ignores unchanged files, deleted files, tests and files of only types or re-exports', () => {
      const files = {
        ...TESTED,
        'modules/billing/src/lib/untouched.ts': 'export function a() {}\n',
        'modules/billing/src/lib/types.ts': 'export interface Invoice { id: string }\n',
        'modules/billing/src/index.ts': "export * from './lib/invoice';\n",
      };
      const { git } = createFakeGit([
        'modules/billing/src/lib/types.ts',
        'modules/billing/src/index.ts',
        'modules/billing/src/lib/removed.ts',
        'modules/billing/tests/billing.spec.ts',
      ]);
      expect(runTests({ files, base: 'origin/main', git })).toEqual([]);
    });

    it('matches paths that git names from a repository root above the workspace', () => {
      const { git } = createFakeGit([`workspace/${INVOICE}`]);
      expect(runTests({ files: TESTED, base: 'origin/main', git }).map((f) => f.file)).toEqual([INVOICE]);
    });

    it('suggests a test in the language of the source file', () => {
      const files = { ...TESTED, 'modules/billing/src/lib/list.tsx': 'export function List() { return null; }\n' };
      const { git } = createFakeGit(['modules/billing/src/lib/list.tsx']);
      const [finding] = runTests({ files, base: 'origin/main', git });
      expect(finding.fix).toBe('Create `modules/billing/tests/list.spec.tsx` with tests of `list.tsx`, or add them to an existing list.spec.tsx');
    });

    it('turns a git failure into one finding that says how to get the ref', () => {
      const git: GitRunner = () => {
        throw new Error("fatal: bad revision 'origin/mian'\n");
      };
      const findings = runTests({ files: TESTED, base: 'origin/mian', git });
      expect(findings).toEqual([
        {
          kind: 'tests/unreadable-base',
          title: 'Cannot read the --base ref',
          file: 'modules/billing',
          line: 0,
          column: 0,
          found: '--base=origin/mian',
          expected: "a git ref this clone has, so the files changed since it can be listed (git said: fatal: bad revision 'origin/mian')",
          fix:
            'Fetch it first with `git fetch origin mian` (in CI, check out with full history, e.g. fetch-depth: 0), ' +
            'or check the name with `git rev-parse --verify origin/mian` and pass a ref that exists',
          reference: 'modules/billing/CONVENTIONS.md#testing',
        },
      ]);
    });

    it('fetches a ref without a remote from origin', () => {
      const git: GitRunner = () => {
        throw new Error('fatal: ambiguous argument');
      };
      const [finding] = runTests({ files: TESTED, base: 'a1b2c3d', git });
      expect(finding.fix).toContain('`git fetch origin a1b2c3d`');
    });
  });
});
