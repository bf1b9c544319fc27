import { formatCode, formatCount, joinWords } from './format-text';
import { TEST_FILE } from '../../../core/source-files';

/**
 * `12 test files (`*.spec.ts`) in src and tests`, from paths relative to the project root;
 * undefined when there are none. Folders are named in plain text: they are not links to check.
 */
export function summarizeTests(testFiles: string[]): string | undefined {
  if (testFiles.length === 0) return undefined;
  const patterns = [...new Set(testFiles.map((f) => TEST_FILE.exec(f)?.[0]).filter((s): s is string => !!s))].sort();
  const folders = [...new Set(testFiles.map((f) => (f.includes('/') ? f.split('/')[0] : 'the project folder')))].sort();
  const kinds = patterns.length ? ` (${patterns.map((p) => formatCode(`*${p}`)).join(', ')})` : '';
  return `${formatCount(testFiles.length, 'test file')}${kinds} in ${joinWords(folders)}`;
}
