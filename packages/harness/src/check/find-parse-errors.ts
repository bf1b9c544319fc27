import type { Finding } from '../core/finding';
import type { CheckContext, ProjectInfo } from '../collect/types';
import { CODE_FILE } from '../core/source-files';

/**
 * Files of the project that failed to parse. Nx's graph silently drops the imports of a file SWC
 * cannot parse, so such a file would hide boundary problems: it is an error of its own.
 * Only files some rule already parsed are looked at, so this never parses anything new.
 */
export function findParseErrors(context: CheckContext, project: ProjectInfo): Finding[] {
  const findings: Finding[] = [];
  for (const file of project.files) {
    if (!CODE_FILE.test(file) || !context.isParsed(file)) continue;
    const facts = context.readSource(file);
    if (!facts.parseError) continue;
    findings.push({
      rule: 'syntax',
      severity: 'error',
      kind: 'syntax/parse-error',
      title: 'File could not be parsed',
      project: project.name,
      file,
      line: facts.parseError.line,
      column: facts.parseError.column,
      found: facts.parseError.message,
      expected: 'every source file parses, so Nx and harness can see its imports',
      fix: `Fix the syntax at line ${facts.parseError.line} of ${file}; until then Nx's project graph ignores this file's imports`,
      reference: 'ARCHITECTURE.md#dependency-rules',
    });
  }
  return findings;
}
