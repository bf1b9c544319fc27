import * as path from 'node:path';
import type { Tree } from '@nx/devkit';

const SOURCE_EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];
// nodenext imports name the emitted `.js` file; the source beside it is `.ts`.
const EMITTED_TO_SOURCE: Record<string, string[]> = { '.js': ['.ts', '.tsx'], '.mjs': ['.mts'], '.cjs': ['.cts'], '.jsx': ['.tsx'] };

/** The workspace file a relative specifier in `fromFile` names, as the TypeScript resolver would find it. */
export function resolveRelativeFile(tree: Tree, fromFile: string, specifier: string): string | undefined {
  if (!specifier.startsWith('.')) return undefined;
  const base = path.posix.normalize(path.posix.join(path.posix.dirname(fromFile), specifier));
  if (base.startsWith('..')) return undefined;
  const ext = path.posix.extname(base);
  const stem = base.slice(0, base.length - ext.length);
  const candidates = [
    ...(EMITTED_TO_SOURCE[ext] ?? []).map((e) => stem + e),
    base,
    ...SOURCE_EXTENSIONS.map((e) => base + e),
    ...SOURCE_EXTENSIONS.map((e) => `${base}/index${e}`),
  ];
  return candidates.find((file) => tree.isFile(file));
}
