import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describeNxBatchBehaviour, readRunningNxVersion } from './nx-runtime';

describe('describeNxBatchBehaviour', () => {
  it.each([
    ['21.0.4', false, false],
    ['21.6.11', false, false],
    ['22.3.3', false, false],
    ['22.4.1', false, false],
    ['22.4.2', false, true],
    ['22.5.4', false, true],
    ['22.6.0', true, true],
    ['22.7.12', true, true],
    ['23.2.1', true, true],
    ['22.6.0-beta.3', true, true],
  ])('Nx %s: batches by itself %s, prints yielded results %s', (version, batchesByItself, printsBatchResults) => {
    expect(describeNxBatchBehaviour(version)).toEqual({ version, batchesByItself, printsBatchResults });
  });

  it('takes an unknown or unreadable version as a current Nx', () => {
    expect(describeNxBatchBehaviour(undefined)).toMatchObject({ batchesByItself: true, printsBatchResults: true });
    expect(describeNxBatchBehaviour('next')).toMatchObject({ batchesByItself: true, printsBatchResults: true });
  });
});

describe('readRunningNxVersion', () => {
  it('reads the nx package the workspace resolves when the process entry is not inside one', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'harness-nx-runtime-'));
    try {
      fs.mkdirSync(path.join(root, 'node_modules/nx'), { recursive: true });
      fs.writeFileSync(path.join(root, 'node_modules/nx/package.json'), JSON.stringify({ name: 'nx', version: '22.3.3' }));
      expect(readRunningNxVersion(root, path.join(root, 'tools/run.js'))).toBe('22.3.3');
      expect(readRunningNxVersion(root, undefined)).toBe('22.3.3');
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });

  it('reads the nx package above the process entry file (Nx batch worker or task fork)', () => {
    const entry = path.join(path.dirname(require.resolve('nx/package.json')), 'src/tasks-runner/batch/run-batch.js');
    const version = (require('nx/package.json') as { version: string }).version;
    expect(readRunningNxVersion('/nowhere', entry)).toBe(version);
  });
});
