import type { Finding } from '../../../core/finding';
import type { ProjectInfo } from '../../../collect/types';
import type { DimensionScore } from './types';
import { isParsedCode, TEST_FILE } from '../../../core/source-files';

/**
 * Tests score: 100 with at least one test file, 0 without. A module with no code has nothing to
 * test and scores 100. The gap reuses the tests rule's Fix line when the check made one, so the
 * report and the check name the same file to create.
 */
export function scoreTests(project: ProjectInfo, findings: Finding[]): DimensionScore {
  const tests = project.files.filter((f) => TEST_FILE.test(f));
  const code = project.files.filter((f) => isParsedCode(f) && !TEST_FILE.test(f));
  if (tests.length > 0) {
    const shown = tests.slice(0, 3).join(', ') + (tests.length > 3 ? ', …' : '');
    return { score: 100, evidence: [`${tests.length} test file${tests.length === 1 ? '' : 's'}: ${shown}`], gaps: [] };
  }
  if (code.length === 0) return { score: 100, evidence: ['no code files, so nothing to test'], gaps: [] };
  const fromCheck = findings.find((f) => f.rule === 'tests')?.fix;
  const fallback = `Create \`${project.root}/tests/${project.name}.spec.ts\` with tests of the module's public API`;
  return {
    score: 0,
    evidence: [`no *.spec.* or *.test.* file among ${code.length} code file${code.length === 1 ? '' : 's'} in ${project.root}`],
    gaps: [fromCheck ?? fallback],
  };
}
