import { hasRealText } from '../../../core/markdown-outline';

/** True when markdown holds real text beyond its headings, comments and placeholders. */
export function hasProse(markdown: string): boolean {
  return hasRealText(markdown.replace(/^\s{0,3}#{1,6}\s.*$/gm, ''));
}
