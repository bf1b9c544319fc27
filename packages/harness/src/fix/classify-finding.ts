import type { Finding } from '../core/finding';

/** The mechanical fixes `--fix` knows; every other finding needs a person or an agent. */
export type FindingFix = 'rename-identifier' | 'rename-file' | 'scaffold-section' | 'create-document' | 'create-test';

/** `Rename to \`process_invoice\`` (naming rule, identifiers). */
const IDENTIFIER_RENAME = /^Rename to `([^`]+)`$/;
/** `Rename to \`invoice-handler.ts\` and update the imports of it` (naming rule, files). */
const FILE_RENAME = /^Rename to `([^`]+)` and update the imports of it$/;
/** `Create \`modules/billing/tests/billing.spec.ts\` with tests of …` (tests rule). */
const CREATE_TEST = /^Create `([^`]+)` with tests of /;
/** `no "## Purpose" section` (docs rule). */
const MISSING_SECTION = /^no "## (.+)" section$/;

/** Which fix applies to a finding, read from the fields the rules write; undefined when none does. */
export function classifyFinding(finding: Finding): FindingFix | undefined {
  switch (finding.title) {
    case 'Naming convention violation':
      if (FILE_RENAME.test(finding.fix)) return 'rename-file';
      return IDENTIFIER_RENAME.test(finding.fix) ? 'rename-identifier' : undefined;
    case 'Missing documentation section':
      return MISSING_SECTION.test(finding.found) ? 'scaffold-section' : undefined;
    case 'Missing module document':
      return 'create-document';
    case 'Module has no tests':
    case 'Changed file has no test':
      return CREATE_TEST.test(finding.fix) ? 'create-test' : undefined;
    default:
      return undefined;
  }
}

/** The new name a naming finding suggests: an identifier, or a file's base name. */
export function readSuggestedName(finding: Finding): string | undefined {
  return (FILE_RENAME.exec(finding.fix) ?? IDENTIFIER_RENAME.exec(finding.fix))?.[1];
}

/** The test file a tests finding names. */
export function readTestFile(finding: Finding): string | undefined {
  return CREATE_TEST.exec(finding.fix)?.[1];
}

/** The section a docs finding names as missing. */
export function readMissingSection(finding: Finding): string | undefined {
  return MISSING_SECTION.exec(finding.found)?.[1];
}

/**
 * The sections a missing document must have, from the docs rule's Fix line
 * (`Create X with the sections ## Purpose, ## Public API (…`); empty when it names none.
 */
export function readRequiredSections(finding: Finding): string[] {
  const listed = / with the sections (## .*?) \(`/.exec(finding.fix)?.[1];
  return listed ? listed.split(/, (?=## )/).map((s) => s.replace(/^## /, '')) : [];
}

/** Why a finding with no mechanical fix was left alone. */
export function describeNoFix(finding: Finding): string {
  if (finding.title === 'Naming convention violation') {
    return 'the finding suggests no new name (the style is a custom /regex/); rename it by hand';
  }
  if (finding.title === 'Documentation section is empty or template text') {
    return 'only a person or an agent can write this text; follow the Fix line';
  }
  return `--fix has no safe mechanical fix for "${finding.title}"; follow the Fix line`;
}
