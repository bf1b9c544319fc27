import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { ProjectGraph } from '@nx/devkit';
import { listModules, readFirstSentence } from './list-modules';

describe('readFirstSentence', () => {
  it('skips front matter, headings, badges and comments', () => {
    const text = '---\na: 1\n---\n# billing\n\n<!-- note -->\n\n![badge](b.svg)\n\nOwns the `billing` domain. It has more.\n';
    expect(readFirstSentence(text)).toBe('Owns the billing domain.');
  });

  it('returns the paragraph when it has no full stop, and undefined without prose', () => {
    expect(readFirstSentence('# x\n\nA module for money\n')).toBe('A module for money');
    expect(readFirstSentence('# x\n')).toBeUndefined();
  });
});

describe('listModules', () => {
  it('lists every project with its tags and README purpose, by name', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'harness-list-modules-'));
    try {
      fs.mkdirSync(path.join(root, 'modules/billing'), { recursive: true });
      fs.writeFileSync(path.join(root, 'modules/billing/README.md'), '# billing\n\nBills customers.\n');
      const graph = {
        nodes: {
          ledger: { name: 'ledger', type: 'lib', data: { root: 'modules/ledger', tags: [] } },
          billing: { name: 'billing', type: 'lib', data: { root: 'modules/billing', tags: ['scope:billing'] } },
        },
        dependencies: {},
      } as unknown as ProjectGraph;
      expect(listModules(root, graph)).toEqual([
        { name: 'billing', root: 'modules/billing', tags: ['scope:billing'], purpose: 'Bills customers.' },
        { name: 'ledger', root: 'modules/ledger', tags: [], purpose: undefined },
      ]);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
