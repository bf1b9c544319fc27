import type { ExecutorContext } from '@nx/devkit';

const readNxBatchBehaviour = jest.fn();
jest.mock('./nx-runtime', () => ({ readNxBatchBehaviour: (...args: unknown[]) => readNxBatchBehaviour(...args) }));

import { describeBatchHint } from './executor';

const OLD_NX = { version: '22.3.3', batchesByItself: false, printsBatchResults: false };
const task = (project: string, target = 'harness-check') => ({ id: `${project}:${target}`, target: { project, target } });

function contextFor(project: string, projects: string[], extra: ReturnType<typeof task>[] = []): ExecutorContext {
  const tasks = Object.fromEntries([...projects.map((p) => task(p)), ...extra].map((t) => [t.id, t]));
  return { root: '/ws', projectName: project, targetName: 'harness-check', taskGraph: { tasks } } as unknown as ExecutorContext;
}

describe('describeBatchHint', () => {
  beforeEach(() => readNxBatchBehaviour.mockReturnValue(OLD_NX));

  it('is printed by the first harness-check task of a run-many on an Nx that ignores preferBatch', () => {
    const hint = describeBatchHint(contextFor('billing', ['ledger', 'billing', 'stock']));
    expect(hint).toBe(
      'harness: Nx 22.3.3 starts one process per project for harness-check (3 here); ' +
        'add --batch (`nx run-many -t harness-check --batch`) or set NX_BATCH_MODE=true to check them all in one process',
    );
  });

  it('is printed once: not by the other tasks of the run', () => {
    expect(describeBatchHint(contextFor('ledger', ['ledger', 'billing', 'stock']))).toBeUndefined();
    expect(describeBatchHint(contextFor('stock', ['ledger', 'billing', 'stock']))).toBeUndefined();
  });

  it('is not printed for one project, counting only harness-check tasks', () => {
    expect(describeBatchHint(contextFor('billing', ['billing'], [task('billing', 'test'), task('ledger', 'build')]))).toBeUndefined();
    expect(describeBatchHint({ root: '/ws', projectName: 'billing', targetName: 'harness-check' } as ExecutorContext)).toBeUndefined();
  });

  it('is not printed on an Nx that batches by itself', () => {
    readNxBatchBehaviour.mockReturnValue({ version: '22.7.12', batchesByItself: true, printsBatchResults: true });
    expect(describeBatchHint(contextFor('billing', ['ledger', 'billing']))).toBeUndefined();
  });
});
