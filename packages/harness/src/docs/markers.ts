export const MARKER_START = '<!-- harness:start -->';
export const MARKER_END = '<!-- harness:end -->';

/**
 * Puts `block` between the harness markers of `text`, touching nothing outside them.
 * A file without markers gets the block appended; a missing file gets `fallback` around it.
 * Returns the text unchanged when the block is already current, so generators stay idempotent.
 */
export function upsertMarkedBlock(text: string | undefined, block: string, fallback: (marked: string) => string): string {
  const marked = `${MARKER_START}\n${block.trim()}\n${MARKER_END}`;
  if (text === undefined) return fallback(marked);
  const { start, end } = locateMarkers(text);
  if (start < 0 || end < 0) {
    return `${text.replace(/\s*$/, '')}\n\n${marked}\n`;
  }
  return text.slice(0, start) + marked + text.slice(end + MARKER_END.length);
}

/** The text between the markers, or undefined when the file has none. */
export function readMarkedBlock(text: string): string | undefined {
  const { start, end } = locateMarkers(text);
  return start < 0 || end < 0 ? undefined : text.slice(start + MARKER_START.length, end).trim();
}

/**
 * Offsets of the markers, counted only where a marker stands alone on its line: a document that
 * mentions the markers in its prose (as this repo's AGENTS.md does) must not be cut there.
 */
function locateMarkers(text: string): { start: number; end: number } {
  const find = (marker: string, from: number) => {
    const pattern = new RegExp(`^[ \\t]*${marker.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}[ \\t]*$`, 'gm');
    pattern.lastIndex = from;
    const match = pattern.exec(text);
    return match ? match.index + match[0].indexOf(marker) : -1;
  };
  const start = find(MARKER_START, 0);
  return { start, end: start < 0 ? -1 : find(MARKER_END, start) };
}
