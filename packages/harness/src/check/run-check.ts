import type { Finding } from '../core/finding';
import type { ModuleConventions } from '../config/read-conventions';
import { loadLater } from '../core/load-later';
import { resolveRuleSetting } from '../config/resolve-rule-setting';
import { RULES, RULE_IDS } from '../rules';
import type { RuleContext } from '../rules/types';
import type { CheckContext, ProjectInfo } from '../collect/types';
import { findParseErrors } from './find-parse-errors';
import { runIsolatedRule } from './run-isolated-rule';

// Front matter is validated here only without harness check's config cache, which passes its own reader.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const loadConventionsReader = loadLater(__filename, () => require('../config/read-conventions') as typeof import('../config/read-conventions'));

export interface CheckResult {
  findings: Finding[];
  filesChecked: number;
  projectsChecked: number;
}

/**
 * Runs the selected rules over the named projects. Everything costly (graph, file map, parsed
 * sources) lives in `context` and is shared, so checking 1,000 projects costs one collect.
 * The workspace project (root '') owns every file no module owns; only the rules that judge the
 * workspace run there, over the workspace docs, never over those files as code.
 */
export async function runCheck(
  context: CheckContext,
  projectNames: string[],
  onlyRules?: string[],
  // `harness check` passes its cached reader (collect/config-cache.ts); the default reads the file.
  readModule: (conventionsFile: string) => ModuleConventions = (file) => loadConventionsReader().readConventions(file, context.readText(file), context.config, RULES),
): Promise<CheckResult> {
  const findings: Finding[] = [];
  let filesChecked = 0;
  for (const name of projectNames) {
    const project = context.projects[name];
    if (!project) continue;
    const isWorkspace = project.root === '';
    filesChecked += isWorkspace ? listWorkspaceFiles(project).length : project.files.length;
    const conventionsFile = project.root ? `${project.root}/CONVENTIONS.md` : 'CONVENTIONS.md';
    const module = readModule(conventionsFile);
    for (const rule of RULES) {
      if (onlyRules && !onlyRules.includes(rule.id)) continue;
      if (isWorkspace && !rule.judgesWorkspace) continue;
      const setting = resolveRuleSetting(rule, context.config, module);
      if (setting.severity === 'off') continue;
      const ruleContext: RuleContext = { ...context, project, conventions: module.conventions, conventionsFile, setting };
      for (const f of await runIsolatedRule(rule, ruleContext, onlyRules ?? RULE_IDS)) {
        findings.push({ ...f, rule: rule.id, severity: f.severity ?? setting.severity, project: name });
      }
    }
    if (!isWorkspace) findings.push(...findParseErrors(context, project));
  }
  return { findings, filesChecked, projectsChecked: projectNames.length };
}

/** The files the workspace check judges, of those the workspace project owns. */
function listWorkspaceFiles(project: ProjectInfo): string[] {
  return project.files.filter((f) => WORKSPACE_FILE.test(f));
}

const WORKSPACE_FILE = /^(?:BRIEF\.md|AGENTS\.md|ARCHITECTURE\.md|CONVENTIONS\.md|harness\.yaml|docs\/.*)$/;

export type { ProjectInfo };
