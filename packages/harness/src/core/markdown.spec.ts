import {
  findCommands,
  isPlaceholder,
  listAnchors,
  listCommands,
  listHeadings,
  listInlineCodePaths,
  listLinks,
  parseMarkdown,
  toWorkspacePath,
} from './markdown';

describe('parseMarkdown', () => {
  it('parses CommonMark into an mdast root with positions', () => {
    const tree = parseMarkdown('# Title\n\nText.\n');
    expect(tree.type).toBe('root');
    expect(tree.children.map((c) => c.type)).toEqual(['heading', 'paragraph']);
    expect(tree.children[1].position?.start.line).toBe(3);
  });

  it('blanks YAML front matter so it is not read as a heading, keeping line numbers', () => {
    const tree = parseMarkdown('---\nnaming: { functions: camelCase }\n---\n# Conventions\n');
    expect(listHeadings(tree)).toEqual([{ depth: 1, text: 'Conventions', anchor: 'conventions', line: 4 }]);
  });
});

describe('listHeadings', () => {
  it('gives GitHub anchors, with suffixes for repeated headings', () => {
    const tree = parseMarkdown('# Public API\n## Public API\n## `harness-check` options!\nSetext\n---\n');
    expect(listHeadings(tree)).toEqual([
      { depth: 1, text: 'Public API', anchor: 'public-api', line: 1 },
      { depth: 2, text: 'Public API', anchor: 'public-api-1', line: 2 },
      { depth: 2, text: 'harness-check options!', anchor: 'harness-check-options', line: 3 },
      { depth: 2, text: 'Setext', anchor: 'setext', line: 4 },
    ]);
  });

  it('ignores heading-like lines inside fenced code', () => {
    expect(listHeadings(parseMarkdown('```sh\n# not a heading\n```\n'))).toEqual([]);
  });
});

describe('listAnchors', () => {
  it('includes HTML ids and names next to heading anchors', () => {
    const tree = parseMarkdown('# Map\n\n<a id="old-map"></a>\n\n<a name="legacy"></a>\n');
    expect(listAnchors(tree)).toEqual(['map', 'old-map', 'legacy']);
  });
});

describe('listLinks', () => {
  it('lists links, images and definitions with their positions', () => {
    const tree = parseMarkdown('See [brief](BRIEF.md#module-map) and ![logo](img/logo.png).\n\n[arch]: ARCHITECTURE.md\n');
    expect(listLinks(tree)).toEqual([
      { kind: 'link', url: 'BRIEF.md#module-map', line: 1, column: 5 },
      { kind: 'image', url: 'img/logo.png', line: 1, column: 38 },
      { kind: 'definition', url: 'ARCHITECTURE.md', line: 3, column: 1 },
    ]);
  });

  it('ignores link syntax inside code', () => {
    expect(listLinks(parseMarkdown('`[x](y.md)`\n\n```\n[x](y.md)\n```\n'))).toEqual([]);
  });
});

describe('listInlineCodePaths', () => {
  it('keeps backticked spans that read as paths, with their positions', () => {
    const tree = parseMarkdown('Edit `src/index.ts` and `harness.yaml`, not `docs/`.\n');
    expect(listInlineCodePaths(tree)).toEqual([
      { path: 'src/index.ts', line: 1, column: 7 },
      { path: 'harness.yaml', line: 1, column: 26 },
      { path: 'docs/', line: 1, column: 46 },
    ]);
  });

  it.each([
    ['src/lib/billing.ts', 'src/lib/billing.ts'],
    ['./README.md', './README.md'],
    ['../shared/SPEC.md', '../shared/SPEC.md'],
    ['packages/harness/', 'packages/harness/'],
    ['AGENTS.md', 'AGENTS.md'],
    ['src/a.ts:12', 'src/a.ts'],
    ['README.md#purpose', 'README.md'],
  ])('reads `%s` as the path %s', (code, expected) => {
    expect(toWorkspacePath(code)).toBe(expected);
  });

  it.each([
    'https://nx.dev/docs',
    'scope:billing',
    'npm:lodash',
    '@acme/billing',
    'modules/<name>/',
    'src/**/*.ts',
    'src/{a,b}',
    'npx nx test billing',
    '--output-file=dist/x.json',
    'console.log',
    'harness-check',
    '1/2',
    '../',
    '$HOME/x',
    '~/x.md',
  ])('does not read `%s` as a path', (code) => {
    expect(toWorkspacePath(code)).toBeUndefined();
  });
});

describe('listCommands', () => {
  it('finds npm scripts and Nx targets in inline code and in code blocks, with lines', () => {
    const text = ['Run `npm run demo` or `npx nx run billing:test`.', '', '```sh', 'npm ci && npm test', 'nx build shared --prod', '```', ''].join('\n');
    const commands = listCommands(parseMarkdown(text));
    expect(commands.map(({ kind, line, text: t }) => ({ kind, line, text: t }))).toEqual([
      { kind: 'npm-script', line: 1, text: 'npm run demo' },
      { kind: 'nx-target', line: 1, text: 'nx run billing:test' },
      { kind: 'npm-script', line: 4, text: 'npm test' },
      { kind: 'nx-target', line: 5, text: 'nx build shared' },
    ]);
    expect(commands[1]).toMatchObject({ project: 'billing', target: 'test', column: 28 });
    expect(commands[3]).toMatchObject({ project: 'shared', target: 'build' });
  });

  it('counts lines of an indented code block from its first line', () => {
    const commands = listCommands(parseMarkdown('Text.\n\n    npm run lint\n'));
    expect(commands).toEqual([{ kind: 'npm-script', script: 'lint', text: 'npm run lint', line: 3, column: 5 }]);
  });

  it('reads every form of the run-many and affected targets option', () => {
    expect(findCommands('npx nx run-many -t lint,test build --parallel=3', 1, 1)).toMatchObject([{ kind: 'nx-run-many', targets: ['lint', 'test', 'build'] }]);
    expect(findCommands('nx affected --targets=e2e', 1, 1)).toMatchObject([{ kind: 'nx-run-many', targets: ['e2e'] }]);
    expect(findCommands('nx run-many --target test', 1, 1)).toMatchObject([{ kind: 'nx-run-many', targets: ['test'] }]);
  });

  it.each([
    'npx nx g harness:module billing',
    'nx graph --file=graph.html',
    'nx show project billing',
    'npx create-nx-workspace demo',
    'npm ci',
    'npm run -s',
    'nx sync:check',
    'nx run billing',
  ])('finds no target or script in `%s`', (line) => {
    expect(findCommands(line, 1, 1)).toEqual([]);
  });
});

describe('isPlaceholder', () => {
  it.each(['<module>', '{project}', '$NAME', '*', '...', ''])('treats %p as a placeholder', (token) => {
    expect(isPlaceholder(token)).toBe(true);
  });

  it('treats a real name as a name', () => {
    expect(isPlaceholder('billing')).toBe(false);
  });
});
