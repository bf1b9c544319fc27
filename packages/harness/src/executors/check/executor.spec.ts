import type { ExecutorContext, ProjectGraph } from '@nx/devkit';

const readNxBatchBehaviour = jest.fn();
jest.mock('./nx-runtime', () => ({ readNxBatchBehaviour: (...args: unknown[]) => readNxBatchBehaviour(...args) }));
const checkProjects = jest.fn();
jest.mock('../../check/check-projects', () => ({ checkProjects: (...args: unknown[]) => checkProjects(...args) }));
const info = jest.fn();
jest.mock('./nx-logger', () => ({ loadNxLogger: () => ({ info }) }));

import checkExecutor, { describeBatchHint } from './executor';

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

describe('checkExecutor', () => {
  const graph: ProjectGraph = { nodes: {}, dependencies: {} };
  const context = { ...contextFor('billing', ['billing']), projectGraph: graph } as ExecutorContext;
  const printed = () => info.mock.calls.map(([text]) => text);

  beforeEach(() => {
    checkProjects.mockReset();
    info.mockReset();
    readNxBatchBehaviour.mockReturnValue(OLD_NX);
  });

  it('checks its one project with the options normalized, prints the report as it is, and fails on a failing outcome', async () => {
    checkProjects.mockResolvedValue({ billing: { success: false, output: 'ERROR: Naming convention violation\nFile: a.ts' } });
    await expect(checkExecutor({ format: 'json', rules: 'naming, docs', outputFile: 'out.json' }, context)).resolves.toEqual({ success: false });
    expect(checkProjects).toHaveBeenCalledTimes(1);
    const [request] = checkProjects.mock.calls[0];
    expect(request).toEqual({ workspaceRoot: '/ws', graph, projects: ['billing'], options: expect.objectContaining({ format: 'json', rules: ['naming', 'docs'], outputFile: 'out.json', fix: false }) });
    expect(printed()).toEqual(['ERROR: Naming convention violation\nFile: a.ts']);
  });

  it('passes a passing outcome on', async () => {
    checkProjects.mockResolvedValue({ billing: { success: true, output: 'harness-check: 0 errors' } });
    await expect(checkExecutor({}, context)).resolves.toEqual({ success: true });
  });

  it('refuses a bad option in one line, before collecting anything', async () => {
    await expect(checkExecutor({ format: 'xml' as 'json' }, context)).resolves.toEqual({ success: false });
    expect(checkProjects).not.toHaveBeenCalled();
    expect(printed()).toEqual(['harness: --format: unknown format "xml"; use one of text, json, sarif, github']);
  });

  it('says how to run it when Nx gives no project or no graph', async () => {
    const line = 'harness: harness-check needs a project; run it as `nx run <project>:harness-check`';
    await expect(checkExecutor({}, { ...context, projectName: undefined })).resolves.toEqual({ success: false });
    await expect(checkExecutor({}, { ...context, projectGraph: undefined } as unknown as ExecutorContext)).resolves.toEqual({ success: false });
    expect(printed()).toEqual([line, line]);
    expect(checkProjects).not.toHaveBeenCalled();
  });

  it('prints the batch hint after the report on an Nx that runs one process per project', async () => {
    checkProjects.mockResolvedValue({ billing: { success: true, output: 'report' } });
    const runMany = { ...contextFor('billing', ['billing', 'ledger']), projectGraph: graph } as ExecutorContext;
    await checkExecutor({}, runMany);
    expect(printed()).toEqual(['report', expect.stringMatching(/^harness: Nx 22\.3\.3 starts one process per project/)]);
  });

  it('does not swallow an internal error: the task fails with it (configuration errors come back as outcomes)', async () => {
    checkProjects.mockRejectedValueOnce(new Error('disk on fire'));
    await expect(checkExecutor({}, context)).rejects.toThrow('disk on fire');
    expect(printed()).toEqual([]);
  });
});
