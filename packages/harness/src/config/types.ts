import type { Severity } from '../core/finding';

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

/** A module's conventions: CONVENTIONS.md front matter over `harness.yaml` `conventions`. */
export interface Conventions {
  naming: NamingConventions;
  coverage: CoverageThresholds;
  tests: { required: boolean };
  /** Folders under src/, earliest first; each may import only itself and earlier ones. */
  layers: string[];
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
  rules: Record<string, RuleSetting>;
  conventions: Conventions;
}
