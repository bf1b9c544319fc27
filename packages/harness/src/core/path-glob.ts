/**
 * Globs over workspace-relative paths, for `dependencies.ignore`: `*` and `?` stay inside one
 * folder, `**` spans folders, `{a,b}` and `[abc]` as usual, and dot files match like any other
 * (ESLint matches with `dot: true`). A glob that matches a folder covers everything under it, and
 * a leading `!` re-includes what an earlier glob left out: the last glob that matches decides.
 */

/** Turns one glob (without `!`) into an anchored RegExp; throws on an unclosed `[` or `{`. */
export function compilePathGlob(glob: string): RegExp {
  let source = '';
  let i = 0;
  let braces = 0;
  const text = glob.replace(/^\.\//, '').replace(/\/+$/, '');
  while (i < text.length) {
    const c = text[i];
    if (c === '*' && text[i + 1] === '*') {
      const atStart = i === 0 || text[i - 1] === '/';
      const atEnd = i + 2 === text.length || text[i + 2] === '/';
      if (atStart && atEnd) {
        // `**/` is zero or more folders; a trailing `**` is anything below.
        source += i + 2 === text.length ? '.*' : '(?:.*/)?';
        i += 3;
        continue;
      }
      source += '[^/]*';
      i += 2;
    } else if (c === '*') {
      source += '[^/]*';
      i++;
    } else if (c === '?') {
      source += '[^/]';
      i++;
    } else if (c === '[') {
      const close = text.indexOf(']', i + 2);
      if (close < 0) throw new Error(`the glob "${glob}" has an unclosed "["`);
      const body = text.slice(i + 1, close).replace(/^!/, '^').replace(/\\/g, '\\\\');
      source += `[${body}]`;
      i = close + 1;
    } else if (c === '{') {
      braces++;
      source += '(?:';
      i++;
    } else if (c === '}' && braces > 0) {
      braces--;
      source += ')';
      i++;
    } else if (c === ',' && braces > 0) {
      source += '|';
      i++;
    } else if (c === '\\' && i + 1 < text.length) {
      source += text[i + 1].replace(/[.+?^${}()|[\]\\*]/g, '\\$&');
      i += 2;
    } else {
      source += c.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
      i++;
    }
  }
  if (braces > 0) throw new Error(`the glob "${glob}" has an unclosed "{"`);
  return new RegExp(`^${source}$`);
}

/** A test for "is this file left out", built once from an ordered list of globs. */
export function createPathFilter(globs: readonly string[]): (file: string) => boolean {
  if (globs.length === 0) return () => false;
  const compiled = globs.map((glob) => {
    const negated = glob.startsWith('!');
    return { negated, regex: compilePathGlob(negated ? glob.slice(1) : glob) };
  });
  const cache = new Map<string, boolean>();
  return (file) => {
    let result = cache.get(file);
    if (result !== undefined) return result;
    result = false;
    const candidates = listSelfAndFolders(file);
    for (const { negated, regex } of compiled) {
      if (candidates.some((candidate) => regex.test(candidate))) result = !negated;
    }
    cache.set(file, result);
    return result;
  };
}

/** `a/b/c.ts` → `a`, `a/b`, `a/b/c.ts`: a glob that matches a folder covers its files. */
function listSelfAndFolders(file: string): string[] {
  const parts = file.split('/');
  return parts.map((_, i) => parts.slice(0, i + 1).join('/'));
}
