import type * as ts from 'typescript';
import type {
  ConsoleCall,
  DeclarationKind,
  ImportKind,
  ImportRef,
  SourceFacts,
} from '../core/source-facts';
import { loadTypeScript } from './load-typescript';

const IMPORT_CALL = /\bimport\s*\(/;

/** Parses one source text and extracts imports, declarations and console calls in one walk. */
export function parseSource(file: string, text: string): SourceFacts {
  const { ts: t, saveCodeCache } = loadTypeScript();
  const kind = /\.[cm]?tsx$|\.jsx$/.test(file) ? t.ScriptKind.TSX : scriptKindOf(t, file);
  // No parent pointers: every position below is read with the source file passed in, which is
  // what setParentNodes would buy; skipping them makes parsing about a fifth faster.
  // JSDoc is never read: not parsing it makes comment-heavy files about a third faster (TS 5.3+;
  // older versions ignore the option).
  const options = { languageVersion: t.ScriptTarget.Latest, jsDocParsingMode: t.JSDocParsingMode?.ParseNone };
  const sf = t.createSourceFile(file, text, options, false, kind);
  const facts: SourceFacts = {
    file,
    lineCount: countLines(text),
    imports: [],
    declarations: [],
    consoleCalls: [],
  };
  const position = (pos: number) => {
    const lc = sf.getLineAndCharacterOfPosition(pos);
    return { line: lc.line + 1, column: lc.character + 1 };
  };
  // parseDiagnostics is internal but stable across TS 4–6; it holds syntax errors only.
  const diagnostics = (sf as unknown as { parseDiagnostics?: ts.Diagnostic[] }).parseDiagnostics;
  if (diagnostics && diagnostics.length > 0) {
    const first = diagnostics[0];
    facts.parseError = {
      ...position(first.start ?? 0),
      message: t.flattenDiagnosticMessageText(first.messageText, ' '),
    };
  }
  const importedNames = new Map<string, number>();
  // `typeOnly` keeps ESLint's reading (the `type` keyword on the statement); `kind` is wider.
  const addImport: AddImport = (spec, node, typeOnly, kind = typeOnly ? 'type' : 'static') => {
    if (!spec || !t.isStringLiteralLike(spec)) return;
    const at = position(spec.getStart(sf));
    facts.imports.push({
      specifier: spec.text,
      line: position(node.getStart(sf)).line,
      column: at.column,
      typeOnly,
      kind,
    });
  };
  const addDeclaration = (name: ts.Node | undefined, kind: DeclarationKind, exported: boolean) => {
    if (!name || !t.isIdentifier(name)) return;
    facts.declarations.push({ name: name.text, kind, exported, ...position(name.getStart(sf)) });
  };
  const K = t.SyntaxKind;
  const declarationKinds = listDeclarationKinds(t);
  // Type annotations are a large share of a TypeScript AST and hold nothing the rules read,
  // except `import('x')` types; their subtrees are skipped unless the text has such an import.
  const skipTypes = !IMPORT_CALL.test(text);
  const visitNested = (child: ts.Node): void => visit(child, false);
  // One switch on the kind instead of a chain of type guards: the walk touches every node.
  const visit = (node: ts.Node, topLevel: boolean): void => {
    switch (node.kind) {
      case K.Identifier:
      case K.StringLiteral:
      case K.NumericLiteral:
        return;
      case K.ImportDeclaration: {
        const decl = node as ts.ImportDeclaration;
        const typeOnly = !!decl.importClause?.isTypeOnly;
        addImport(decl.moduleSpecifier, decl, typeOnly, typeOnly || hasOnlyTypeBindings(t, decl.importClause) ? 'type' : 'static');
        recordImportedNames(t, decl, importedNames, facts, position, sf);
        return;
      }
      case K.ExportDeclaration: {
        const decl = node as ts.ExportDeclaration;
        const clause = decl.exportClause;
        const onlyTypes = !!clause && t.isNamedExports(clause) && clause.elements.length > 0 && clause.elements.every((el) => el.isTypeOnly);
        addImport(decl.moduleSpecifier, decl, decl.isTypeOnly, decl.isTypeOnly || onlyTypes ? 'type' : 'static');
        return;
      }
      case K.ImportEqualsDeclaration: {
        const decl = node as ts.ImportEqualsDeclaration;
        const ref = decl.moduleReference;
        if (t.isExternalModuleReference(ref)) addImport(ref.expression, decl, decl.isTypeOnly);
        return;
      }
      case K.CallExpression:
        visitCall(t, node as ts.CallExpression, addImport, facts.consoleCalls, position, sf);
        break;
      case K.ImportType: {
        const arg = (node as ts.ImportTypeNode).argument;
        if (t.isLiteralTypeNode(arg)) addImport(arg.literal as ts.Expression, node, true);
        break;
      }
      case K.VariableStatement: {
        const statement = node as ts.VariableStatement;
        const exported = isExported(t, statement);
        const isConst = (statement.declarationList.flags & t.NodeFlags.Const) !== 0;
        for (const decl of statement.declarationList.declarations) {
          addDeclaration(decl.name, classifyVariable(t, decl, isConst, topLevel), exported);
        }
        break;
      }
      default: {
        const kind = declarationKinds.get(node.kind);
        if (kind) addDeclaration((node as ts.DeclarationStatement).name, kind, isExported(t, node));
        else if (skipTypes && node.kind >= K.FirstTypeNode && node.kind <= K.LastTypeNode) return;
      }
    }
    t.forEachChild(node, visitNested);
  };
  for (const statement of sf.statements) visit(statement, true);
  // After one file the parser's own functions are compiled too, so the cache holds them; later
  // calls do nothing.
  saveCodeCache();
  return facts;
}

let declarationKindsOf: { t: typeof ts; kinds: Map<ts.SyntaxKind, DeclarationKind> } | undefined;

/** Named declarations by syntax kind; variables are classified apart (see classifyVariable). */
function listDeclarationKinds(t: typeof ts): Map<ts.SyntaxKind, DeclarationKind> {
  if (declarationKindsOf?.t !== t) {
    const K = t.SyntaxKind;
    const kinds = new Map<ts.SyntaxKind, DeclarationKind>([
      [K.FunctionDeclaration, 'function'],
      [K.ClassDeclaration, 'class'],
      [K.InterfaceDeclaration, 'interface'],
      [K.TypeAliasDeclaration, 'type'],
      [K.EnumDeclaration, 'enum'],
    ]);
    declarationKindsOf = { t, kinds };
  }
  return declarationKindsOf.kinds;
}

function scriptKindOf(t: typeof ts, file: string): ts.ScriptKind {
  if (/\.[cm]?js$/.test(file)) return t.ScriptKind.JS;
  return t.ScriptKind.TS;
}

function countLines(text: string): number {
  if (text.length === 0) return 0;
  let lines = 1;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) lines++;
  return text.endsWith('\n') ? lines - 1 : lines;
}

