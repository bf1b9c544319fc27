import { isDocumentWritten, type DocumentCheck } from './check-module-document';
import type { DimensionScore } from './types';

/**
 * Docs score: the share of document checks passed. Each document counts one check for being
 * there, one per required section with real text, and one for all its links resolving; a
 * missing document fails all of its checks.
 */
export function scoreDocs(docs: DocumentCheck[]): DimensionScore {
  let passed = 0;
  let total = 0;
  const evidence: string[] = [];
  const gaps: string[] = [];
  for (const doc of docs) {
    const written = doc.sections.filter((s) => s.state === 'written').length;
    const linksResolve = doc.exists && doc.links.broken.length === 0;
    passed += (doc.exists ? 1 : 0) + written + (linksResolve ? 1 : 0);
    total += 2 + doc.sections.length;
    evidence.push(describeDocument(doc, written));
    gaps.push(...listDocumentGaps(doc));
  }
  return { score: total === 0 ? 100 : Math.round((100 * passed) / total), evidence, gaps };
}

function describeDocument(doc: DocumentCheck, written: number): string {
  if (!doc.exists) return `${doc.file}: missing`;
  const sections = `${written}/${doc.sections.length} required sections with real text`;
  const links = doc.links.checked === 0 ? 'no relative links' : `${doc.links.checked - doc.links.broken.length}/${doc.links.checked} relative links resolve`;
  return `${doc.file}: ${sections}, ${links}${isDocumentWritten(doc) ? '' : ` (${describeUnwritten(doc)})`}`;
}

function describeUnwritten(doc: DocumentCheck): string {
  return doc.sections
    .filter((s) => s.state !== 'written')
    .map((s) => `${s.name}: ${s.state === 'missing' ? 'no section' : 'placeholder'}`)
    .join(', ');
}

function listDocumentGaps(doc: DocumentCheck): string[] {
  if (!doc.exists) {
    const sections = doc.sections.map((s) => s.name).join(', ');
    return [`Create ${doc.file} with the sections ${sections}, each describing the module in real text`];
  }
  const gaps = doc.sections
    .filter((s) => s.state !== 'written')
    .map((s) =>
      s.state === 'missing'
        ? `Add a "## ${s.name}" section to ${doc.file} and write it`
        : `Write the ${s.name} section of ${doc.file} (it holds only placeholder text)`,
    );
  for (const link of doc.links.broken) {
    gaps.push(`Fix the link \`${link.target}\` in ${doc.file} line ${link.line}: ${link.reason}`);
  }
  return gaps;
}
