import * as path from 'node:path';
import type { Finding } from '../core/finding';
import type { ProjectInfo } from '../collect/types';
import { readFindingData } from './classify-finding';
import type { WorkspaceLanguageService } from './create-language-service';
import { isInsideProject } from './is-inside-project';
import type { FixChange, PlanOutcome, SkippedFinding } from './types';
import type { WorkspaceDraft } from './workspace-draft';

/**
 * Creates each missing test file as a stub that fails until it is replaced: a pending test
 * (`it.todo`) would pass, and the module would look tested. The stub names the exports to test,
 * read from the draft, so names renamed earlier in the same fix appear as they will be.
 */
export function planTestStubs(ls: WorkspaceLanguageService, draft: WorkspaceDraft, project: ProjectInfo, findings: Finding[]): PlanOutcome {
  const changes: FixChange[] = [];
  const skipped: SkippedFinding[] = [];
  for (const finding of findings) {
    const { testFile } = readFindingData(finding, 'tests/no-tests', 'tests/changed-file-untested')!;
    // A module with no tests is about the public API; a changed file with no test about that file.
    const subject = finding.kind === 'tests/no-tests' ? project.entryPoints[0] : finding.file;
    if (!isInsideProject(project, testFile)) {
      skipped.push({ finding, reason: `${testFile} is outside ${project.name}; --fix creates tests only inside the module` });
    } else if (draft.readText(testFile) !== undefined) {
      skipped.push({ finding, reason: `${testFile} exists now; run the check again` });
    } else {
      const names = subject ? listExportedNames(ls, subject) : [];
      const label = subject ? path.posix.relative(project.root || '.', subject) : undefined;
      draft.writeText(testFile, renderTestStub(project.name, label, names));
      const what = names.length ? ` naming ${names.join(', ')}` : '';
      changes.push({ file: testFile, kind: 'create-file', description: `created ${testFile}, a failing test stub${what} to replace with real tests` });
    }
  }
  return { changes, skipped };
}

/** The names a file exports, values first (they carry behaviour); types only when there are no values. */
function listExportedNames(ls: WorkspaceLanguageService, file: string): string[] {
  const t = ls.ts;
  const program = ls.service.getProgram();
  const sourceFile = ls.getSourceFile(file);
  if (!program || !sourceFile) return [];
  const checker = program.getTypeChecker();
  const moduleSymbol = checker.getSymbolAtLocation(sourceFile);
  if (!moduleSymbol) return [];
  const exports = checker.getExportsOfModule(moduleSymbol);
  const isValue = (s: (typeof exports)[number]) => ((s.flags & t.SymbolFlags.Alias ? checker.getAliasedSymbol(s) : s).flags & t.SymbolFlags.Value) !== 0;
  const values = exports.filter(isValue).map((s) => s.getName());
  return values.length ? values : exports.map((s) => s.getName());
}

function renderTestStub(project: string, subject: string | undefined, names: string[]): string {
  const what = subject ? `${names.length ? `${names.join(', ')} from ` : 'the exports of '}${subject}` : `the public API of ${project}`;
  return [
    '// harness:todo: written by harness-check --fix. It fails on purpose until it is replaced by real tests.',
    `describe(${JSON.stringify(project)}, () => {`,
    `  it(${JSON.stringify(`has tests of ${subject ?? 'its public API'}`)}, () => {`,
    `    throw new Error(${JSON.stringify(`harness: write tests for ${what}`)});`,
    '  });',
    '});',
    '',
    '// Keeps this file a module, as isolatedModules requires.',
    'export {};',
    '',
  ].join('\n');
}
