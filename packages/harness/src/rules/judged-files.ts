import type { RuleContext } from './types';

/**
 * Whether the run keeps this file's findings (CheckContext.isJudged). Only loops whose findings in
 * one file depend on that file alone ask: a one-file check at 1,000 projects then reads and judges
 * one file of the project instead of all of them, and finds in it exactly what a whole run finds.
 */
export function isJudgedFile(ctx: RuleContext, file: string): boolean {
  return ctx.isJudged?.(ctx.project.name, file) ?? true;
}
