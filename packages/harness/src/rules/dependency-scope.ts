import { readDependencyOptions } from '../config/dependency-options';
import type { DependencyOptions, HarnessConfig } from '../config/types';
import { createPathFilter } from '../core/path-glob';
import { matchesAnyImportWildcard } from '../core/tag-match';
import type { CheckContext } from '../collect/types';

/** What the dependency rules leave out, from `dependencies.ignore` and `dependencies.allow`. */
export interface DependencyScope {
  options: DependencyOptions;
  /** A file the repo's ESLint never lints: no dependency rule reports a finding in it. */
  isIgnoredFile(file: string): boolean;
  /** An import specifier exempt from every check of ESLint's module-boundaries rule. */
  isAllowedImport(specifier: string): boolean;
}

const scopes = new WeakMap<HarnessConfig, DependencyScope>();

/** The scope of one run's config, built once and shared by every project and rule. */
export function readDependencyScope(ctx: Pick<CheckContext, 'config'>): DependencyScope {
  let scope = scopes.get(ctx.config);
  if (!scope) {
    const options = readDependencyOptions(ctx.config);
    const isIgnoredFile = createPathFilter(options.ignore);
    const allow = options.allow;
    scope = {
      options,
      isIgnoredFile,
      isAllowedImport: allow.length === 0 ? () => false : (specifier) => matchesAnyImportWildcard(allow, specifier),
    };
    scopes.set(ctx.config, scope);
  }
  return scope;
}
