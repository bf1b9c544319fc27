import type { Document, Node } from 'yaml';
import { loadYaml } from '../core/load-yaml';
import { HarnessConfigError } from './config-error';

/** A parsed YAML document that can say on which line any value sits. */
export interface YamlSource {
  file: string;
  data: unknown;
  /** 1-based line of the value at `path` (or of its nearest existing parent). */
  lineOf(path: Array<string | number>): number;
  /** 1-based line of the key at `path`, for "unknown key" errors. */
  keyLineOf(path: Array<string | number>): number;
}

/**
 * Parses YAML as data only: no custom tags, no merge keys that run code, and a low alias limit,
 * so an alias bomb is refused rather than expanded.
 */
export function parseYamlSource(file: string, text: string, lineOffset = 0): YamlSource {
  const { LineCounter, parseDocument, isMap, isScalar } = loadYaml();
  const lineCounter = new LineCounter();
  const doc: Document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const lineAt = (offset: number | undefined) => (offset === undefined ? 1 : lineCounter.linePos(offset).line) + lineOffset;
  if (doc.errors.length > 0) {
    const error = doc.errors[0];
    const reason = error.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
    // An unclosed bracket is reported at the end of the input; name the last written line instead.
    const lastLine = text.trimEnd().split('\n').length + lineOffset;
    const line = Math.min(lineAt(error.pos[0]), lastLine);
    throw new HarnessConfigError(file, line, `invalid YAML (${reason})`, 'fix the syntax at that line');
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 50 });
  } catch (error) {
    throw new HarnessConfigError(
      file,
      1 + lineOffset,
      `YAML refused (${(error as Error).message})`,
      'remove the repeated aliases; harness reads plain data only',
    );
  }
  const nodeAt = (path: Array<string | number>, wantKey: boolean): Node | undefined => {
    let node: unknown = doc.contents;
    let best: Node | undefined = node as Node;
    for (let i = 0; i < path.length; i++) {
      if (!node || typeof node !== 'object' || !('items' in node)) break;
      const items = (node as { items: unknown[] }).items;
      if (isMap(node)) {
        const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(path[i]));
        if (!pair) break;
        if (wantKey && i === path.length - 1) return pair.key as Node;
        node = pair.value;
      } else {
        node = items[Number(path[i])];
      }
      if (node && typeof node === 'object' && 'range' in node) best = node as Node;
    }
    return best;
  };
  return {
    file,
    data,
    lineOf: (path) => lineAt(nodeAt(path, false)?.range?.[0]),
    keyLineOf: (path) => lineAt(nodeAt(path, true)?.range?.[0]),
  };
}

/** Splits `---\n<yaml>\n---` front matter off a markdown text; returns the YAML and its first line. */
export function extractFrontMatter(text: string): { yaml: string; firstLine: number } | undefined {
  const match = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)\r?\n?---[ \t]*(\r?\n|$)/.exec(text);
  return match ? { yaml: match[1], firstLine: 2 } : undefined;
}
