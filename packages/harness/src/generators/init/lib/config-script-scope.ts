import * as path from 'node:path';
import type * as ts from 'typescript';
import type { Tree } from '@nx/devkit';

const SCRIPT_EXTENSIONS = ['.js', '.mjs', '.cjs', '.ts', '.mts', '.cts'];

export type Binding =
  | { kind: 'expr'; node: ts.Expression }
  | { kind: 'prop'; of: ts.Expression; key: string }
  | { kind: 'json'; file: string }
  | { kind: 'import'; file: string; name: string };

/** A relative specifier of `fromFile` that names a workspace script: exact, or with an extension or index file. */
export function resolveScript(tree: Tree, fromFile: string, specifier: string): string | undefined {
  if (!specifier.startsWith('./') && !specifier.startsWith('../')) return undefined;
  const base = path.posix.normalize(path.posix.join(path.posix.dirname(fromFile), specifier));
  if (base.startsWith('..')) return undefined;
  const candidates = [base, ...SCRIPT_EXTENSIONS.map((ext) => base + ext), ...SCRIPT_EXTENSIONS.map((ext) => `${base}/index${ext}`)];
  return candidates.find((c) => SCRIPT_EXTENSIONS.includes(path.posix.extname(c)) && tree.exists(c) && !tree.children(c).length);
}

export function readPropertyName(t: typeof ts, name: ts.PropertyName): string | undefined {
  if (t.isIdentifier(name) || t.isStringLiteralLike(name) || t.isNumericLiteral(name)) return name.text;
  if (t.isComputedPropertyName(name) && t.isStringLiteralLike(name.expression)) return name.expression.text;
  return undefined;
}

/**
 * Names whose value the file fixes: top-level `const`s (plain or destructured), JSON imports and
 * imports of workspace scripts. A `let` may be reassigned, so it is not followed.
 */
export function collectBindings(t: typeof ts, sf: ts.SourceFile, tree: Tree): Map<string, Binding> {
  const bindings = new Map<string, Binding>();
  const dir = path.posix.dirname(sf.fileName);
  for (const statement of sf.statements) {
    if (t.isVariableStatement(statement) && statement.declarationList.flags & t.NodeFlags.Const) {
      for (const decl of statement.declarationList.declarations) {
        if (!decl.initializer) continue;
        if (t.isIdentifier(decl.name)) bindings.set(decl.name.text, { kind: 'expr', node: decl.initializer });
        else if (t.isObjectBindingPattern(decl.name)) {
          for (const element of decl.name.elements) {
            const key = element.propertyName ? readPropertyName(t, element.propertyName) : t.isIdentifier(element.name) ? element.name.text : undefined;
            if (!element.dotDotDotToken && key !== undefined && t.isIdentifier(element.name)) bindings.set(element.name.text, { kind: 'prop', of: decl.initializer, key });
          }
        }
      }
    } else if (t.isImportDeclaration(statement) && t.isStringLiteral(statement.moduleSpecifier)) {
      const specifier = statement.moduleSpecifier.text;
      const clause = statement.importClause;
      if (specifier.endsWith('.json')) {
        if (clause?.name) bindings.set(clause.name.text, { kind: 'json', file: path.posix.join(dir, specifier) });
        continue;
      }
      const script = resolveScript(tree, sf.fileName, specifier);
      if (!script || !clause) continue;
      if (clause.name) bindings.set(clause.name.text, { kind: 'import', file: script, name: 'default' });
      const named = clause.namedBindings;
      if (named && t.isNamespaceImport(named)) bindings.set(named.name.text, { kind: 'import', file: script, name: '*' });
      else if (named) for (const el of named.elements) bindings.set(el.name.text, { kind: 'import', file: script, name: (el.propertyName ?? el.name).text });
    }
  }
  return bindings;
}

export interface ModuleExports {
  /** Export name → its expression, or the local name it exports. */
  named: Map<string, ts.Expression | string>;
  reexports: Map<string, { from: string; name: string }>;
  /** `module.exports = …` */
  commonjs?: ts.Expression;
  /** `module.exports.x = …` and `exports.x = …` */
  commonjsProps: Map<string, ts.Expression>;
}

export function collectExports(t: typeof ts, sf: ts.SourceFile): ModuleExports {
  const result: ModuleExports = { named: new Map(), reexports: new Map(), commonjsProps: new Map() };
  for (const statement of sf.statements) {
    const isExported = t.canHaveModifiers(statement) && t.getModifiers(statement)?.some((m) => m.kind === t.SyntaxKind.ExportKeyword);
    if (t.isVariableStatement(statement) && isExported) {
      for (const decl of statement.declarationList.declarations) if (t.isIdentifier(decl.name) && decl.initializer) result.named.set(decl.name.text, decl.initializer);
    } else if (t.isExportAssignment(statement) && !statement.isExportEquals) {
      result.named.set('default', statement.expression);
    } else if (t.isExportAssignment(statement)) {
      result.commonjs = statement.expression;
    } else if (t.isExportDeclaration(statement) && statement.exportClause && t.isNamedExports(statement.exportClause)) {
      const from = statement.moduleSpecifier && t.isStringLiteral(statement.moduleSpecifier) ? statement.moduleSpecifier.text : undefined;
      for (const el of statement.exportClause.elements) {
        const local = (el.propertyName ?? el.name).text;
        if (from) result.reexports.set(el.name.text, { from, name: local });
        else result.named.set(el.name.text, local);
      }
    } else if (t.isExpressionStatement(statement) && t.isBinaryExpression(statement.expression) && statement.expression.operatorToken.kind === t.SyntaxKind.EqualsToken) {
      const target = statement.expression.left.getText(sf).replace(/\s/g, '');
      const value = statement.expression.right;
      if (target === 'module.exports') result.commonjs = value;
      const prop = /^(?:module\.)?exports\.([\w$]+)$/.exec(target);
      if (prop) result.commonjsProps.set(prop[1], value);
    }
  }
  return result;
}

