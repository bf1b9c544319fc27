import { formatTextBlock } from '../report/text';
import { createTestCheckContext, createTestRuleContext } from '../testing/create-test-context';
import { checkNoConsole, noConsoleRule } from './no-console';

const SERVICE = 'modules/billing/src/lib/service.ts';

function runNoConsole(files: Record<string, string>, options: Record<string, unknown> = {}) {
  const check = createTestCheckContext({ projects: [{ name: 'billing', root: 'modules/billing' }], files });
  return checkNoConsole(createTestRuleContext(check, 'billing', { setting: { options } }));
}

describe('no-console rule', () => {
  it('is registered under its stable id as an error, naming the @nx/devkit logger', () => {
    expect(noConsoleRule.id).toBe('no-console');
    expect(noConsoleRule.defaultSeverity).toBe('error');
    expect(noConsoleRule.defaultOptions).toEqual({ logger: "the logger from @nx/devkit: `import { logger } from '@nx/devkit'`" });
  });

  it('reports a console call in module source with the logger call that replaces it', () => {
    const findings = runNoConsole({ [SERVICE]: "export function pay() {\n  console.log('paid');\n}\n" });
    expect(findings).toEqual([
      {
        kind: 'no-console/console-call',
        title: 'Console call in module source',
        file: SERVICE,
        line: 2,
        column: 3,
        found: 'console.log',
        expected: 'no console.* calls in module source; log through a logger',
        fix: "Replace `console.log` with `logger.info`, using the logger from @nx/devkit: `import { logger } from '@nx/devkit'`",
        reference: 'ARCHITECTURE.md#taste-invariants',
      },
    ]);
    expect(formatTextBlock({ ...findings[0], rule: 'no-console', severity: 'error', project: 'billing' })).toBe(
      [
        'ERROR: Console call in module source',
        `File: ${SERVICE}`,
        'Line: 2',
        'Found: `console.log`',
        'Expected pattern: no console.* calls in module source; log through a logger',
        "Fix: Replace `console.log` with `logger.info`, using the logger from @nx/devkit: `import { logger } from '@nx/devkit'`",
        'Reference: See ARCHITECTURE.md#taste-invariants',
      ].join('\n'),
    );
  });

  it('maps each console method to its logger level', () => {
    const source = ['warn', 'error', 'debug', 'time'].map((m) => `console.${m}('x');`).join('\n');
    expect(runNoConsole({ [SERVICE]: source }).map((f) => f.fix)).toEqual([
      "Replace `console.warn` with `logger.warn`, using the logger from @nx/devkit: `import { logger } from '@nx/devkit'`",
      "Replace `console.error` with `logger.error`, using the logger from @nx/devkit: `import { logger } from '@nx/devkit'`",
      "Replace `console.debug` with `logger.verbose`, using the logger from @nx/devkit: `import { logger } from '@nx/devkit'`",
      "Remove `console.time`, or log what it shows with the logger from @nx/devkit: `import { logger } from '@nx/devkit'`",
    ]);
  });

  it('names the configured logger in the fix', () => {
    const [finding] = runNoConsole({ [SERVICE]: "console.error('x');\n" }, { logger: 'the app logger: `import { logger } from "@acme/log"`' });
    expect(finding.fix).toBe('Replace `console.error` with `logger.error`, using the app logger: `import { logger } from "@acme/log"`');
  });

  it('leaves tests, files outside src and declaration files alone', () => {
    const call = "console.log('x');\n";
    const findings = runNoConsole({
      'modules/billing/src/lib/service.spec.ts': call,
      'modules/billing/tests/billing.test.ts': call,
      'modules/billing/scripts/seed.ts': call,
      'modules/billing/src/globals.d.ts': 'declare const c: Console;\n',
    });
    expect(findings).toEqual([]);
  });

  it('reports every call, each at its own line', () => {
    const findings = runNoConsole({ [SERVICE]: "console.log(1);\nconst x = 1;\nconsole.info(x);\n" });
    expect(findings.map((f) => [f.line, f.found])).toEqual([
      [1, 'console.log'],
      [3, 'console.info'],
    ]);
  });
});
