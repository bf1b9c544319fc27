import fc from 'fast-check';
import { isHarnessConfigError } from './config-error';
import { readHarnessConfig } from './read-harness-config';
import { readConventions } from './read-conventions';

import type { RuleDeclaration } from './types';

const RULES: RuleDeclaration[] = [
  { id: 'naming', defaultSeverity: 'error' },
  { id: 'docs', defaultSeverity: 'error' },
  {
    id: 'file-size',
    defaultSeverity: 'warn',
    defaultOptions: { maxLines: 400 },
    optionsSchema: { type: 'object', additionalProperties: false, properties: { maxLines: { type: 'integer', minimum: 1 } } },
  },
];
const config = readHarnessConfig(undefined, RULES);

/** Either it parses, or it fails with a one-line HarnessConfigError; nothing else may escape. */
function expectParseOrConfigError(run: () => unknown): void {
  try {
    run();
  } catch (error) {
    expect(isHarnessConfigError(error)).toBe(true);
    expect((error as Error).message).toMatch(/^harness: [^\n]+:\d+: [^\n]+; [^\n]+$/);
  }
}

describe('front-matter and harness.yaml parsing (property)', () => {
  it('never crashes on random front matter', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (body) => {
        expectParseOrConfigError(() => readConventions('m/CONVENTIONS.md', `---\n${body}\n---\n# x\n`, config, RULES));
      }),
      { numRuns: 500 },
    );
  });

  it('never crashes on random YAML-shaped harness.yaml', () => {
    const key = fc.constantFrom('rules', 'conventions', 'dependencies', 'naming', 'coverage', 'constraints', 'sourceTag', 'x', '- a', '&a', '*a');
    const value = fc.oneof(fc.string({ maxLength: 12 }), fc.integer(), fc.constantFrom('[', '{', 'error', 'warn', '/[/', 'snake_case', '- x'));
    const line = fc.tuple(fc.nat({ max: 6 }), key, value).map(([indent, k, v]) => `${' '.repeat(indent)}${k}: ${v}`);
    fc.assert(
      fc.property(fc.array(line, { maxLength: 12 }), (lines) => {
        expectParseOrConfigError(() => readHarnessConfig(lines.join('\n'), RULES));
      }),
      { numRuns: 500 },
    );
  });
});
