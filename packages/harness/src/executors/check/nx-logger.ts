import type { logger as DevkitLogger } from '@nx/devkit';

/**
 * The logger that @nx/devkit re-exports, taken from the module where Nx defines it. Loading
 * @nx/devkit costs 0.4-0.6 s in every task process, and before Nx 22.6 `nx run-many` starts one
 * process per project (measured on Nx 22.3.3); Nx's logger module alone loads in ~25 ms.
 * `nx/src/utils/logger` exists in every Nx of the peer range; @nx/devkit is the fallback.
 */
export function loadNxLogger(): typeof DevkitLogger {
  try {
    return (require('nx/src/utils/logger') as { logger: typeof DevkitLogger }).logger;
  } catch {
    return (require('@nx/devkit') as { logger: typeof DevkitLogger }).logger;
  }
}
