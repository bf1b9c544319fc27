import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { Log } from 'sarif';
import { makeFinding, SUMMARY } from './__fixtures__/make-finding';
import { formatSarif } from './sarif';

/**
 * The published schema is written in draft-04, which Ajv 8 does not load. Its only draft-04
 * keyword is the root `id`, so renaming it to `$id` and dropping the meta-schema pointer lets the
 * draft-07 validator check every other constraint unchanged. The schema's `language` pattern has a
 * stray `]` that is legal only outside unicode mode, hence `unicodeRegExp: false`.
 */
function compileSarifSchema(): ValidateFunction {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { $schema: _draft, id, ...schema } = require('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
  const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false });
  addFormats(ajv);
  return ajv.compile({ ...schema, $id: id });
}

const validateSarif = compileSarifSchema();

function parseLog(findings = [makeFinding()]): Log {
  return JSON.parse(formatSarif(findings, SUMMARY).output) as Log;
}

describe('formatSarif', () => {
  it('writes a log that the SARIF 2.1.0 schema accepts', () => {
    const log = parseLog([
      makeFinding(),
      makeFinding({ rule: 'file-size', severity: 'warn', title: 'File too long', line: 0, column: 0 }),
      makeFinding({ file: 'modules/my dir/a#b.ts', line: 3, column: 0 }),
    ]);
    const valid = validateSarif(log);
    // The errors name the failing path, which says more than `false` when this breaks.
    expect(validateSarif.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('accepts an empty log', () => {
    expect(validateSarif(parseLog([]))).toBe(true);
  });

  it('is checked by a validator that rejects a broken log', () => {
    const log = parseLog() as unknown as Record<string, unknown>;
    expect(validateSarif({ ...log, version: '2.0.0' })).toBe(false);
    expect(validateSarif({ ...log, runs: [{ results: [] }] })).toBe(false);
    const withResult = (change: object) => {
      const run = (log.runs as Log['runs'])[0];
      return { ...log, runs: [{ ...run, results: [{ ...run.results![0], ...change }] }] };
    };
    expect(validateSarif(withResult({}))).toBe(true);
    expect(validateSarif(withResult({ level: 'fatal' }))).toBe(false);
    const badUri = { physicalLocation: { artifactLocation: { uri: 'a b\\c' } } };
    expect(validateSarif(withResult({ locations: [badUri] }))).toBe(false);
  });

  it('describes the tool and each rule that has a finding once', () => {
    const log = parseLog([
      makeFinding({ rule: 'naming' }),
      makeFinding({ rule: 'naming', line: 9 }),
      makeFinding({ rule: 'docs', title: 'README section missing', file: 'modules/billing/README.md' }),
    ]);
    const { $schema, version, runs } = log;
    expect($schema).toBe('https://json.schemastore.org/sarif-2.1.0.json');
    expect(version).toBe('2.1.0');
    expect(runs).toHaveLength(1);
    const driver = runs[0].tool.driver;
    expect(driver.name).toBe('harness');
    expect(driver.informationUri).toMatch(/^https:\/\//);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    expect(driver.version).toBe(require('../../package.json').version);
    expect(driver.rules).toEqual([
      { id: 'docs', shortDescription: { text: 'README section missing' } },
      { id: 'naming', shortDescription: { text: 'Naming convention violation' } },
    ]);
    expect(runs[0].results!.map((r) => [r.ruleId, r.ruleIndex])).toEqual([
      ['docs', 0],
      ['naming', 1],
      ['naming', 1],
    ]);
  });

  it('maps a finding to a result with level, message and relative location', () => {
    const [result] = parseLog().runs[0].results!;
    expect(result.level).toBe('error');
    expect(result.message.text).toBe(
      'Naming convention violation\nExpected pattern: snake_case function names\nFix: Rename to `process_invoice`',
    );
    expect(result.locations).toEqual([
      {
        physicalLocation: {
          artifactLocation: { uri: 'modules/billing/src/lib/invoice-handler.ts', uriBaseId: '%SRCROOT%' },
          region: { startLine: 5, startColumn: 17 },
        },
      },
    ]);
  });

  it('keeps ruleId the rule id and puts the kind, its data and fixable in the properties', () => {
    const [custom, rename] = parseLog([makeFinding({ file: 'a.ts', data: undefined }), makeFinding({ file: 'b.ts' })]).runs[0].results!;
    expect(rename.ruleId).toBe('naming');
    expect(rename.properties).toEqual({
      project: 'billing',
      found: 'processInvoice',
      reference: 'modules/billing/CONVENTIONS.md#naming',
      kind: 'naming/identifier-style',
      fixable: true,
      data: { rename: { from: 'processInvoice', to: 'process_invoice' } },
    });
    expect(custom.properties).toEqual({ project: 'billing', found: 'processInvoice', reference: 'modules/billing/CONVENTIONS.md#naming', kind: 'naming/identifier-style', fixable: false });
  });

  it('writes a warning finding as level warning and exits 0', () => {
    const { output, exitCode } = formatSarif([makeFinding({ severity: 'warn' })], SUMMARY);
    expect((JSON.parse(output) as Log).runs[0].results![0].level).toBe('warning');
    expect(exitCode).toBe(0);
  });

  it('writes a region only for positions that exist', () => {
    const [wholeFile, lineOnly] = parseLog([
      makeFinding({ file: 'a.ts', line: 0, column: 0 }),
      makeFinding({ file: 'b.ts', line: 4, column: 0 }),
    ]).runs[0].results!;
    expect(wholeFile.locations![0].physicalLocation!.region).toBeUndefined();
    expect(lineOnly.locations![0].physicalLocation!.region).toEqual({ startLine: 4 });
  });

  it('escapes path characters that are not allowed in a URI', () => {
    const [result] = parseLog([makeFinding({ file: 'modules/my dir/a#b.ts' })]).runs[0].results!;
    expect(result.locations![0].physicalLocation!.artifactLocation!.uri).toBe('modules/my%20dir/a%23b.ts');
  });

  it('exits 1 when any finding is an error', () => {
    expect(formatSarif([makeFinding({ severity: 'warn' }), makeFinding()], SUMMARY).exitCode).toBe(1);
  });
});
