/** The plugin entry Nx loads from nx.json `plugins`: target inference only, kept light. */
export { createNodes, createNodesV2 } from './plugin/create-nodes';
export type { HarnessPluginOptions } from './plugin/harness-target';
