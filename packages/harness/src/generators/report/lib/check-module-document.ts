import { hasRealText, splitSections, toAnchor, type MarkdownSection } from '../../../core/markdown-sections';
import { findBrokenReferences, type ReferenceCheck } from './find-broken-references';
import type { WorkspaceFiles } from './types';

export type SectionState = 'written' | 'placeholder' | 'missing';

/** What one required module document (README.md, CONVENTIONS.md) holds. */
export interface DocumentCheck {
  file: string;
  exists: boolean;
  sections: Array<{ name: string; state: SectionState }>;
  links: ReferenceCheck;
}

/** Reads one module document: is it there, is each required section written, do its links resolve. */
export function checkModuleDocument(files: WorkspaceFiles, file: string, required: string[]): DocumentCheck {
  const text = files.read(file);
  if (text === undefined) {
    return { file, exists: false, sections: required.map((name) => ({ name, state: 'missing' })), links: { checked: 0, broken: [] } };
  }
  const sections = splitSections(text);
  return {
    file,
    exists: true,
    sections: required.map((name) => ({ name, state: judgeSection(sections, name) })),
    links: findBrokenReferences(files, file, text),
  };
}

/** True when the document exists and every required section has real text. */
export function isDocumentWritten(doc: DocumentCheck): boolean {
  return doc.exists && doc.sections.every((s) => s.state === 'written');
}

/** A section counts as written when it, or a subsection under it, has real text. */
function judgeSection(sections: MarkdownSection[], name: string): SectionState {
  const index = sections.findIndex((s) => s.anchor === toAnchor(name));
  if (index < 0) return 'missing';
  const heading = sections[index];
  const next = sections.findIndex((s, i) => i > index && s.level <= heading.level);
  const own = sections.slice(index, next < 0 ? undefined : next);
  return own.some((s) => hasRealText(s.body)) ? 'written' : 'placeholder';
}
