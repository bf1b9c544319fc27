import type * as ts from 'typescript';
import type { Tree } from '@nx/devkit';
import type { SourceFacts } from '../../../core/source-facts';
import { resolveRelativeFile } from './resolve-relative-file';

/** A name the entry point exports, with what it is (`function`, `class`, `type`, `namespace`, ...). */
export interface ExportedName {
  name: string;
  kind: string;
}

/** The entry point's exported names, and the files re-exported wholesale that were not opened. */
export interface ExportList {
  names: ExportedName[];
  /** Workspace paths (or package specifiers) behind `export *` deeper than the levels followed. */
  unlisted: string[];
}

/** How many `export * from './x'` hops are followed from the entry point: barrels are rarely deeper. */
const REEXPORT_DEPTH = 2;

/**
 * Lists what an entry point exports: its own exported declarations, `export { … }` lists and
 * `export * from` barrels up to two levels deep. Declarations come from the shared parse
 * (`readFacts`); the export statements themselves need the syntax tree.
 */
export function listExports(tree: Tree, entryPoint: string, readFacts: (file: string) => SourceFacts | undefined): ExportList {
  const unlisted: string[] = [];
  const visiting = new Set<string>();
  // `record` is off when a target is read only for the kinds of names picked from it.
  const list = (file: string, depth: number, record = true): ExportedName[] => {
    if (visiting.has(file)) return [];
    visiting.add(file);
    const names: ExportedName[] = [];
    const local = readFacts(file)?.declarations ?? [];
    const statements = readExportStatements(tree, file);
    // `export default class Foo` exports `default`, not `Foo`.
    const defaults = statements.flatMap((s) => (s.defaultDeclaration ? [s.defaultDeclaration] : []));
    for (const d of local) if (d.exported && !defaults.includes(d.name)) names.push({ name: d.name, kind: d.kind });
    for (const statement of statements) {
      const target = statement.from === undefined ? undefined : resolveRelativeFile(tree, file, statement.from);
      if (statement.names === '*') {
        if (target && depth > 0) names.push(...list(target, depth - 1, record).filter((n) => n.name !== 'default'));
        // A relative path that resolves to nothing is a broken barrel line: there is nothing to name.
        else if (record && (target || !statement.from!.startsWith('.'))) unlisted.push(target ?? statement.from!);
        continue;
      }
      const targetNames = target && depth > 0 ? list(target, depth - 1, false) : [];
      for (const { name, original, kind } of statement.names) {
        const declared = statement.from === undefined ? local.find((d) => d.name === original) : targetNames.find((n) => n.name === original);
        names.push({ name, kind: kind ?? declared?.kind ?? 'value' });
      }
    }
    visiting.delete(file);
    return names;
  };
  const names = list(entryPoint, REEXPORT_DEPTH);
  const unique = names.filter((n, i) => names.findIndex((m) => m.name === n.name) === i);
  return { names: unique, unlisted: [...new Set(unlisted)] };
}

interface ExportStatement {
  /** The module specifier of `export … from '<from>'`; undefined for a local `export { a }`. */
  from?: string;
  /** `*` for `export * from`; else each exported name, the name it has where it is declared, and its kind when the statement says it. */
  names: '*' | Array<{ name: string; original: string; kind?: string }>;
  /** The local name of `export default function f` / `export default class C`. */
  defaultDeclaration?: string;
}

/** The top-level `export … from`, `export { … }` and `export default` statements of a file. */
function readExportStatements(tree: Tree, file: string): ExportStatement[] {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const t = require('typescript') as typeof ts;
  const sf = t.createSourceFile(file, tree.read(file, 'utf-8') ?? '', t.ScriptTarget.Latest, false);
  const statements: ExportStatement[] = [];
  for (const node of sf.statements) {
    if (t.isExportAssignment(node)) {
      statements.push({ names: [{ name: 'default', original: 'default' }] });
      continue;
    }
    if ((t.isFunctionDeclaration(node) || t.isClassDeclaration(node)) && node.name && isDefaultExport(t, node)) {
      statements.push({ names: [{ name: 'default', original: node.name.text }], defaultDeclaration: node.name.text });
      continue;
    }
    if (!t.isExportDeclaration(node)) continue;
    const from = node.moduleSpecifier && t.isStringLiteral(node.moduleSpecifier) ? node.moduleSpecifier.text : undefined;
    const clause = node.exportClause;
    if (!clause) {
      if (from !== undefined) statements.push({ from, names: '*' });
    } else if (t.isNamespaceExport(clause)) {
      statements.push({ names: [{ name: clause.name.text, original: '*', kind: 'namespace' }] });
    } else {
      const names = clause.elements.map((el) => ({
        name: el.name.text,
        original: (el.propertyName ?? el.name).text,
        kind: node.isTypeOnly || el.isTypeOnly ? 'type' : undefined,
      }));
      statements.push({ from, names });
    }
  }
  return statements;
}

function isDefaultExport(t: typeof ts, node: ts.FunctionDeclaration | ts.ClassDeclaration): boolean {
  const modifiers = t.getModifiers(node) ?? [];
  return modifiers.some((m) => m.kind === t.SyntaxKind.ExportKeyword) && modifiers.some((m) => m.kind === t.SyntaxKind.DefaultKeyword);
}
