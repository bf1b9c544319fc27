import { loadLater } from '../core/load-later';
import { formatText } from './text';
import type { Reporter } from './types';

export type { Reporter, ReportSummary } from './types';

export const REPORT_FORMATS = ['text', 'json', 'sarif', 'github'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/* The text reporter is the common one; the others are required when asked for (core/load-later.ts). */
/* eslint-disable @typescript-eslint/no-require-imports */
const REPORTERS: Record<ReportFormat, () => Reporter> = {
  text: () => formatText,
  json: loadLater(__filename, () => (require('./json') as typeof import('./json')).formatJson),
  sarif: loadLater(__filename, () => (require('./sarif') as typeof import('./sarif')).formatSarif),
  github: loadLater(__filename, () => (require('./github') as typeof import('./github')).formatGithub),
};
/* eslint-enable @typescript-eslint/no-require-imports */

export function isReportFormat(format: string): format is ReportFormat {
  return (REPORT_FORMATS as readonly string[]).includes(format);
}

/** Returns the reporter for a format name. */
export function loadReporter(format: string): Reporter {
  if (!isReportFormat(format)) {
    throw new Error(`Unknown format "${format}"; use one of ${REPORT_FORMATS.join(', ')}.`);
  }
  return REPORTERS[format]();
}
