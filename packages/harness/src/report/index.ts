import type { Reporter } from './types';

export type { Reporter, ReportSummary } from './types';

export const REPORT_FORMATS = ['text', 'json', 'sarif', 'github'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/*
 * Each format is required only when chosen, so a text run never loads the SARIF code. The
 * `typeof import` casts keep the loaders typed without importing the modules eagerly.
 */
/* eslint-disable @typescript-eslint/no-require-imports */
const REPORTER_LOADERS: Record<ReportFormat, () => Reporter> = {
  text: () => (require('./text') as typeof import('./text')).formatText,
  json: () => (require('./json') as typeof import('./json')).formatJson,
  sarif: () => (require('./sarif') as typeof import('./sarif')).formatSarif,
  github: () => (require('./github') as typeof import('./github')).formatGithub,
};
/* eslint-enable @typescript-eslint/no-require-imports */

export function isReportFormat(format: string): format is ReportFormat {
  return (REPORT_FORMATS as readonly string[]).includes(format);
}

/** Returns the reporter for a format name, loading only that format's module. */
export function loadReporter(format: string): Reporter {
  if (!isReportFormat(format)) {
    throw new Error(`Unknown format "${format}"; use one of ${REPORT_FORMATS.join(', ')}.`);
  }
  return REPORTER_LOADERS[format]();
}
