import type { Finding } from '../core/finding';
import type { Conventions, RuleDeclaration, RuleSetting } from '../config/types';
import type { CheckContext, ProjectInfo } from '../collect/types';

/** What one rule sees for one project. */
export interface RuleContext extends CheckContext {
  project: ProjectInfo;
  /** The project's conventions, CONVENTIONS.md front matter over harness.yaml. */
  conventions: Conventions;
  /** Workspace-relative path of the project's CONVENTIONS.md (it may not exist). */
  conventionsFile: string;
  setting: RuleSetting;
}

/**
 * A finding as a rule produces it, with its kind (and the data that kind carries); the runner
 * adds rule id, severity and project. The Omit distributes, so each kind keeps its own data type.
 */
export type RuleFinding = Finding extends infer F
  ? F extends Finding
    ? Omit<F, 'rule' | 'severity' | 'project'> & Partial<Pick<Finding, 'severity'>>
    : never
  : never;

/**
 * A rule is plain data plus one pure function over a read-only context. Its id, defaults and
 * option schema (`RuleDeclaration`) are what the config loader validates against; `ctx.setting`
 * then holds options that passed that schema, merged over `defaultOptions`.
 */
export interface Rule extends RuleDeclaration {
  /** One line for docs and `--help`. */
  description: string;
  /**
   * True when the rule also judges the workspace's own files (BRIEF.md, AGENTS.md, ...): it then
   * runs on the workspace project (root ''), and only such rules do.
   */
  judgesWorkspace?: boolean;
  check(context: RuleContext): RuleFinding[] | Promise<RuleFinding[]>;
}
