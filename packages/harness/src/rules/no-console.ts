import type { OptionsSchema } from '../config/types';
import type { Rule, RuleContext, RuleFinding } from './types';
import { listSourceFiles } from './project-files';


/** The logger call that replaces each console method; debug output belongs behind verbose. */
const LOGGER_METHOD: Record<string, string> = {
  log: 'info',
  info: 'info',
  dir: 'info',
  table: 'info',
  warn: 'warn',
  error: 'error',
  debug: 'verbose',
  trace: 'verbose',
};

export interface NoConsoleOptions {
  /** The logger the fix names, in words an agent can act on. */
  logger: string;
}

const DEFAULT_OPTIONS: NoConsoleOptions = {
  logger: "the logger from @nx/devkit: `import { logger } from '@nx/devkit'`",
};
const OPTIONS_SCHEMA: OptionsSchema = {
  type: 'object',
  additionalProperties: false,
  properties: { logger: { type: 'string', minLength: 1, description: 'The logger the fix names, in words an agent can act on.' } },
};

/**
 * A taste invariant: module code logs through a logger, which the host can silence, level and
 * redirect; `console.*` writes straight to the terminal. Tests may use the console.
 */
export const noConsoleRule: Rule = {
  id: 'no-console',
  description: 'No console.* calls in module source; log through a logger.',
  defaultSeverity: 'error',
  defaultOptions: { ...DEFAULT_OPTIONS },
  optionsSchema: OPTIONS_SCHEMA,
  check: checkNoConsole,
};

export function checkNoConsole(ctx: RuleContext): RuleFinding[] {
  const options = { ...DEFAULT_OPTIONS, ...ctx.setting.options } as NoConsoleOptions;
  const findings: RuleFinding[] = [];
  for (const file of listSourceFiles(ctx.project)) {
    for (const call of ctx.readSource(file).consoleCalls) {
      findings.push({
        kind: 'no-console/console-call',
        title: 'Console call in module source',
        file,
        line: call.line,
        column: call.column,
        found: `console.${call.method}`,
        expected: 'no console.* calls in module source; log through a logger',
        fix: describeReplacement(call.method, options.logger),
        reference: 'ARCHITECTURE.md#taste-invariants',
      });
    }
  }
  return findings;
}

function describeReplacement(method: string, logger: string): string {
  const replacement = LOGGER_METHOD[method];
  if (replacement) return `Replace \`console.${method}\` with \`logger.${replacement}\`, using ${logger}`;
  return `Remove \`console.${method}\`, or log what it shows with ${logger}`;
}
