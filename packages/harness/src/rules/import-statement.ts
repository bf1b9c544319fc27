import type { ImportRef } from '../core/source-facts';

/**
 * Whether an import is a value `import … from 'x'` (or `import 'x'`) statement, the only kind
 * ESLint's lazy-load check judges: not `export … from`, `import type`, `import()` or `require()`.
 * The parsed facts do not keep the statement kind, so it is read back from the text: the import's
 * line is where its statement starts, and its column is where the specifier sits.
 */
export function isStaticImportStatement(text: string, ref: ImportRef): boolean {
  if (ref.typeOnly) return false;
  const lines = text.split(/\r?\n/);
  const statement = (lines[ref.line - 1] ?? '').trimStart();
  if (!/^import(?=[\s{*'"])/.test(statement) || /^import\s+type[\s{]/.test(statement)) return false;
  // The first quoted specifier from the statement's line on is this statement's own.
  const rest = lines.slice(ref.line - 1).join('\n');
  const quoted = /(['"])((?:\\.|(?!\1).)*)\1/g;
  for (let match = quoted.exec(rest); match; match = quoted.exec(rest)) {
    if (match[2] !== ref.specifier) continue;
    const before = rest.slice(0, match.index).trimEnd();
    return /(?:\bfrom|^import)$/.test(before) && !/=\s*require\s*\($/.test(before);
  }
  return false;
}
