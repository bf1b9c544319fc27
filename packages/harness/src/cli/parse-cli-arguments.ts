import { parseArgs } from 'node:util';
import { HarnessUsageError } from '../config/config-error';

/** What `harness <command>` was asked to do. */
export type CliCommand =
  | { command: 'check'; paths: string[]; options: Record<string, unknown>; hook?: HookName }
  | { command: 'mcp' }
  | { command: 'help' }
  | { command: 'version' };

export const USAGE = `usage: harness <command>

  harness check [paths...]   check files, folders or projects (default: files changed against git HEAD)
      --format=text|json|sarif|github   --rules=a,b   --fix   --base=<git ref>   --baseline=<file>
      --hook=claude          read a Claude Code hook payload on stdin; exit 2 with the blocks on stderr
      --hook=cursor          read a Cursor stop-hook payload on stdin; check the changed files and print
                             {"followup_message": ...} on an error finding, {} otherwise
      --hook=codex|copilot   read a Codex Stop or Copilot agentStop payload on stdin; check the changed
                             files and print {"decision":"block","reason": ...} on an error finding
                             (a Codex PostToolUse payload on apply_patch: as --hook=claude)
  harness mcp                a stdio MCP server: check_files, explain_rules, list_modules, fix_files
  harness --help | --version`;

const HOOKS = ['claude', 'cursor', 'codex', 'copilot'] as const;
/** The agents whose hook payload `--hook` reads. */
export type HookName = (typeof HOOKS)[number];

/** Reads argv (without node and the script); a bad flag is one usage line, never a stack trace. */
export function parseCliArguments(argv: string[]): CliCommand {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') return { command: 'help' };
  if (command === '--version' || command === '-v') return { command: 'version' };
  if (command === 'mcp') return { command: 'mcp' };
  if (command !== 'check') {
    throw new HarnessUsageError(command, 'is not a harness command', 'use `harness check [paths...]` or `harness mcp` (`harness --help` lists them)');
  }
  let parsed;
  try {
    parsed = parseArgs({
      args: rest,
      allowPositionals: true,
      options: {
        format: { type: 'string' },
        rules: { type: 'string' },
        fix: { type: 'boolean' },
        base: { type: 'string' },
        baseline: { type: 'string' },
        hook: { type: 'string' },
        verbose: { type: 'boolean' },
      },
    });
  } catch (error) {
    // Node's message goes on about positionals after `--`; its first sentence names the problem.
    throw new HarnessUsageError('harness check', (error as Error).message.split(/\.(\s|$)/)[0], 'see `harness --help`');
  }
  const { hook, ...options } = parsed.values;
  if (hook !== undefined && !(HOOKS as readonly string[]).includes(hook)) {
    throw new HarnessUsageError('--hook', `unknown hook "${hook}"`, `use one of ${HOOKS.join(', ')}`);
  }
  return { command: 'check', paths: parsed.positionals, options, hook: hook as HookName | undefined };
}
