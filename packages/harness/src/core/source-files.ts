/**
 * Which files are JavaScript or TypeScript code, tests and declarations, for every part of harness
 * that picks files by name: collect, the rules, --fix, and the adopt and report generators.
 */

/** The endings of code files: `.ts`, `.tsx`, `.js`, `.jsx` and their `.m`/`.c` module variants. */
export const CODE_EXTENSION = String.raw`\.[cm]?[jt]sx?`;

/** A code file; its match is the extension (`.tsx`). */
export const CODE_FILE = new RegExp(`${CODE_EXTENSION}$`);

/** A declaration file: types only, never checked as code. */
export const DECLARATION_FILE = /\.d\.[cm]?ts$/;

/** A test file (`x.spec.ts`, `x.test.mjs`); its match is the suffix (`.spec.ts`). */
export const TEST_FILE = new RegExp(`\\.(?:spec|test)${CODE_EXTENSION}$`);

/** Whether a file is code the parser reads, declaration files left out. */
export function isParsedCode(file: string): boolean {
  return CODE_FILE.test(file) && !DECLARATION_FILE.test(file);
}
