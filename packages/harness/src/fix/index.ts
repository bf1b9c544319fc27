/** `harness-check --fix`: safe mechanical fixes of a project's findings. */
export { fixFindings } from './fix-findings';
export { updateProjectFiles } from './update-project-files';
export type { FixChange, FixFileSystem, FixInput, FixResult, SkippedFinding } from './types';
