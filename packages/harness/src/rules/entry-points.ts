import * as path from 'node:path';
import type { CheckContext } from '../collect/types';

interface ExportEntry {
  /** `<root>/<exports key>`, kept with its trailing slash, as ESLint compares it with one. */
  path: string;
  file: string;
}

type Reader = Pick<CheckContext, 'readText'>;

/**
 * The secondary entry point a workspace file belongs to, as ESLint's module-boundaries rule finds
 * it: a file named by a subpath of the project's package.json `exports`, or the entry file of the
 * nearest `ng-package.json` between the file and the project root. Undefined for the main entry.
 */
export function findEntryPointOf(ctx: Reader, file: string, projectRoot: string): string | undefined {
  const entries = readExportEntries(ctx, projectRoot);
  const named = entries.find((entry) => entry.file === file);
  if (named) return named.file;
  const stop = projectRoot === '' || projectRoot === '.' ? '' : `${projectRoot}/`;
  let dir = path.posix.dirname(file);
  while (dir !== '.' && `${dir}/` !== stop && `${dir}/`.startsWith(stop)) {
    const entry = entries.find((e) => e.path === `${dir}/`);
    if (entry) return entry.file;
    const ngPackage = readJson(ctx, `${dir}/ng-package.json`);
    if (ngPackage) return path.posix.join(dir, readEntryFile(ngPackage));
    dir = path.posix.dirname(dir);
  }
  return undefined;
}

/**
 * True when `file` is the entry file of an Angular secondary entry point: the nearest
 * `ng-package.json` between it and the project root (the root's own excluded) names it. ESLint's
 * module-boundaries rule lets a project import such an entry point through its own alias, from
 * anywhere in the project, so harness does too.
 */
export function isAngularSecondaryEntry(ctx: Reader, file: string, projectRoot: string): boolean {
  const stop = projectRoot === '' || projectRoot === '.' ? '' : `${projectRoot}/`;
  let dir = path.posix.dirname(file);
  while (dir !== '.' && `${dir}/` !== stop && `${dir}/`.startsWith(stop)) {
    const ngPackage = readJson(ctx, `${dir}/ng-package.json`);
    if (ngPackage) return path.posix.join(dir, readEntryFile(ngPackage)) === file;
    dir = path.posix.dirname(dir);
  }
  return false;
}

/**
 * The file a package subpath names in the project's package.json `exports` (`./testing` for
 * `@org/ui/testing`), which is how TypeScript resolves it in a TS-solution workspace.
 */
export function findSubpathEntry(ctx: Reader, projectRoot: string, subpath: string): string | undefined {
  const wanted = path.posix.join(projectRoot, `./${subpath}`);
  return readExportEntries(ctx, projectRoot).find((entry) => entry.path === wanted)?.file;
}

function readEntryFile(ngPackage: Record<string, unknown>): string {
  const lib = ngPackage.lib as { entryFile?: unknown } | undefined;
  return typeof lib?.entryFile === 'string' ? lib.entryFile : 'src/public_api.ts';
}

function readExportEntries(ctx: Reader, projectRoot: string): ExportEntry[] {
  const manifest = readJson(ctx, projectRoot ? `${projectRoot}/package.json` : 'package.json');
  const entries: ExportEntry[] = [];
  if (manifest?.exports) collectExports(manifest.exports, projectRoot, entries, '.');
  return entries;
}

/** Walks `exports`: conditions pick default, then import, require, node; the `.` string is the main entry. */
function collectExports(value: unknown, root: string, entries: ExportEntry[], key: string): void {
  if (value === null || value === undefined) return;
  if (typeof value === 'string') {
    if (key !== '.') entries.push({ path: joinKeepingSlash(root, key), file: path.posix.join(root, value) });
    return;
  }
  if (typeof value !== 'object') return;
  const conditions = value as Record<string, unknown>;
  const chosen = conditions.default || conditions.import || conditions.require || conditions.node;
  if (chosen) return collectExports(chosen, root, entries, key);
  for (const [subpath, target] of Object.entries(conditions)) collectExports(target, root, entries, subpath);
}

function joinKeepingSlash(root: string, key: string): string {
  const joined = path.posix.join(root, key);
  return key.endsWith('/') && !joined.endsWith('/') ? `${joined}/` : joined;
}

function readJson(ctx: Reader, file: string): Record<string, any> | undefined {
  const text = ctx.readText(file);
  if (text === undefined) return undefined;
  try {
    const data = JSON.parse(text);
    return typeof data === 'object' && data !== null ? data : undefined;
  } catch {
    return undefined;
  }
}
