import type { logger as DevkitLogger } from '@nx/devkit';

/**
 * The logger that @nx/devkit re-exports, taken from the module where Nx defines it. Before Nx 22.6
 * `nx run-many` starts a task process per project, and in each the rest of @nx/devkit was 40% of
 * harness's load (executor load ~78 ms of CPU with it, ~45 ms without, Nx 22.3.3; 0.4 s or more
 * in a fresh Node process).
 * `nx/src/utils/logger` exists in every Nx of the peer range; @nx/devkit is the fallback.
 */
export function loadNxLogger(): typeof DevkitLogger {
  try {
    return (require('nx/src/utils/logger') as { logger: typeof DevkitLogger }).logger;
  } catch {
    return (require('@nx/devkit') as { logger: typeof DevkitLogger }).logger;
  }
}
