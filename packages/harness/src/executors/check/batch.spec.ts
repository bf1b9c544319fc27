import type { ExecutorContext, TaskGraph } from '@nx/devkit';

const checkProjects = jest.fn();
jest.mock('../../check/check-projects', () => ({ checkProjects: (...args: unknown[]) => checkProjects(...args) }));
const CURRENT_NX = { version: '23.2.1', batchesByItself: true, printsBatchResults: true };
const readNxBatchBehaviour = jest.fn().mockReturnValue(CURRENT_NX);
jest.mock('./nx-runtime', () => ({ readNxBatchBehaviour: (...args: unknown[]) => readNxBatchBehaviour(...args) }));
const info = jest.fn();
jest.mock('./nx-logger', () => ({ loadNxLogger: () => ({ info }) }));

import checkBatch, { checkAllTasks } from './batch';

const task = (project: string) => ({ id: `${project}:harness-check`, target: { project, target: 'harness-check' }, overrides: {}, outputs: [] });

describe('checkBatch', () => {
  beforeEach(() => {
    checkProjects.mockReset();
    info.mockReset();
  });

  it('checks every task of the batch in one collect and maps outcomes back to task ids', async () => {
    checkProjects.mockResolvedValue({ a: { success: true, output: 'ok a' }, b: { success: false, output: 'bad b' } });
    const taskGraph = { tasks: { 'a:harness-check': task('a'), 'b:harness-check': task('b') } } as unknown as TaskGraph;
    const context = { root: '/ws', projectGraph: { nodes: {}, dependencies: {} } } as unknown as ExecutorContext;
    const streamed: Array<{ task: string }> = [];
    for await (const item of checkBatch(taskGraph, { 'a:harness-check': {}, 'b:harness-check': {} }, {}, context)) streamed.push(item);
    expect(streamed.map((s) => s.task)).toEqual(['a:harness-check', 'b:harness-check']);
    const results = Object.fromEntries(streamed.map((s) => [s.task, (s as unknown as { result: unknown }).result]));
    expect(checkProjects).toHaveBeenCalledTimes(1);
    expect(checkProjects.mock.calls[0][0].projects).toEqual(['a', 'b']);
    expect(results).toEqual({
      'a:harness-check': { success: true, terminalOutput: 'ok a' },
      'b:harness-check': { success: false, terminalOutput: 'bad b' },
    });
    // A current Nx prints what is yielded; printing it here too would show every report twice.
    expect(info).not.toHaveBeenCalled();
  });

  it('keeps one collect when each task has its own report path', async () => {
    checkProjects.mockResolvedValue({ a: { success: true, output: '' }, b: { success: true, output: '' } });
    const taskGraph = { tasks: { 'a:harness-check': task('a'), 'b:harness-check': task('b') } } as unknown as TaskGraph;
    const inputs = { 'a:harness-check': { format: 'json' as const, outputFile: 'out/a.json' }, 'b:harness-check': { format: 'json' as const, outputFile: 'out/b.json' } };
    await checkAllTasks(taskGraph, inputs, {}, { root: '/ws', projectGraph: { nodes: {}, dependencies: {} } } as unknown as ExecutorContext);
    expect(checkProjects).toHaveBeenCalledTimes(1);
    expect(checkProjects.mock.calls[0][0].outputFiles).toEqual({ a: 'out/a.json', b: 'out/b.json' });
  });

  it('fails every task of a group with a bad option in one line, without collecting', async () => {
    const taskGraph = { tasks: { 'a:harness-check': task('a') } } as unknown as TaskGraph;
    const results = await checkAllTasks(taskGraph, { 'a:harness-check': { rules: 'spelling' } }, { rules: 'spelling' }, { root: '/ws' } as ExecutorContext);
    expect(checkProjects).not.toHaveBeenCalled();
    expect(results['a:harness-check'].success).toBe(false);
    expect(results['a:harness-check'].terminalOutput).toMatch(/^harness: --rules: unknown rule id "spelling"/);
  });
});

describe('checkBatch on an Nx that prints no batch result (before 22.4.2)', () => {
  beforeEach(() => {
    checkProjects.mockReset();
    info.mockReset();
    readNxBatchBehaviour.mockReturnValue({ version: '22.3.3', batchesByItself: false, printsBatchResults: false });
  });
  afterEach(() => readNxBatchBehaviour.mockReturnValue(CURRENT_NX));

  it('prints each report itself under the task line Nx uses, and still yields every result', async () => {
    checkProjects.mockResolvedValue({ a: { success: true, output: 'ok a' }, b: { success: false, output: 'bad b' } });
    const taskGraph = { tasks: { 'a:harness-check': task('a'), 'b:harness-check': task('b') } } as unknown as TaskGraph;
    const context = { root: '/ws', projectGraph: { nodes: {}, dependencies: {} } } as unknown as ExecutorContext;
    const streamed: string[] = [];
    for await (const item of checkBatch(taskGraph, { 'a:harness-check': {}, 'b:harness-check': {} }, {}, context)) streamed.push(item.task);
    expect(streamed).toEqual(['a:harness-check', 'b:harness-check']);
    expect(info.mock.calls.map((c) => c[0])).toEqual(['\n> nx run a:harness-check\n', 'ok a', '\n> nx run b:harness-check\n', 'bad b']);
  });
});
