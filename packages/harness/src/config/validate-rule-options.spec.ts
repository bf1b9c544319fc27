import { readConventions } from './read-conventions';
import { readHarnessConfig } from './read-harness-config';
import { resolveRuleSetting } from './resolve-rule-setting';
import type { RuleDeclaration } from './types';

/** Stand-ins for the rule table (config sits below rules): every keyword the real schemas use. */
const SIZES: RuleDeclaration = {
  id: 'sizes',
  defaultSeverity: 'warn',
  defaultOptions: { maxLines: 400, sections: ['Purpose'], mode: 'fast' },
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    properties: {
      maxLines: { type: 'integer', minimum: 1 },
      sections: { type: 'array', items: { type: 'string', minLength: 1 } },
      mode: { enum: ['fast', 'slow'] },
      strict: { type: 'boolean' },
      name: { type: 'string', minLength: 1 },
    },
  },
};
const PLAIN: RuleDeclaration = { id: 'plain', defaultSeverity: 'error' };
const RULES = [SIZES, PLAIN];

const errorOf = (fn: () => unknown): string => {
  try {
    fn();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected an error');
};
const load = (rules: string) => readHarnessConfig(`# the rules\nrules:\n${rules}`, RULES);

describe('rule options at load', () => {
  it.each([
    ['a misspelt key, with the key it meant', '  sizes:\n    severity: warn\n    maxLine: 300\n', 'harness: harness.yaml:5: unknown option "maxLine" in "rules.sizes"; did you mean "maxLines"? sizes takes severity, maxLines, sections, mode, strict, name'],
    ['a misspelt severity', '  sizes: { severty: warn }\n', 'harness: harness.yaml:3: unknown option "severty" in "rules.sizes"; did you mean "severity"?'],
    ['a key nothing is close to', '  sizes:\n    severity: warn\n    colour: red\n', 'harness: harness.yaml:5: unknown option "colour" in "rules.sizes"; remove it; sizes takes severity, maxLines'],
    ['an option of a rule without options', '  plain:\n    severity: error\n    maxLines: 3\n', 'harness: harness.yaml:5: unknown option "maxLines" in "rules.plain"; remove it; plain takes only severity'],
    ['a string for a list', '  sizes:\n    severity: warn\n    sections: Purpose\n', 'harness: harness.yaml:5: "sections" must be a list, got "Purpose"; write sections: ["Purpose"] (the default), or remove it'],
    ['a number in a list', '  sizes:\n    severity: warn\n    sections:\n      - Purpose\n      - 3\n', 'harness: harness.yaml:7: "sections[1]" must be a string, got 3; write sections: ["Purpose"] (the default)'],
    ['an empty string in a list', '  sizes:\n    severity: warn\n    sections: ["Purpose", ""]\n', 'harness: harness.yaml:5: "sections[1]" must not be empty, got ""'],
    ['a fraction for a whole number', '  sizes: { severity: warn, maxLines: 2.5 }\n', 'harness: harness.yaml:3: "maxLines" must be a whole number, got 2.5; write maxLines: 400 (the default), or remove it'],
    ['a value under the minimum', '  sizes:\n    severity: warn\n    maxLines: 0\n', 'harness: harness.yaml:5: "maxLines" must be at least 1, got 0'],
    ['a value outside the enum', '  sizes:\n    severity: warn\n    mode: quick\n', 'harness: harness.yaml:5: "mode" must be one of "fast", "slow", got "quick"; write mode: "fast" (the default)'],
    ['a string for a boolean, without a default', '  sizes:\n    severity: warn\n    strict: "yes"\n', 'harness: harness.yaml:5: "strict" must be true or false, got "yes"; correct the value, or remove the option'],
  ])('refuses %s with its line', (_name, rules, message) => {
    expect(errorOf(() => load(rules))).toContain(message);
  });

  it('checks the options before the severity, so a typo there is named', () => {
    expect(errorOf(() => load('  sizes: { severity: sometimes }\n'))).toContain('unknown severity "sometimes" for rule "sizes"');
  });

  it('accepts valid options and keeps them as written', () => {
    const config = load('  sizes: { severity: error, maxLines: 300, sections: [A, B], mode: slow, strict: true }\n  plain: off\n');
    expect(config.rules.sizes).toEqual({ severity: 'error', options: { maxLines: 300, sections: ['A', 'B'], mode: 'slow', strict: true } });
    expect(config.rules.plain).toEqual({ severity: 'off', options: {} });
  });

  it('refuses a bad option in CONVENTIONS.md front matter with the file line', () => {
    const config = load('  sizes: warn\n');
    const text = '---\nnaming: { functions: camelCase }\nrules:\n  sizes:\n    severity: error\n    maxLines: none\n---\n# Conventions\n';
    expect(errorOf(() => readConventions('libs/a/CONVENTIONS.md', text, config, RULES))).toBe(
      'harness: libs/a/CONVENTIONS.md:6: "maxLines" must be a whole number, got "none"; write maxLines: 400 (the default), or remove it',
    );
  });
});

describe('resolveRuleSetting', () => {
  const config = load('  sizes: { severity: error, maxLines: 300, mode: slow }\n');

  it('merges front matter over harness.yaml over the defaults, key by key', () => {
    const module = readConventions('a/CONVENTIONS.md', '---\nrules:\n  sizes: { severity: off, maxLines: 50 }\n---\n', config, RULES);
    expect(resolveRuleSetting(SIZES, config, module)).toEqual({ severity: 'off', options: { maxLines: 50, sections: ['Purpose'], mode: 'slow' } });
  });

  it('gives the workspace setting without a module, and the defaults without either', () => {
    expect(resolveRuleSetting(SIZES, config)).toEqual({ severity: 'error', options: { maxLines: 300, sections: ['Purpose'], mode: 'slow' } });
    expect(resolveRuleSetting(PLAIN, config, { rules: {} })).toEqual({ severity: 'error', options: {} });
  });
});
