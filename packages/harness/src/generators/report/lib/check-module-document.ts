import { judgeSection, listSections, type SectionState } from '../../../core/markdown-outline';
import { findBrokenReferences, type ReferenceCheck } from './find-broken-references';
import type { WorkspaceFiles } from './types';

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
  const sections = listSections(text);
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
