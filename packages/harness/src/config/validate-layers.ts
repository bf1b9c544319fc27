import { HarnessConfigError } from './config-error';
import type { Layer } from './types';
import type { YamlSource } from './yaml-source';

type Path = Array<string | number>;

const FOLDER = /^[\w.-]+$/;
const SHAPE = 'write it as [types, config, repo, service, runtime, ui], with peer folders as one nested list: [types, [billing, shipping], ui]';

const fail = (src: YamlSource, path: Path, problem: string, remedy: string): never => {
  throw new HarnessConfigError(src.file, src.lineOf(path), problem, remedy);
};

/**
 * Reads `layers`: folder names under src/, earliest first. A nested list is one layer of peer
 * folders. A folder may sit in one place only, or "the layer of a file" would have two answers.
 */
export function validateLayers(src: YamlSource, path: Path, value: unknown): Layer[] {
  if (!Array.isArray(value)) return fail(src, path, '"layers" must be a list of folder names under src/', SHAPE);
  const seen = new Set<string>();
  return value.map((entry: unknown, i): Layer => {
    const isGroup = Array.isArray(entry);
    if (isGroup && entry.length === 0) fail(src, [...path, i], 'a peer group in "layers" is empty', 'list its folders, or remove the []');
    const folders: unknown[] = isGroup ? entry : [entry];
    folders.forEach((folder, j) => {
      const at = isGroup ? [...path, i, j] : [...path, i];
      if (typeof folder !== 'string' || !FOLDER.test(folder)) {
        const what = Array.isArray(folder) ? 'a peer group inside a peer group' : JSON.stringify(folder);
        fail(src, at, `"layers" must list folder names under src/, got ${what}`, SHAPE);
      }
      if (seen.has(folder as string)) {
        fail(src, at, `the folder "${String(folder)}" is listed twice in "layers"`, 'list each folder once, in one layer or in one peer group');
      }
      seen.add(folder as string);
    });
    return isGroup ? (entry as string[]).slice() : (entry as string);
  });
}
