import type { RuleDeclaration } from './types';

const SEVERITY = { $ref: '#/definitions/severity' };

/**
 * The shipped harness.schema.json with its rule part made from the rule table: each rule takes a
 * severity, or `{ severity, ...options }` with exactly the options its schema declares (plus their
 * defaults, for editors); a rule without options refers to `definitions.rule`. The rest of
 * `shipped` is kept. `scripts/write-harness-schema.mjs` writes the result; a test fails when
 * rendering the file changes it, so the schema editors read is the one the loader applies.
 */
export function renderHarnessSchema(shipped: Record<string, unknown>, rules: readonly RuleDeclaration[]): Record<string, unknown> {
  const definitions = { ...(shipped.definitions as Record<string, unknown>), rule: renderSettingSchema({}) };
  const properties = shipped.properties as Record<string, unknown>;
  return { ...shipped, definitions, properties: { ...properties, rules: renderRulesSchema(rules) } };
}

function renderRulesSchema(rules: readonly RuleDeclaration[]): Record<string, unknown> {
  return {
    type: 'object',
    description: 'Per rule: error | warn | off, or { severity, ...options }.',
    propertyNames: { enum: rules.map((r) => r.id) },
    properties: Object.fromEntries(
      rules.map((rule) => {
        if (!rule.optionsSchema) return [rule.id, { $ref: '#/definitions/rule' }];
        const options = Object.entries(rule.optionsSchema.properties).map(([key, schema]) => {
          const fallback = rule.defaultOptions?.[key];
          return [key, fallback === undefined ? schema : { ...schema, default: fallback }];
        });
        return [rule.id, renderSettingSchema(Object.fromEntries(options))];
      }),
    ),
  };
}

function renderSettingSchema(options: Record<string, unknown>): Record<string, unknown> {
  return {
    oneOf: [SEVERITY, { type: 'object', required: ['severity'], additionalProperties: false, properties: { severity: SEVERITY, ...options } }],
  };
}
