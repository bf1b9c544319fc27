import { updateJson, type Tree } from '@nx/devkit';

const OWN_NAMES = ['harness', 'nx-harness'];

/** create-nx-workspace adds a third-party preset to `dependencies`; a dev tool belongs in devDependencies. */
export function moveHarnessToDevDependencies(tree: Tree): void {
  if (!tree.exists('package.json')) return;
  updateJson(tree, 'package.json', (json) => {
    for (const name of OWN_NAMES) {
      const spec = json.dependencies?.[name];
      if (spec === undefined) continue;
      delete json.dependencies[name];
      json.devDependencies = { ...json.devDependencies, [name]: spec };
    }
    return json;
  });
}
