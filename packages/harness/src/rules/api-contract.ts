import { isScalar, LineCounter, parseDocument } from 'yaml';
import { convertToStyle, isKnownStyle } from '../core/case-styles';
import type { Declaration } from '../core/source-facts';
import type { OptionsSchema } from '../config/types';
import type { Rule, RuleContext, RuleFinding } from './types';
import type { ProjectInfo } from '../collect/types';
import { joinRoot, listSourceFiles } from './project-files';

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
/**
 * The yaml package weighs each alias by how much it expands, so anchors that nest aliases (the
 * "billion laughs" attack) hit this limit after a few uses, while a plain anchor can still be
 * shared by up to this many operations. Below the package default of 100 on purpose.
 */
const MAX_ALIAS_COUNT = 50;

export interface ApiContractOptions {
  /** Globs, relative to the project root, of the files whose exported functions are handlers. */
  handlers: string[];
}

const DEFAULT_OPTIONS: ApiContractOptions = {
  handlers: ['**/handlers/**', '**/*.handler.ts', '**/*-handler.ts'],
};

const OPTIONS_SCHEMA: OptionsSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    handlers: {
      type: 'array',
      items: { type: 'string', minLength: 1 },
      description: 'Globs, relative to the project root, of the files whose exported functions are handlers.',
    },
  },
};

/** An operation of the spec, where its operationId is written. */
interface Operation {
  id: string;
  line: number;
  column: number;
}

type SpecReading = { operations: Operation[] } | { problem: RuleFinding };

/**
 * Where a module has `openapi.yaml` (or `.yml`), the spec and the code agree both ways: each
 * operationId has an exported function of that name in the module's function style
 * (`getInvoice` → `get_invoice` in a snake_case module), and each exported function in a
 * handler file is an operation of the spec.
 */
export const apiContractRule: Rule = {
  id: 'api-contract',
  description: 'Each operationId in openapi.yaml has an exported handler, and each handler is in the spec.',
  defaultSeverity: 'error',
  defaultOptions: { handlers: [...DEFAULT_OPTIONS.handlers] },
  optionsSchema: OPTIONS_SCHEMA,
  check: checkApiContract,
};

export function checkApiContract(ctx: RuleContext): RuleFinding[] {
  const spec = ['openapi.yaml', 'openapi.yml'].map((name) => joinRoot(ctx.project.root, name)).find((f) => ctx.exists(f));
  if (!spec) return [];
  const options = { ...DEFAULT_OPTIONS, ...ctx.setting.options } as ApiContractOptions;
  const reading = readOperations(spec, ctx.readText(spec) ?? '');
  if ('problem' in reading) return [reading.problem];
  const style = chooseFunctionStyle(ctx.conventions.naming.functions);
  const sources = listSourceFiles(ctx.project);
  const handlerFiles = sources.filter((f) => isHandlerFile(ctx.project, f, options.handlers));
  const exported = collectExportedFunctions(ctx, sources);
  return [
    ...findDuplicateOperations(spec, reading.operations),
    ...findMissingHandlers(ctx, spec, reading.operations, exported, style, handlerFiles),
    ...findStrayHandlers(ctx, spec, reading.operations, handlerFiles, style),
  ];
}

function isHandlerFile(project: ProjectInfo, file: string, globs: string[]): boolean {
  const relative = project.root ? file.slice(project.root.length + 1) : file;
  return globs.some((glob) => compileGlob(glob).test(relative));
}

