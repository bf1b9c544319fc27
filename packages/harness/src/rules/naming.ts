import { convertToStyle, findStyleProblem, isKnownStyle, matchesStyle } from '../core/case-styles';
import type { Declaration, DeclarationKind } from '../core/source-facts';
import type { NamingConventions, OptionsSchema } from '../config/types';
import type { Rule, RuleContext, RuleFinding } from './types';
import { isJudgedFile } from './judged-files';
import { CODE_FILE, listSourceFiles } from './project-files';

type NamingCategory = keyof NamingConventions;

const CATEGORY_OF_KIND: Record<DeclarationKind, NamingCategory> = {
  function: 'functions',
  class: 'classes',
  variable: 'variables',
  constant: 'constants',
  type: 'types',
  interface: 'types',
  enum: 'types',
};

/** How a category reads in `Expected pattern: snake_case function names`. */
const SINGULAR: Record<NamingCategory, string> = {
  functions: 'function',
  classes: 'class',
  variables: 'variable',
  constants: 'constant',
  types: 'type',
  files: 'file',
};

const JSX_FILE = /\.[jt]sx$/;
/** Role suffixes that are part of how a file is found, not of its name. */
const ROLE_SUFFIX = /\.(?:spec|test|d)$/;

export interface NamingOptions {
  /** In .tsx/.jsx files a PascalCase function is a React component, whatever `functions` says. */
  pascalCaseComponents: boolean;
  /**
   * When false, a constant may also be written in the variables style and a variable in the
   * constants style, as typescript-eslint's usual `['camelCase', 'UPPER_CASE']` allows: the
   * parser can only guess which top-level `const`s are constants (data literals are; `new Map()`
   * is not), so holding each kind to its own style would report sound names.
   */
  strictConstants: boolean;
}

const DEFAULT_OPTIONS: NamingOptions = { pascalCaseComponents: true, strictConstants: false };
const OPTIONS_SCHEMA: OptionsSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    pascalCaseComponents: { type: 'boolean', description: 'In .tsx/.jsx files a PascalCase function is a React component, whatever `functions` says.' },
    strictConstants: { type: 'boolean', description: 'Hold constants to the constants style and variables to the variables style, with no overlap.' },
  },
};

/**
 * Names against the module's conventions. Declarations are judged by kind; a file by its base
 * name without extension and role suffix, each dot-separated segment on its own, so
 * `invoice.service.ts` is kebab-case. `index` is exempt: tools look for that exact name.
 * Leading and trailing `_`/`$` are ignored by the known styles (see core/case-styles), and a
 * name made only of them (`_`) is never reported.
 */
export const namingRule: Rule = {
  id: 'naming',
  description: 'Function, class, variable, constant, type and file names follow the module conventions.',
  defaultSeverity: 'error',
  defaultOptions: { ...DEFAULT_OPTIONS },
  optionsSchema: OPTIONS_SCHEMA,
  check: checkNaming,
};

export function checkNaming(ctx: RuleContext): RuleFinding[] {
  const options = { ...DEFAULT_OPTIONS, ...ctx.setting.options } as NamingOptions;
  const findings: RuleFinding[] = [];
  const styles: NamingConventions = {};
  for (const [category, style] of Object.entries(ctx.conventions.naming) as Array<[NamingCategory, string | undefined]>) {
    if (style === undefined) continue;
    const problem = findCategoryStyleProblem(category, style);
    if (problem) findings.push(createStyleFinding(ctx, category, style, problem));
    else styles[category] = style;
  }
  for (const file of listSourceFiles(ctx.project, { includeTests: true })) {
    if (!isJudgedFile(ctx, file)) continue;
    if (styles.files) findings.push(...checkFileName(ctx, file, styles.files));
    const facts = ctx.readSource(file);
    if (facts.skipped) continue;
    findings.push(...checkDeclarations(ctx, file, facts.declarations, styles, options));
  }
  return findings;
}

function findCategoryStyleProblem(category: NamingCategory, style: string): string | undefined {
  if (style === 'kebab-case' && category !== 'files') {
    return `kebab-case cannot name ${category} because "-" is not allowed in identifiers; use camelCase, PascalCase, snake_case, UPPER_CASE or a /regex/`;
  }
  return findStyleProblem(style);
}

