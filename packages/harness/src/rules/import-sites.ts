import type { ImportRef } from '../core/source-facts';
import type { CheckContext, ResolvedImport } from '../collect/types';
import { CODE_FILE } from '../core/source-files';

/** Files whose imports the dependency rules read: the ones ESLint's module-boundaries rule lints. */
export function isSourceFile(file: string): boolean {
  return CODE_FILE.test(file);
}

/** An import together with where it leads. */
export interface ImportSite extends ImportRef {
  resolved: ResolvedImport;
}

/** Every import of a file, resolved; parsing goes through the run's once-per-file cache. */
export function readImportSites(ctx: Pick<CheckContext, 'readSource' | 'resolveImport'>, file: string): ImportSite[] {
  return ctx.readSource(file).imports.map((ref) => ({ ...ref, resolved: ctx.resolveImport(file, ref.specifier) }));
}

/** The imports of `file` that land in workspace project `project`. */
export function findImportsInto(
  ctx: Pick<CheckContext, 'readSource' | 'resolveImport'>,
  file: string,
  project: string,
): ImportSite[] {
  return readImportSites(ctx, file).filter((site) => site.resolved.project === project);
}

/** A workspace-relative path inside a project root ('' is the workspace root). */
export { joinRoot } from './project-files';

/** `a`, `a or b`, `a, b or c`: for the words of a message. */
export function joinWithOr(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}
