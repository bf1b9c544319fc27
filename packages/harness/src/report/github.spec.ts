import fc from 'fast-check';
import { makeFinding, SUMMARY } from './__fixtures__/make-finding';
import { escapeGithubData, escapeGithubProperty, formatGithub, formatGithubCommand } from './github';

describe('formatGithub', () => {
  it('writes an error finding as an ::error command with position and title', () => {
    expect(formatGithubCommand(makeFinding())).toBe(
      '::error file=modules/billing/src/lib/invoice-handler.ts,line=5,col=17,title=Naming convention violation::' +
        'Found: `processInvoice`%0AExpected pattern: snake_case function names%0AFix: Rename to `process_invoice`',
    );
  });

  it('writes a warning finding as ::warning', () => {
    expect(formatGithubCommand(makeFinding({ severity: 'warn' }))).toMatch(/^::warning file=/);
  });

  it('leaves out line and col when they are 0', () => {
    expect(formatGithubCommand(makeFinding({ line: 0, column: 0 }))).toMatch(
      /^::error file=modules\/billing\/src\/lib\/invoice-handler\.ts,title=Naming convention violation::/,
    );
    expect(formatGithubCommand(makeFinding({ line: 3, column: 0 }))).toContain(',line=3,title=');
  });

  it('escapes property values and the message so a finding cannot end the command early', () => {
    const command = formatGithubCommand(
      makeFinding({ file: 'a,b:c.ts', title: 'Bad: 100%, really\nyes', found: 'x\r\ny', expected: 'a: b, c' }),
    );
    expect(command).toBe(
      '::error file=a%2Cb%3Ac.ts,line=5,col=17,title=Bad%3A 100%25%2C really%0Ayes::' +
        'Found: `x%0D%0Ay`%0AExpected pattern: a: b, c%0AFix: Rename to `process_invoice`',
    );
    expect(command.split('\n')).toHaveLength(1);
  });

  it('ends with the same summary line as the text report, one command per finding', () => {
    const { output, exitCode } = formatGithub(
      [makeFinding({ file: 'b.ts' }), makeFinding({ file: 'a.ts', severity: 'warn' })],
      SUMMARY,
    );
    const lines = output.split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^::warning file=a\.ts,/);
    expect(lines[1]).toMatch(/^::error file=b\.ts,/);
    expect(lines[2]).toBe('harness-check: 1 error, 1 warning in 2 files (40 files checked in 3 projects)');
    expect(exitCode).toBe(1);
  });

  it('writes only the summary and exits 0 when there is no finding', () => {
    expect(formatGithub([], SUMMARY)).toEqual({
      output: 'harness-check: no findings (40 files checked in 3 projects)',
      exitCode: 0,
    });
  });
});

describe('GitHub escaping', () => {
  // GitHub decodes in this order; a round trip proves no escape is lost or doubled.
  const decode = (text: string) =>
    text.replace(/%2C/g, ',').replace(/%3A/g, ':').replace(/%0A/g, '\n').replace(/%0D/g, '\r').replace(/%25/g, '%');

  it('escapes a property value into one line with no separator left, and decodes back', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', '%', ':', ',', '\n', '\r', '2', 'C', '5') }), (text) => {
        const escaped = escapeGithubProperty(text);
        expect(escaped).not.toMatch(/[,:\r\n]/);
        expect(decode(escaped)).toBe(text);
      }),
    );
  });

  it('keeps : and , in the message, where GitHub reads them literally', () => {
    expect(escapeGithubData('a: b, 5%\r\n')).toBe('a: b, 5%25%0D%0A');
  });
});
