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
  const start = text.indexOf(MARKER_START);
  const end = text.indexOf(MARKER_END, start);
  if (start < 0 || end < 0) {
    return `${text.replace(/\s*$/, '')}\n\n${marked}\n`;
  }
  return text.slice(0, start) + marked + text.slice(end + MARKER_END.length);
}

/** The text between the markers, or undefined when the file has none. */
export function readMarkedBlock(text: string): string | undefined {
  const start = text.indexOf(MARKER_START);
  const end = text.indexOf(MARKER_END, start);
  return start < 0 || end < 0 ? undefined : text.slice(start + MARKER_START.length, end).trim();
}
