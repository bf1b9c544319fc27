import { loadLater } from './load-later';

describe('loadLater', () => {
  it('requires a compiled caller’s module on first use, once', () => {
    const load = jest.fn(() => ({ answer: 42 }));
    const get = loadLater('/x/dist/check/run-check.js', load);
    expect(load).not.toHaveBeenCalled();
    expect(get().answer).toBe(42);
    expect(get().answer).toBe(42);
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('requires at once for a caller run from TypeScript source, while a transpiler is there', () => {
    const load = jest.fn(() => 'loaded');
    const get = loadLater('/x/src/check/run-check.ts', load);
    expect(load).toHaveBeenCalledTimes(1);
    expect(get()).toBe('loaded');
    expect(load).toHaveBeenCalledTimes(1);
  });
});
