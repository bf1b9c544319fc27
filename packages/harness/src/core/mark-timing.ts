/**
 * `HARNESS_TIMING=1` writes how long each step of `harness check` took to stderr, for measuring
 * the agent loop (benchmarks/). Off, it costs one environment lookup per mark.
 */
const enabled = process.env.HARNESS_TIMING === '1';
// `performance` loads Node's perf_hooks on first use: only when timing is on.
let last = enabled ? performance.now() : 0;

export function markTiming(step: string): void {
  if (!enabled) return;
  const now = performance.now();
  process.stderr.write(`harness timing: ${step.padEnd(24)} ${(now - last).toFixed(1).padStart(6)} ms (at ${now.toFixed(0)} ms)\n`);
  last = now;
}
