import { resolveRuleSetting } from '../../../config/resolve-rule-setting';
import { readConventions } from '../../../config/read-conventions';
import type { Finding } from '../../../core/finding';
import { docsRule } from '../../../rules/docs';
import { RULES } from '../../../rules';
import type { CheckContext, ProjectInfo } from '../../../collect/types';
import { checkModuleDocument, isDocumentWritten } from './check-module-document';
import { capGrade, combineScores, gradeScore } from './grade-score';
import { scoreCoverage } from './score-coverage';
import { scoreDocs } from './score-docs';
import { countFindings, scoreFindings } from './score-findings';
import { scoreTests } from './score-tests';
import type { ModuleScore, WorkspaceFiles } from './types';

interface DocsOptions {
  readmeSections: string[];
  conventionsSections: string[];
}

/** Scores one module in every dimension from its documents, files, coverage report and findings. */
export function scoreModule(context: CheckContext, files: WorkspaceFiles, project: ProjectInfo, findings: Finding[]): ModuleScore {
  const conventionsFile = `${project.root}/CONVENTIONS.md`;
  const module = readConventions(conventionsFile, context.readText(conventionsFile), context.config, RULES);
  // The sections the docs rule requires of this module, so the report and the check agree.
  const options = resolveRuleSetting(docsRule, context.config, module).options as unknown as DocsOptions;
  const documents = [
    checkModuleDocument(files, `${project.root}/README.md`, options.readmeSections),
    checkModuleDocument(files, conventionsFile, options.conventionsSections),
  ];
  const dimensions = {
    docs: scoreDocs(documents),
    tests: scoreTests(project, findings),
    coverage: scoreCoverage(context, project, module, findings),
    findings: scoreFindings(project.name, findings),
  };
  const score = combineScores({
    docs: dimensions.docs.score,
    tests: dimensions.tests.score,
    coverage: dimensions.coverage.score,
    findings: dimensions.findings.score,
  });
  const hasErrors = findings.some((f) => f.severity === 'error');
  return {
    name: project.name,
    root: project.root,
    score,
    grade: capGrade(gradeScore(score), hasErrors),
    dimensions,
    findings: countFindings(findings),
    docsWritten: documents.every(isDocumentWritten),
  };
}