/** A style the rule cannot apply is itself a finding, at the line of the file that sets it. */
function createStyleFinding(ctx: RuleContext, category: NamingCategory, style: string, problem: string): RuleFinding {
  const fromModule = ctx.readText(ctx.conventionsFile)?.includes(style) ?? false;
  const file = fromModule ? ctx.conventionsFile : ctx.config.file;
  const lines = ctx.readText(file)?.split('\n') ?? [];
  const index = lines.findIndex((l) => l.includes(category) && l.includes(style));
  return {
    kind: 'naming/invalid-style',
    title: 'Invalid naming style',
    file,
    line: index + 1,
    column: 0,
    found: `${category}: ${style}`,
    expected: 'a naming style of camelCase, PascalCase, snake_case, UPPER_CASE, kebab-case (file names only) or a safe /regex/',
    fix: `Edit naming.${category} in ${file}: ${problem}`,
    reference: `${ctx.conventionsFile}#naming`,
  };
}

function checkDeclarations(
  ctx: RuleContext,
  file: string,
  declarations: Declaration[],
  styles: NamingConventions,
  options: NamingOptions,
): RuleFinding[] {
  const findings: RuleFinding[] = [];
  // Overloads and merged declarations repeat a name; one finding per name is enough to rename it.
  const reported = new Set<string>();
  for (const declaration of declarations) {
    const category = CATEGORY_OF_KIND[declaration.kind];
    const style = styles[category];
    const key = `${category}:${declaration.name}`;
    if (!style || /^[_$]*$/.test(declaration.name) || reported.has(key)) continue;
    if (matchesStyle(declaration.name, style)) continue;
    if (isComponent(file, declaration, options) || matchesOtherValueStyle(declaration, styles, options)) continue;
    reported.add(key);
    const renamed = convertToStyle(declaration.name, style);
    findings.push({
      kind: 'naming/identifier-style',
      ...(renamed === undefined ? {} : { data: { rename: { from: declaration.name, to: renamed } } }),
      title: 'Naming convention violation',
      file,
      line: declaration.line,
      column: declaration.column,
      found: declaration.name,
      expected: `${style} ${SINGULAR[category]} names`,
      fix: describeRename(declaration.name, renamed, style),
      reference: `${ctx.conventionsFile}#naming`,
    });
  }
  return findings;
}

function isComponent(file: string, declaration: Declaration, options: NamingOptions): boolean {
  return (
    options.pascalCaseComponents &&
    declaration.kind === 'function' &&
    JSX_FILE.test(file) &&
    matchesStyle(declaration.name, 'PascalCase')
  );
}

/** A variable in the constants style, or a constant in the variables style, unless strict. */
function matchesOtherValueStyle(declaration: Declaration, styles: NamingConventions, options: NamingOptions): boolean {
  if (options.strictConstants) return false;
  const other = declaration.kind === 'variable' ? styles.constants : declaration.kind === 'constant' ? styles.variables : undefined;
  return other !== undefined && matchesStyle(declaration.name, other);
}

function describeRename(name: string, renamed: string | undefined, style: string): string {
  return renamed === undefined ? `Rename \`${name}\` so that it matches ${style}` : `Rename to \`${renamed}\``;
}

function checkFileName(ctx: RuleContext, file: string, style: string): RuleFinding[] {
  const base = file.slice(file.lastIndexOf('/') + 1);
  const extension = CODE_FILE.exec(base)![0];
  let stem = base.slice(0, -extension.length);
  const roleSuffix = ROLE_SUFFIX.exec(stem)?.[0] ?? '';
  stem = stem.slice(0, stem.length - roleSuffix.length);
  if (stem === 'index' || matchesFileStyle(stem, style)) return [];
  const renamedStem = isKnownStyle(style)
    ? stem
        .split('.')
        .map((segment) => (matchesStyle(segment, style, 'file') ? segment : convertToStyle(segment, style, 'file')))
        .join('.')
    : undefined;
  const renamed = renamedStem === undefined ? undefined : `${renamedStem}${roleSuffix}${extension}`;
  return [
    {
      kind: 'naming/file-style',
      ...(renamed === undefined ? {} : { data: { rename: { from: base, to: renamed } } }),
      title: 'Naming convention violation',
      file,
      line: 0,
      column: 0,
      found: base,
      expected: `${style} ${SINGULAR.files} names`,
      fix:
        renamedStem === undefined
          ? `Rename the file so that \`${stem}\` matches ${style}, and update the imports of it`
          : `Rename to \`${renamed}\` and update the imports of it`,
      reference: `${ctx.conventionsFile}#naming`,
    },
  ];
}

/** A known style judges each dot-separated segment; a custom regex sees the whole stem. */
function matchesFileStyle(stem: string, style: string): boolean {
  if (!isKnownStyle(style)) return matchesStyle(stem, style, 'file');
  return stem.split('.').every((segment) => matchesStyle(segment, style, 'file'));
}
