import { makeFinding, SUMMARY } from './__fixtures__/make-finding';
import { loadReporter, REPORT_FORMATS } from './index';

describe('loadReporter', () => {
  it.each(REPORT_FORMATS)('loads the %s reporter', (format) => {
    const reporter = loadReporter(format);
    expect(typeof reporter).toBe('function');
    expect(reporter([], SUMMARY).exitCode).toBe(0);
  });

  it.each(['xml', 'TEXT', '', 'constructor', 'toString'])('rejects the unknown format %j in one sentence', (format) => {
    expect(() => loadReporter(format)).toThrow(
      new Error(`Unknown format "${format}"; use one of text, json, sarif, github.`),
    );
  });

  it.each(REPORT_FORMATS)('exits 1 for an error finding and 0 for a warning finding with %s', (format) => {
    const reporter = loadReporter(format);
    expect(reporter([makeFinding({ severity: 'warn' }), makeFinding()], SUMMARY).exitCode).toBe(1);
    expect(reporter([makeFinding({ severity: 'warn' })], SUMMARY).exitCode).toBe(0);
  });

  it('returns a different reporter per format', () => {
    const outputs = REPORT_FORMATS.map((format) => loadReporter(format)([makeFinding()], SUMMARY).output);
    expect(new Set(outputs).size).toBe(REPORT_FORMATS.length);
  });
});