/** `**` crosses folders, `*` and `?` stay within one; everything else is literal. */
function compileGlob(glob: string): RegExp {
  let pattern = '';
  for (let i = 0; i < glob.length; i++) {
    if (glob.startsWith('**/', i)) {
      pattern += '(?:.*/)?';
      i += 2;
    } else if (glob.startsWith('**', i)) {
      pattern += '.*';
      i += 1;
    } else if (glob[i] === '*') pattern += '[^/]*';
    else if (glob[i] === '?') pattern += '[^/]';
    else pattern += glob[i].replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${pattern}$`);
}

/** The module's function style when it can spell a name; otherwise names stay camelCase. */
function chooseFunctionStyle(style: string | undefined): string {
  if (style && isKnownStyle(style) && style !== 'kebab-case') return style;
  return 'camelCase';
}

/** `getInvoice` in a snake_case module is `get_invoice`; the operationId as written also counts. */
function listAcceptedNames(operationId: string, style: string): string[] {
  return [...new Set([operationId, convertToStyle(operationId, style)!])];
}

function readOperations(spec: string, text: string): SpecReading {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  const error = doc.errors[0];
  if (error) {
    const at = error.linePos?.[0] ?? { line: 0, col: 0 };
    return { problem: createInvalidSpecFinding(spec, readFirstLine(error.message), at.line, at.col) };
  }
  let root: unknown;
  try {
    root = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (e) {
    return { problem: createInvalidSpecFinding(spec, readFirstLine((e as Error).message), 0, 0) };
  }
  if (!isObject(root)) {
    return { problem: createInvalidSpecFinding(spec, 'the document is not a mapping of OpenAPI fields', 1, 1) };
  }
  const operations: Operation[] = [];
  for (const [path, item] of Object.entries(isObject(root.paths) ? root.paths : {})) {
    if (!isObject(item)) continue;
    for (const method of HTTP_METHODS) {
      const operation = item[method];
      if (!isObject(operation) || typeof operation.operationId !== 'string') continue;
      const node = doc.getIn(['paths', path, method, 'operationId'], true);
      const at = isScalar(node) && node.range ? lineCounter.linePos(node.range[0]) : { line: 0, col: 0 };
      operations.push({ id: operation.operationId, line: at.line, column: at.col });
    }
  }
  return { operations };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function readFirstLine(message: string): string {
  return message.split('\n')[0].replace(/:$/, '');
}

/** Exported functions of the module by name; the first declaration of a name wins. */
function collectExportedFunctions(ctx: RuleContext, files: string[]): Map<string, { file: string; declaration: Declaration }> {
  const exported = new Map<string, { file: string; declaration: Declaration }>();
  for (const file of files) {
    for (const declaration of ctx.readSource(file).declarations) {
      if (declaration.kind === 'function' && declaration.exported && !exported.has(declaration.name)) {
        exported.set(declaration.name, { file, declaration });
      }
    }
  }
  return exported;
}

function findDuplicateOperations(spec: string, operations: Operation[]): RuleFinding[] {
  const first = new Map<string, Operation>();
  const findings: RuleFinding[] = [];
  for (const operation of operations) {
    const earlier = first.get(operation.id);
    if (!earlier) {
      first.set(operation.id, operation);
      continue;
    }
    findings.push({
      kind: 'api-contract/duplicate-operation-id',
      title: 'Duplicate operationId',
      file: spec,
      line: operation.line,
      column: operation.column,
      found: operation.id,
      expected: 'each operationId once in the spec, as OpenAPI requires',
      fix: `Give this operation its own operationId; \`${operation.id}\` is already used at line ${earlier.line}`,
      reference: spec,
    });
  }
  return findings;
}

function findMissingHandlers(
  ctx: RuleContext,
  spec: string,
  operations: Operation[],
  exported: Map<string, unknown>,
  style: string,
  handlerFiles: string[],
): RuleFinding[] {
  const reported = new Set<string>();
  const findings: RuleFinding[] = [];
  for (const operation of operations) {
    if (reported.has(operation.id)) continue;
    if (listAcceptedNames(operation.id, style).some((name) => exported.has(name))) continue;
    reported.add(operation.id);
    const name = convertToStyle(operation.id, style)!;
    findings.push({
      kind: 'api-contract/missing-handler',
      title: 'Operation has no handler',
      file: spec,
      line: operation.line,
      column: operation.column,
      found: operation.id,
      expected: `an exported ${style} function for every operationId in ${spec}`,
      fix: `Export a function \`${name}\` from a handler file, e.g. ${suggestHandlerFile(ctx, operation.id, handlerFiles)}`,
      reference: spec,
    });
  }
  return findings;
}

/** Next to the existing handlers when there are some, named in the module's file style. */
function suggestHandlerFile(ctx: RuleContext, operationId: string, handlerFiles: string[]): string {
  const folder = handlerFiles[0]
    ? handlerFiles[0].slice(0, handlerFiles[0].lastIndexOf('/'))
    : `${ctx.project.sourceRoot ?? joinRoot(ctx.project.root, 'src')}/handlers`;
  const fileStyle = ctx.conventions.naming.files;
  const usable = fileStyle && isKnownStyle(fileStyle) ? fileStyle : 'kebab-case';
  return `${folder}/${convertToStyle(operationId, usable, 'file')}.ts`;
}

function findStrayHandlers(
  ctx: RuleContext,
  spec: string,
  operations: Operation[],
  handlerFiles: string[],
  style: string,
): RuleFinding[] {
  const accepted = new Set(operations.flatMap((o) => listAcceptedNames(o.id, style)));
  const findings: RuleFinding[] = [];
  for (const file of handlerFiles) {
    for (const declaration of ctx.readSource(file).declarations) {
      if (declaration.kind !== 'function' || !declaration.exported || accepted.has(declaration.name)) continue;
      findings.push({
        kind: 'api-contract/stray-handler',
        title: 'Handler not in the API contract',
        file,
        line: declaration.line,
        column: declaration.column,
        found: declaration.name,
        expected: `every exported function of a handler file is an operationId in ${spec}`,
        fix:
          `Add \`operationId: ${convertToStyle(declaration.name, 'camelCase')}\` to its operation in ${spec}, ` +
          `or move \`${declaration.name}\` out of the handler files if it is not an endpoint`,
        reference: spec,
      });
    }
  }
  return findings;
}

function createInvalidSpecFinding(spec: string, message: string, line: number, column: number): RuleFinding {
  return {
    kind: 'api-contract/invalid-spec',
    title: 'Invalid OpenAPI file',
    file: spec,
    line,
    column,
    found: message,
    expected: 'an OpenAPI document in valid YAML, with its operations under paths',
    fix: line > 0 ? `Correct ${spec} at line ${line}, then run the check again` : `Correct ${spec}, then run the check again`,
    reference: spec,
  };
}
