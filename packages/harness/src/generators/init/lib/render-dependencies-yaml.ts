import { Document, isMap, isSeq, stringify, type YAMLSeq } from 'yaml';
import { DEPENDENCY_OPTION_KEYS } from '../../../config/validate-dependency-options';
import type { DependencyOptions } from '../../../config/types';
import type { DepConstraint } from '../../../core/dep-constraint';

const CONSTRAINT_FIELDS: Array<keyof DepConstraint> = ['sourceTag', 'allSourceTags', 'onlyDependOnLibsWithTags', 'notDependOnLibsWithTags', 'bannedExternalImports', 'allowedExternalImports', 'explanation'];
const YAML_OPTIONS = { defaultStringType: 'QUOTE_DOUBLE', defaultKeyType: 'PLAIN', flowCollectionPadding: false, lineWidth: 0 } as const;

/** The YAML text of a `constraints:` list for harness.yaml, every line indented by `indent` spaces. */
export function renderConstraintsYaml(constraints: DepConstraint[], indent = 0): string {
  const ordered = constraints.map((c) => Object.fromEntries(CONSTRAINT_FIELDS.filter((k) => c[k] !== undefined).map((k) => [k, c[k]])));
  const doc = new Document({ constraints: ordered });
  // Tag lists read best on one line (`["scope:billing", "scope:shared"]`), as the README's harness.yaml examples write them.
  for (const item of (doc.get('constraints') as YAMLSeq).items) {
    if (isMap(item)) for (const pair of item.items) if (isSeq(pair.value)) pair.value.flow = true;
  }
  return indentText(stringify(doc, YAML_OPTIONS), indent);
}

/** The module-boundary options and ignore globs as `key: value` lines of `dependencies:`, lists on one line. */
export function renderDependencyOptionsYaml(options: Partial<DependencyOptions>, indent = 0): string {
  const set = DEPENDENCY_OPTION_KEYS.filter((key) => options[key] !== undefined);
  if (set.length === 0) return '';
  const doc = new Document(Object.fromEntries(set.map((key) => [key, options[key]])));
  if (isMap(doc.contents)) {
    for (const pair of doc.contents.items) {
      if (!isSeq(pair.value)) continue;
      pair.value.flow = true;
      for (const item of pair.value.items) if (isSeq(item)) item.flow = true;
    }
  }
  return indentText(stringify(doc, YAML_OPTIONS), indent);
}

function indentText(text: string, indent: number): string {
  const pad = ' '.repeat(indent);
  return text.trimEnd().split('\n').map((line) => pad + line).join('\n') + '\n';
}
