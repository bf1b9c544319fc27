/** One `dependencies.constraints` entry; fields and meaning follow `@nx/enforce-module-boundaries`. */
export interface DepConstraint {
  sourceTag?: string;
  allSourceTags?: string[];
  onlyDependOnLibsWithTags?: string[];
  notDependOnLibsWithTags?: string[];
  bannedExternalImports?: string[];
  allowedExternalImports?: string[];
  /** Why the constraint exists; printed in the Fix line. */
  explanation?: string;
  /** harness only: the kinds of import the constraint judges (all three when unset). */
  importKinds?: ImportKind[];
  /** harness only: globs relative to the project root; the constraint judges only these files. */
  files?: string[];
  /** harness only: globs relative to the project root; the constraint judges every file but these. */
  excludeFiles?: string[];
}

/**
 * How an import is loaded: `type` is erased at run time (`import type`, `export type ... from`, an
 * import whose every binding is `type`-qualified, an `import("x").T` type query); `dynamic` is a
 * lazy `import()`; everything else, `require()` included, is `static`.
 */
export type ImportKind = 'static' | 'dynamic' | 'type';

export const IMPORT_KINDS: readonly ImportKind[] = ['static', 'dynamic', 'type'];
