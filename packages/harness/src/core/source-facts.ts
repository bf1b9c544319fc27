import type { ImportKind } from './dep-constraint';

export type { ImportKind };

/** An import, export-from, require() or dynamic import() found in a source file. */
export interface ImportRef {
  /** The module specifier as written, e.g. `@org/billing` or `../lib/x`. */
  specifier: string;
  /** 1-based line of the statement. */
  line: number;
  /** 1-based column of the specifier. */
  column: number;
  /** `import type` / `export type`: erased at runtime, but still a dependency for boundaries. */
  typeOnly: boolean;
  /** How the import is loaded; dependency constraints with `importKinds` judge by it. */
  kind: ImportKind;
}

export type DeclarationKind =
  | 'function'
  | 'class'
  | 'variable'
  | 'constant'
  | 'type'
  | 'interface'
  | 'enum';

/** A named declaration that the naming rule checks. */
export interface Declaration {
  name: string;
  kind: DeclarationKind;
  line: number;
  column: number;
  exported: boolean;
}

/** A `console.<method>(...)` call. */
export interface ConsoleCall {
  method: string;
  line: number;
  column: number;
}

/** Everything the rules need from one parsed file. Produced once per file per run. */
export interface SourceFacts {
  /** Workspace-relative path. */
  file: string;
  lineCount: number;
  imports: ImportRef[];
  declarations: Declaration[];
  consoleCalls: ConsoleCall[];
  /** Set when the file could not be parsed; the other lists then hold what could be read. */
  parseError?: { line: number; column: number; message: string };
  /** Set when the file was not parsed at all (binary, not UTF-8, too large). */
  skipped?: string;
}
