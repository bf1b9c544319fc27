import { isHarnessConfigError } from '../config/config-error';
import type { Rule, RuleContext, RuleFinding } from '../rules/types';

/** The title of the finding a rule that throws leaves behind. */
export const RULE_FAILED_TITLE = 'Rule failed';

/**
 * Runs one rule over one project so that its exception, thrown or rejected, costs one finding and
 * not the project: every other rule still reports. The finding is an error whatever the rule's
 * severity, since a rule that did not finish cannot vouch for the code (fail closed). A bad
 * configuration is not a rule's bug, so it still ends the run with its one line.
 */
export async function runIsolatedRule(rule: Rule, ctx: RuleContext, selectedRules: readonly string[]): Promise<RuleFinding[]> {
  let lastFile: string | undefined;
  // Which file the rule read last is the best clue to the input that broke it; rules read only through the context.
  const tracked: RuleContext = {
    ...ctx,
    readSource: (file) => ctx.readSource((lastFile = file)),
    readText: (file) => ctx.readText((lastFile = file)),
  };
  try {
    return await rule.check(tracked);
  } catch (error) {
    if (isHarnessConfigError(error)) throw error;
    return [createRuleFailedFinding(rule, ctx, error, lastFile, selectedRules)];
  }
}

function createRuleFailedFinding(
  rule: Rule,
  ctx: RuleContext,
  error: unknown,
  lastFile: string | undefined,
  selectedRules: readonly string[],
): RuleFinding {
  const others = selectedRules.filter((id) => id !== rule.id);
  const skip = others.length > 0 ? `run with --rules=${others.join(',')}, or set` : 'set';
  const where = lastFile ? `, last reading ${lastFile}` : '';
  return {
    kind: 'internal/rule-failed',
    title: RULE_FAILED_TITLE,
    severity: 'error',
    file: lastFile ?? (ctx.project.root || '.'),
    line: 0,
    column: 0,
    found: describeError(error),
    expected: `the ${rule.id} rule judges project ${ctx.project.name} without an internal error (it threw${where}); the other rules' findings are complete`,
    fix:
      `This is a bug in harness, not in your code: report it with this block. Until it is fixed, skip the rule: ` +
      `${skip} \`${rule.id}: off\` under \`rules:\` in ${ctx.config.file}`,
    reference: 'ARCHITECTURE.md#rules',
  };
}

/** `TypeError: x is not a function`: the error's first line, never its stack. */
function describeError(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : `thrown value: ${String(error)}`;
  return text.split('\n')[0];
}
