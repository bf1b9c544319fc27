import type { Tree } from '@nx/devkit';

const SKELETON: Record<string, string> = {
  'docs/design-docs/index.md': '# Design docs\n\nOne file per decision that outlives a pull request. List them here with a one-line summary.\n',
  'docs/exec-plans/active/.gitkeep': '',
  'docs/exec-plans/completed/.gitkeep': '',
  'docs/tech-debt-tracker.md':
    '# Tech-debt tracker\n\n| Item | Where | Why it matters | Plan |\n| --- | --- | --- | --- |\n',
};

/** The `docs/` system of record: written once, never overwritten. */
export function writeDocsSkeleton(tree: Tree): void {
  for (const [file, text] of Object.entries(SKELETON)) {
    if (!tree.exists(file)) tree.write(file, text);
  }
}
