import type { Finding } from '../core/finding';
import { findSection, listSections } from '../core/markdown-outline';
import type { ProjectInfo } from '../collect/types';
import { readFindingData } from './classify-finding';
import { isInsideProject } from './is-inside-project';
import { renderSection } from './section-prompts';
import type { FixChange, PlanOutcome, SkippedFinding } from './types';
import type { WorkspaceDraft } from './workspace-draft';

/**
 * Appends each missing README/CONVENTIONS section, marked for completion, after the existing
 * text, which stays byte for byte as it was; creates a missing document with all its sections
 * marked the same way. A created CONVENTIONS.md has no front matter, so the module's rules stay
 * those of harness.yaml, as they were while the file was missing.
 */
export function planDocuments(draft: WorkspaceDraft, project: ProjectInfo, findings: Finding[]): PlanOutcome {
  const changes: FixChange[] = [];
  const skipped: SkippedFinding[] = [];
  for (const finding of findings) {
    const planned = isInsideProject(project, finding.file)
      ? finding.kind === 'docs/missing-document'
        ? planDocument(draft, project, finding)
        : planSection(draft, project, finding)
      : `${finding.file} is outside ${project.name}; --fix edits only the module's own documents`;
    if (typeof planned === 'string') skipped.push({ finding, reason: planned });
    else changes.push(planned);
  }
  return { changes, skipped };
}

function planSection(draft: WorkspaceDraft, project: ProjectInfo, finding: Finding): FixChange | string {
  const { document, section } = readFindingData(finding, 'docs/missing-section')!;
  const text = draft.readText(finding.file);
  if (text === undefined) return `${finding.file} no longer exists; run the check again`;
  if (hasSection(text, section)) return `${finding.file} already has a "## ${section}" section`;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const separator = text === '' || text.endsWith(eol + eol) ? '' : text.endsWith(eol) ? eol : eol + eol;
  const updated = text + separator + renderSection(document, section, project.name, eol);
  // An unclosed code fence would swallow the heading; then the section would still be missing.
  if (!hasSection(updated, section)) return `a "## ${section}" heading appended to ${finding.file} would not be read as a heading (is a code fence left open?); add it by hand`;
  draft.writeText(finding.file, updated);
  return { file: finding.file, kind: 'scaffold-section', description: `${finding.file}: added "## ${section}", marked harness:todo for a person or agent to complete` };
}

function planDocument(draft: WorkspaceDraft, project: ProjectInfo, finding: Finding): FixChange | string {
  if (draft.readText(finding.file) !== undefined) return `${finding.file} exists now; run the check again`;
  const { document, sections } = readFindingData(finding, 'docs/missing-document')!;
  const title = document === 'CONVENTIONS.md' ? `# ${project.name} conventions` : `# ${project.name}`;
  draft.writeText(finding.file, [title, '', ...sections.map((s) => renderSection(document, s, project.name, '\n'))].join('\n'));
  const marked = sections.length ? ` with the sections ${sections.join(', ')}, marked harness:todo for a person or agent to complete` : '';
  return { file: finding.file, kind: 'create-file', description: `created ${finding.file}${marked}` };
}

function hasSection(text: string, section: string): boolean {
  return findSection(listSections(text), section) !== undefined;
}
