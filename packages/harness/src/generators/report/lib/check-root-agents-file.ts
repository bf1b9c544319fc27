import { resolveRuleSetting } from '../../../config/resolve-rule-setting';
import type { Finding } from '../../../core/finding';
import { agentsMdRule } from '../../../rules/agents-md';
import type { CheckContext, ProjectInfo } from '../../../collect/types';

/**
 * A stand-in for the workspace root. The agents-md rule checks the root AGENTS.md on the project
 * with root ''; there it looks at no module folder, so it checks the root file alone.
 */
const ROOT_STAND_IN: ProjectInfo = { name: '', root: '', tags: [], files: [], importAliases: [], entryPoints: [] };

export interface RootAgentsCheck {
  /** The rule's line budget for the root AGENTS.md, as configured. */
  maxLines: number;
  /** Findings of the agents-md rule on the root AGENTS.md. */
  findings: Finding[];
}

/**
 * Runs the agents-md rule on the root AGENTS.md, so the report judges paths, links, anchors,
 * npm scripts and Nx targets exactly as the workspace check does.
 */
export async function checkRootAgentsFile(context: CheckContext): Promise<RootAgentsCheck> {
  const options = resolveRuleSetting(agentsMdRule, context.config).options;
  const found = await agentsMdRule.check({
    ...context,
    projects: { ...context.projects, [ROOT_STAND_IN.name]: ROOT_STAND_IN },
    project: ROOT_STAND_IN,
    conventions: context.config.conventions,
    conventionsFile: 'CONVENTIONS.md',
    setting: { severity: 'error', options },
  });
  const findings = found
    .filter((f) => f.file === 'AGENTS.md')
    .map((f) => ({ ...f, rule: agentsMdRule.id, severity: f.severity ?? 'error', project: ROOT_STAND_IN.name }));
  return { maxLines: Number(options.maxLines), findings };
}
