import type AjvClass from 'ajv';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { findClosestName } from '../core/closest-name';
import { HarnessConfigError } from './config-error';
import type { OptionsSchema, RuleDeclaration } from './types';
import type { YamlSource } from './yaml-source';

type Path = Array<string | number>;

const NO_OPTIONS: OptionsSchema = { type: 'object', additionalProperties: false, properties: {} };
const TYPE_WORDS: Record<string, string> = {
  integer: 'a whole number',
  number: 'a number',
  string: 'a string',
  boolean: 'true or false',
  array: 'a list',
  object: 'a mapping',
};

let ajv: AjvClass | undefined;
const validators = new WeakMap<OptionsSchema, ValidateFunction>();

/**
 * Refuses options that the rule's schema does not allow, with the line of the offending key or
 * value, so a misspelt or mistyped option never silently falls back to the default. `path` leads
 * to the rule's entry (`['rules', 'file-size']`). Ajv is loaded only when some rule has options
 * set: loading it and compiling two schemas took ~30 ms at best, which a config without options never pays.
 */
export function validateRuleOptions(src: YamlSource, path: Path, rule: RuleDeclaration, options: Record<string, unknown>): void {
  if (Object.keys(options).length === 0) return;
  const schema = rule.optionsSchema ?? NO_OPTIONS;
  const validate = compileOptionsSchema(schema);
  if (validate(options)) return;
  throw describeOptionError(src, path, rule, schema, (validate.errors as ErrorObject[])[0], options);
}

/**
 * Compiles once per schema. The rule schemas are checked against the draft-07 meta-schema by their
 * test (config/rule-options.spec.ts), so the run skips that check: it is two thirds of the compile.
 */
export function compileOptionsSchema(schema: OptionsSchema): ValidateFunction {
  let validate = validators.get(schema);
  if (!validate) {
    if (!ajv) {
      const ajvModule = require('ajv') as typeof import('ajv');
      ajv = new ajvModule.default({ strict: true, allErrors: false, validateSchema: false });
    }
    validate = ajv.compile(schema);
    validators.set(schema, validate);
  }
  return validate;
}

function describeOptionError(src: YamlSource, path: Path, rule: RuleDeclaration, schema: OptionsSchema, error: ErrorObject, options: Record<string, unknown>): HarnessConfigError {
  const at: Path = error.instancePath.split('/').slice(1).map((s) => (/^\d+$/.test(s) ? Number(s) : s.replace(/~1/g, '/').replace(/~0/g, '~')));
  const known = Object.keys(schema.properties);
  if (error.keyword === 'additionalProperties') {
    const key = String((error.params as { additionalProperty: string }).additionalProperty);
    const closest = findClosestName(key, [...known, 'severity']);
    const takes = known.length ? `${rule.id} takes severity, ${known.join(', ')}` : `${rule.id} takes only severity`;
    const remedy = closest ? `did you mean "${closest}"? ${takes}` : `remove it; ${takes}`;
    return new HarnessConfigError(src.file, src.keyLineOf([...path, ...at, key]), `unknown option "${key}" in "${[...path, ...at].join('.')}"`, remedy);
  }
  const value = at.reduce<unknown>((v, k) => (v as Record<string | number, unknown> | undefined)?.[k], options);
  const name = at.map((k, i) => (typeof k === 'number' ? `[${k}]` : i ? `.${k}` : k)).join('');
  const problem = `"${name}" ${describeExpectation(error)}, got ${JSON.stringify(value)}`;
  const option = String(at[0]);
  const fallback = rule.defaultOptions?.[option];
  const remedy = fallback === undefined ? 'correct the value, or remove the option' : `write ${option}: ${JSON.stringify(fallback)} (the default), or remove it`;
  return new HarnessConfigError(src.file, src.lineOf([...path, ...at]), problem, remedy);
}

/** Ajv's reason in the config's words ("a list", "at least 1"), its own message otherwise. */
function describeExpectation(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'type':
      return `must be ${TYPE_WORDS[String(params.type)] ?? String(params.type)}`;
    case 'minimum':
      return `must be at least ${String(params.limit)}`;
    case 'maximum':
      return `must be at most ${String(params.limit)}`;
    case 'enum':
      return `must be one of ${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
    case 'minLength':
      return params.limit === 1 ? 'must not be empty' : `must have at least ${String(params.limit)} characters`;
    case 'minItems':
      return params.limit === 1 ? 'must not be an empty list' : `must have at least ${String(params.limit)} entries`;
    default:
      return error.message ?? 'is not allowed';
  }
}
