import type { CheckExecutorSchema } from './check-options';
import { HarnessUsageError } from '../config/config-error';
import { RULE_IDS } from '../rules';
import { isReportFormat, REPORT_FORMATS, type ReportFormat } from '../report';

export interface NormalizedCheckOptions {
  format: ReportFormat;
  outputFile?: string;
  rules?: string[];
  fix: boolean;
  base?: string;
  baseline?: string;
  updateBaseline: boolean;
  verbose: boolean;
}

/** Turns raw executor options into checked values; a bad value is a one-line error. */
export function normalizeCheckOptions(raw: CheckExecutorSchema): NormalizedCheckOptions {
  const format = raw.format ?? 'text';
  if (!isReportFormat(format)) {
    throw new HarnessUsageError('--format', `unknown format "${format}"`, `use one of ${REPORT_FORMATS.join(', ')}`);
  }
  const rules = typeof raw.rules === 'string' ? raw.rules.split(',') : raw.rules;
  const selected = rules?.map((r) => r.trim()).filter(Boolean);
  for (const id of selected ?? []) {
    if (!RULE_IDS.includes(id) && id !== 'syntax') {
      throw new HarnessUsageError('--rules', `unknown rule id "${id}"`, `use one of ${RULE_IDS.join(', ')}`);
    }
  }
  return {
    format,
    outputFile: raw.outputFile ?? (raw as { 'output-file'?: string })['output-file'],
    rules: selected && selected.length > 0 ? selected : undefined,
    fix: !!raw.fix,
    base: raw.base,
    baseline: raw.baseline,
    updateBaseline: !!raw.updateBaseline,
    verbose: !!raw.verbose,
  };
}
