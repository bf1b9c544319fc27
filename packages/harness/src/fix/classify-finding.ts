import type { Finding, FindingDataByKind } from '../core/finding';

export { classifyFinding, type FindingFix } from '../core/finding-kinds';

/**
 * The data of a finding of one of the given kinds, or undefined for another kind. The planners
 * read what to do from here, never from the finding's title, Fix line or Found text.
 */
export function readFindingData<K extends keyof FindingDataByKind>(finding: Finding, ...kinds: K[]): FindingDataByKind[K] | undefined {
  return (kinds as string[]).includes(finding.kind) ? (finding.data as FindingDataByKind[K] | undefined) : undefined;
}

/** Why a finding with no mechanical fix was left alone. */
export function describeNoFix(finding: Finding): string {
  switch (finding.kind) {
    case 'naming/identifier-style':
    case 'naming/file-style':
      return 'the finding suggests no new name (the style is a custom /regex/); rename it by hand';
    case 'docs/empty-section':
      return 'only a person or an agent can write this text; follow the Fix line';
    default:
      return `--fix has no safe mechanical fix for ${finding.kind} findings; follow the Fix line`;
  }
}
