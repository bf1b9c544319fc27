import type { Severity } from '../core/finding';
import type { DepConstraint } from '../core/dep-constraint';

/**
 * The other options of `@nx/enforce-module-boundaries`, under `dependencies:` with ESLint's names,
 * plus `ignore`: files the dependency rules leave out (what the repo's ESLint never lints).
 */
export interface DependencyOptions {
  /** Import specifiers exempt from every dependency check (ESLint's `allow`: regexes, or globs ending in `/*`, `/**`). */
  allow: string[];
  /** Reports imports of npm packages that neither the project's nor the root package.json declares. */
  banTransitiveDependencies: boolean;
  /** Applies bannedExternalImports/allowedExternalImports to the packages a dependency uses, transitively. */
  checkNestedExternalImports: boolean;
  /** A buildable library may not import a library without one of `buildTargets`. */
  enforceBuildableLibDependency: boolean;
  buildTargets: string[];
  /** Lets a project import itself through its own import alias. */
  allowCircularSelfDependency: boolean;
  /** Pairs of project names, globs or `tag:` patterns whose cycles are not reported. */
  ignoredCircularDependencies: Array<[string, string]>;
  /** Imports that may be static although the project is also lazy-loaded. */
  checkDynamicDependenciesExceptions: string[];
  /** Workspace-relative globs (`!` re-includes; the last match wins) that the dependency rules skip. */
  ignore: string[];
  /** harness only: `imports` judges edges with an import (ESLint's reading); `graph` every project-graph edge. */
  edges: 'imports' | 'graph';
}

/** A naming style name, or a custom `/regex/`. */
export type NamingStyle = string;

export interface NamingConventions {
  functions?: NamingStyle;
  classes?: NamingStyle;
  variables?: NamingStyle;
  constants?: NamingStyle;
  types?: NamingStyle;
  files?: NamingStyle;
}

export interface CoverageThresholds {
  lines: number;
  branches: number;
  functions: number;
  statements: number;
}

/**
 * One entry of `layers`: a folder under src/, or a group of peer folders, each of which may import
 * itself and the earlier layers but never another folder of its group.
 */
export type Layer = string | string[];

/** A module's conventions: CONVENTIONS.md front matter over `harness.yaml` `conventions`. */
export interface Conventions {
  naming: NamingConventions;
  coverage: CoverageThresholds;
  tests: { required: boolean };
  /** Folders under src/, earliest first; each may import only itself and earlier layers. */
  layers: Layer[];
}

/**
 * The JSON schema (draft-07) of a rule's options: an object that refuses unknown keys, with a
 * schema per option. It is data: the loader validates with it, and the shipped harness.schema.json
 * holds the same object, so editors and the check agree.
 */
export interface OptionsSchema {
  type: 'object';
  additionalProperties: false;
  properties: Record<string, Record<string, unknown>>;
}

/**
 * What the config loader and the setting resolver need of a rule. Rules pass it down (config
 * never imports rules): `Rule` extends it.
 */
export interface RuleDeclaration {
  id: string;
  defaultSeverity: Severity;
  /** Default options, merged under the user's. */
  defaultOptions?: Record<string, unknown>;
  /** Absent: the rule takes no options, and any option set for it is refused. */
  optionsSchema?: OptionsSchema;
}

/** A rule's severity plus its options (e.g. `maxLines`). */
export interface RuleSetting {
  severity: Severity;
  options: Record<string, unknown>;
}

/** `harness.yaml`, validated and with defaults applied. */
export interface HarnessConfig {
  /** Workspace-relative path of the file the config came from (`harness.yaml`). */
  file: string;
  constraints: DepConstraint[];
  /** Missing on configs built by hand (tests); `readDependencyOptions` fills in the defaults. */
  dependencyOptions?: DependencyOptions;
  rules: Record<string, RuleSetting>;
  conventions: Conventions;
}