function isExported(t: typeof ts, node: ts.Node): boolean {
  const modifiers = t.canHaveModifiers(node) ? t.getModifiers(node) : undefined;
  return !!modifiers?.some((m) => m.kind === t.SyntaxKind.ExportKeyword);
}

/**
 * A top-level `const` bound to data (a literal, a regex, an array or object literal) is a
 * constant: UPPER_CASE by convention, though the naming rule also accepts the variable style.
 * A variable bound to a function is named like a function; everything else is a variable.
 */
function classifyVariable(
  t: typeof ts,
  decl: ts.VariableDeclaration,
  isConst: boolean,
  topLevel: boolean,
): DeclarationKind {
  let init = decl.initializer;
  while (init && (t.isAsExpression(init) || t.isParenthesizedExpression(init) || t.isSatisfiesExpression(init))) {
    init = init.expression;
  }
  if (init && (t.isArrowFunction(init) || t.isFunctionExpression(init))) return 'function';
  if (isConst && topLevel && init && isData(t, init)) return 'constant';
  return 'variable';
}

function isData(t: typeof ts, node: ts.Expression): boolean {
  if (t.isPrefixUnaryExpression(node)) return isData(t, node.operand);
  return (
    t.isStringLiteral(node) ||
    t.isNumericLiteral(node) ||
    t.isBigIntLiteral(node) ||
    t.isNoSubstitutionTemplateLiteral(node) ||
    t.isTemplateExpression(node) ||
    t.isRegularExpressionLiteral(node) ||
    t.isArrayLiteralExpression(node) ||
    t.isObjectLiteralExpression(node) ||
    node.kind === t.SyntaxKind.TrueKeyword ||
    node.kind === t.SyntaxKind.FalseKeyword
  );
}

/**
 * SWC (and so Nx's graph) rejects a file that imports the same binding twice, although
 * TypeScript's parser accepts it; report it as a parse error so the file is not silently skipped.
 */
function recordImportedNames(
  t: typeof ts,
  node: ts.ImportDeclaration,
  seen: Map<string, number>,
  facts: SourceFacts,
  position: (pos: number) => { line: number; column: number },
  sf: ts.SourceFile,
): void {
  const clause = node.importClause;
  if (!clause) return;
  const names: ts.Identifier[] = [];
  if (clause.name) names.push(clause.name);
  const bindings = clause.namedBindings;
  if (bindings && t.isNamespaceImport(bindings)) names.push(bindings.name);
  if (bindings && t.isNamedImports(bindings)) for (const el of bindings.elements) names.push(el.name);
  for (const id of names) {
    if (seen.has(id.text) && !facts.parseError) {
      facts.parseError = {
        ...position(id.getStart(sf)),
        message: `the binding '${id.text}' is imported twice`,
      };
    }
    seen.set(id.text, id.getStart(sf));
  }
}

type AddImport = (spec: ts.Expression | undefined, node: ts.Node, typeOnly: boolean, kind?: ImportKind) => void;

/** `import { type A, type B } from 'x'`: every binding is type-qualified, so nothing loads at run time. */
function hasOnlyTypeBindings(t: typeof ts, clause: ts.ImportClause | undefined): boolean {
  if (!clause || clause.name) return false;
  const bindings = clause.namedBindings;
  return !!bindings && t.isNamedImports(bindings) && bindings.elements.length > 0 && bindings.elements.every((el) => el.isTypeOnly);
}

function visitCall(
  t: typeof ts,
  node: ts.CallExpression,
  addImport: AddImport,
  consoleCalls: ConsoleCall[],
  position: (pos: number) => { line: number; column: number },
  sf: ts.SourceFile,
): void {
  const callee = node.expression;
  if (callee.kind === t.SyntaxKind.ImportKeyword) {
    addImport(node.arguments[0], node, false, 'dynamic');
  } else if (t.isIdentifier(callee) && callee.text === 'require' && node.arguments.length === 1) {
    addImport(node.arguments[0], node, false);
  } else if (
    t.isPropertyAccessExpression(callee) &&
    t.isIdentifier(callee.expression) &&
    callee.expression.text === 'console'
  ) {
    consoleCalls.push({ method: callee.name.text, ...position(callee.getStart(sf)) });
  }
}

export type { ImportRef };
