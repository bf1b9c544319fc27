import { formatGithub } from './github';
import { formatJson } from './json';
import { formatSarif } from './sarif';
import { formatText } from './text';
import type { Reporter } from './types';

export type { Reporter, ReportSummary } from './types';

export const REPORT_FORMATS = ['text', 'json', 'sarif', 'github'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/*
 * Reporters are imported statically: they are a few hundred lines with no dependencies (SARIF
 * uses types only), and Nx runs a workspace-local plugin from its TypeScript source with a
 * transpiler that is registered only while the entry file loads, so a lazy relative require
 * fails there. The expensive module, the TypeScript parser, stays lazy (collect/parse-source.ts).
 */
const REPORTERS: Record<ReportFormat, Reporter> = {
  text: formatText,
  json: formatJson,
  sarif: formatSarif,
  github: formatGithub,
};

export function isReportFormat(format: string): format is ReportFormat {
  return (REPORT_FORMATS as readonly string[]).includes(format);
}

/** Returns the reporter for a format name (all four are loaded with this module; see above). */
export function loadReporter(format: string): Reporter {
  if (!isReportFormat(format)) {
    throw new Error(`Unknown format "${format}"; use one of ${REPORT_FORMATS.join(', ')}.`);
  }
  return REPORTERS[format];
}
