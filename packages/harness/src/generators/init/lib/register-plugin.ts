import { readNxJson, updateNxJson, type Tree } from '@nx/devkit';

const PLUGIN_NAMES = ['harness', 'nx-harness'];

/** Adds `harness` to nx.json `plugins` once, so every project infers `harness-check`. */
export function registerPlugin(tree: Tree, pluginName: string): void {
  const nxJson = readNxJson(tree) ?? {};
  const plugins = nxJson.plugins ?? [];
  const present = plugins.some((p) => PLUGIN_NAMES.includes(typeof p === 'string' ? p : p.plugin));
  if (present) return;
  nxJson.plugins = [...plugins, pluginName];
  updateNxJson(tree, nxJson);
}
