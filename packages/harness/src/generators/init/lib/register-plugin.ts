import { readNxJson, updateNxJson, type Tree } from '@nx/devkit';

const PLUGIN_NAMES = ['harness', 'nx-harness'];

/** Adds `harness` to nx.json `plugins` and its sync generator to `sync.globalGenerators`, once. */
export function registerPlugin(tree: Tree, pluginName: string): void {
  const nxJson = readNxJson(tree) ?? {};
  const plugins = nxJson.plugins ?? [];
  const present = plugins.some((p) => PLUGIN_NAMES.includes(typeof p === 'string' ? p : p.plugin));
  if (!present) nxJson.plugins = [...plugins, pluginName];
  // The sync generator keeps BRIEF.md and ARCHITECTURE.md true; `nx sync:check` reports drift.
  const syncName = `${pluginName}:sync`;
  const globalGenerators = nxJson.sync?.globalGenerators ?? [];
  const synced = globalGenerators.some((g) => PLUGIN_NAMES.some((n) => g === `${n}:sync`));
  if (!synced) nxJson.sync = { ...nxJson.sync, globalGenerators: [...globalGenerators, syncName] };
  if (!present || !synced) updateNxJson(tree, nxJson);
}
