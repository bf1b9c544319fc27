import { gradeScore } from './grade-score';
import type { RootAgentsCheck } from './check-root-agents-file';
import { judgeAgentsFile } from './judge-agents-file';
import { judgeArchitecture, judgeBrief, judgeDocsSkeleton, judgeModuleDocs } from './judge-workspace-docs';
import type { LegibilityScore, ModuleScore, WorkspaceFiles } from './types';

/** How easily an agent finds its way: the share of legibility criteria met, graded like a module. */
export function scoreLegibility(files: WorkspaceFiles, agents: RootAgentsCheck, modules: ModuleScore[]): LegibilityScore {
  const criteria = [
    ...judgeAgentsFile(files, agents),
    judgeBrief(files, modules),
    judgeArchitecture(files),
    judgeDocsSkeleton(files),
    judgeModuleDocs(modules),
  ];
  const score = Math.round((100 * criteria.filter((c) => c.passed).length) / criteria.length);
  return { score, grade: gradeScore(score), criteria };
}
