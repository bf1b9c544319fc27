import { parseCliArguments } from './parse-cli-arguments';

describe('parseCliArguments', () => {
  it('reads check with paths and the executor options', () => {
    expect(parseCliArguments(['check', 'a.ts', 'billing', '--format=json', '--rules', 'naming,docs', '--fix'])).toEqual({
      command: 'check',
      paths: ['a.ts', 'billing'],
      options: { format: 'json', rules: 'naming,docs', fix: true },
      hook: undefined,
    });
  });

  it('reads the hook mode', () => {
    expect(parseCliArguments(['check', '--hook=claude'])).toMatchObject({ command: 'check', paths: [], hook: 'claude' });
    expect(parseCliArguments(['check', '--hook=cursor'])).toMatchObject({ command: 'check', paths: [], hook: 'cursor' });
    expect(parseCliArguments(['check', '--hook=codex'])).toMatchObject({ command: 'check', paths: [], hook: 'codex' });
    expect(parseCliArguments(['check', '--hook=copilot'])).toMatchObject({ command: 'check', paths: [], hook: 'copilot' });
  });

  it.each([[[]], [['--help']], [['help']]])('shows help for %j', (argv) => {
    expect(parseCliArguments(argv)).toEqual({ command: 'help' });
  });

  it('reads mcp and --version', () => {
    expect(parseCliArguments(['mcp'])).toEqual({ command: 'mcp' });
    expect(parseCliArguments(['--version'])).toEqual({ command: 'version' });
  });

  it('refuses an unknown command, flag or hook in one line', () => {
    expect(() => parseCliArguments(['lint'])).toThrow('harness: lint: is not a harness command; use `harness check [paths...]`');
    expect(() => parseCliArguments(['check', '--colour'])).toThrow(/^harness: harness check: Unknown option '--colour'; see `harness --help`$/);
    expect(() => parseCliArguments(['check', '--hook=windsurf'])).toThrow('harness: --hook: unknown hook "windsurf"; use one of claude, cursor');
  });
});
