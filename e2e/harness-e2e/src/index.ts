export { findSummaryLine, parseFindingBlocks, type FindingBlock } from './finding-blocks';
export { ensureTarball, REPO_ROOT } from './ensure-tarball';
export { listFiles } from './list-files';
export { createNxEnv, runCommand, runNx, stripAnsi, type CommandResult, type RunOptions } from './run-command';
export { readGitStatus, snapshotFiles } from './snapshot-files';
export { createUserWorkspace, removeUserWorkspace } from './workspace';
export { createWorkspaceFiles } from './workspace-files';
