import type { DependencyOptions, HarnessConfig } from './types';

/** ESLint's defaults for `@nx/enforce-module-boundaries`, so an unset option means what it means there. */
export const DEFAULT_DEPENDENCY_OPTIONS: DependencyOptions = {
  allow: [],
  banTransitiveDependencies: false,
  checkNestedExternalImports: false,
  enforceBuildableLibDependency: false,
  buildTargets: ['build'],
  allowCircularSelfDependency: false,
  ignoredCircularDependencies: [],
  checkDynamicDependenciesExceptions: [],
  ignore: [],
  edges: 'imports',
};

/** The dependency options of a config, defaults included. */
export function readDependencyOptions(config: Pick<HarnessConfig, 'dependencyOptions'>): DependencyOptions {
  return config.dependencyOptions ?? DEFAULT_DEPENDENCY_OPTIONS;
}
