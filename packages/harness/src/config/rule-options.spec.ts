import Ajv from 'ajv';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { RULES } from '../rules';
import type { Rule } from '../rules/types';
import { isHarnessConfigError, type HarnessConfigError } from './config-error';
import { readConventions } from './read-conventions';
import { readHarnessConfig } from './read-harness-config';
import { compileOptionsSchema } from './validate-rule-options';

/** Every rule that takes options, with the real rule table: the loader and the shipped schema agree on each. */
const schema = JSON.parse(fs.readFileSync(path.join(__dirname, '../../schemas/harness.schema.json'), 'utf8'));
const validateShipped = new Ajv({ strict: false }).compile(schema);
const WITH_OPTIONS = RULES.filter((r) => r.optionsSchema);

const loadError = (text: string): HarnessConfigError | undefined => {
  try {
    readHarnessConfig(text, RULES);
    return undefined;
  } catch (error) {
    if (!isHarnessConfigError(error)) throw error;
    return error;
  }
};

/** A value of the wrong type (or outside the enum) for an option schema. */
function mistype(option: Record<string, unknown>): unknown {
  if (option.enum) return 'not-one-of-them';
  return option.type === 'string' ? 3 : 'three';
}

/** The rule's entry in block style, so each option sits on its own line (line 4 + its index). */
function writeRule(rule: Rule, options: Record<string, unknown>): string {
  const lines = Object.entries(options).map(([key, value]) => `    ${key}: ${JSON.stringify(value)}`);
  return ['# harness.yaml', 'rules:', `  ${rule.id}:`, `    severity: ${rule.defaultSeverity}`, ...lines, ''].join('\n');
}

describe('rule options', () => {
  it('cover the rules that read options', () => {
    expect(WITH_OPTIONS.map((r) => r.id).sort()).toEqual(['agents-md', 'api-contract', 'circular', 'coverage', 'docs', 'file-size', 'layers', 'naming', 'no-console', 'tests']);
  });

  describe.each(WITH_OPTIONS.map((r) => [r.id, r] as const))('%s', (_id, rule) => {
    const properties = rule.optionsSchema?.properties ?? {};

    it('declares a valid draft-07 schema for exactly its default options, and the defaults pass it', () => {
      // The run compiles without the meta-schema check; this is where a bad keyword is caught.
      expect(() => new Ajv({ strict: true }).compile(rule.optionsSchema!)).not.toThrow();
      const validate = compileOptionsSchema(rule.optionsSchema!);
      if (rule.defaultOptions) expect(Object.keys(properties).sort()).toEqual(Object.keys(rule.defaultOptions).sort());
      expect(validate(rule.defaultOptions ?? {})).toBe(true);
    });

    it('accepts its defaults written out, in harness.yaml and in the shipped schema', () => {
      const text = writeRule(rule, rule.defaultOptions ?? {});
      expect(loadError(text)).toBeUndefined();
      expect(validateShipped(parse(text))).toBe(true);
    });

    it.each(Object.keys(properties))('refuses a misspelt %s at its line, with the right key', (key) => {
      const options = { ...rule.defaultOptions };
      const typo = `${key}s`;
      const text = writeRule(rule, { ...options, [typo]: options[key] ?? true });
      const error = loadError(text);
      expect(error?.line).toBe(5 + Object.keys(options).length);
      expect(error?.message).toContain(`unknown option "${typo}" in "rules.${rule.id}"; did you mean "${key}"?`);
      expect(validateShipped(parse(text))).toBe(false);
    });

    it.each(Object.entries(properties).map(([key, option], i) => [key, option, i] as const))('refuses a mistyped %s at its line', (key, option, i) => {
      const value = mistype(option);
      const text = writeRule(rule, { ...rule.defaultOptions, [key]: value });
      const error = loadError(text);
      expect(error?.line).toBe(5 + i);
      expect(error?.message).toContain(`"${key}" must be `);
      expect(error?.message).toContain(`, got ${JSON.stringify(value)}; `);
      expect(validateShipped(parse(text))).toBe(false);
    });

    it('refuses a mistyped option in CONVENTIONS.md front matter at the file line', () => {
      const [key, option] = Object.entries(properties)[0];
      const text = `---\nrules:\n  ${rule.id}:\n    severity: off\n    ${key}: ${JSON.stringify(mistype(option))}\n---\n# Conventions\n`;
      expect(() => readConventions('libs/a/CONVENTIONS.md', text, readHarnessConfig(undefined, RULES), RULES)).toThrow(
        new RegExp(`^harness: libs/a/CONVENTIONS\\.md:5: "${key}" must be `),
      );
    });
  });
});
