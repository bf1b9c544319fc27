import type { Tree } from '@nx/devkit';

/**
 * `nx g <plugin>:preset` writes apps/.gitkeep and libs/.gitkeep before any preset runs, unless the
 * generators.json entry sets `x-use-standalone-layout`. A harness workspace keeps its code in
 * modules/ and packages/, so empty placeholders elsewhere would only mislead agents.
 */
export function removeLayoutPlaceholders(tree: Tree): void {
  for (const folder of ['apps', 'libs']) {
    const placeholder = `${folder}/.gitkeep`;
    if (tree.exists(placeholder) && tree.children(folder).length === 1) tree.delete(placeholder);
  }
}
