import type { DepConstraint } from '../core/dep-constraint';
import { findConstraintsFor, hasAnyTag } from '../core/tag-match';

/**
 * Whether a direct edge breaks the tag constraints, for marking it in the module diagram.
 * The transitive and import-level checks live in the dependency-constraints rule.
 */
export function isViolatingEdge(sourceTags: string[], targetTags: string[], constraints: DepConstraint[]): boolean {
  if (constraints.length === 0) return false;
  const applicable = findConstraintsFor(constraints, sourceTags);
  if (applicable.length === 0) return true;
  return applicable.some(
    (c) =>
      (c.onlyDependOnLibsWithTags !== undefined && !hasAnyTag(targetTags, c.onlyDependOnLibsWithTags)) ||
      (c.notDependOnLibsWithTags !== undefined && hasAnyTag(targetTags, c.notDependOnLibsWithTags)),
  );
}
