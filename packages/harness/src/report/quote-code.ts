/**
 * Wraps raw source text in a markdown code span. Found text may itself hold backticks (template
 * literals), so the fence grows past the longest run inside, as markdown requires.
 */
export function quoteCode(text: string): string {
  const longestRun = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longestRun + 1);
  const pad = longestRun > 0 && (text.startsWith('`') || text.endsWith('`')) ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}
