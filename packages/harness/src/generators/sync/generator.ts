import type { Tree } from '@nx/devkit';
import { readWorkspaceGraph } from '../../docs/read-workspace-graph';
import { writeAgents, writeArchitecture, writeBrief, writeModuleAgents } from '../../docs/write-root-docs';

/** What `nx sync:check` prints: which files are stale and what part of them. */
interface SyncResult {
  outOfSyncMessage?: string;
  outOfSyncDetails?: string[];
}

const DESCRIBED: Record<string, string> = {
  'BRIEF.md': 'the module map no longer matches the project graph (a module was added, removed, retagged or re-described)',
  'ARCHITECTURE.md': 'the module graph or the rules section no longer matches the project graph and harness.yaml',
  'AGENTS.md': 'the commands list no longer matches the projects and their targets',
};

const describeStale = (file: string) => DESCRIBED[file] ?? 'the module notes no longer match its tags, naming or targets';

/**
 * Global sync generator (nx.json `sync.globalGenerators`). Regenerates only the text between
 * the harness markers; Nx compares the tree with the disk to decide whether anything is stale.
 */
export async function syncGenerator(tree: Tree): Promise<SyncResult> {
  const graph = readWorkspaceGraph(tree);
  writeBrief(tree);
  if (tree.exists('ARCHITECTURE.md')) writeArchitecture(tree, graph);
  if (tree.exists('AGENTS.md')) writeAgents(tree, graph);
  writeModuleAgents(tree, graph);
  const stale = tree.listChanges().map((c) => c.path).filter((p) => p in DESCRIBED || p.endsWith('/AGENTS.md'));
  if (stale.length === 0) return {};
  return {
    outOfSyncMessage: `harness: ${stale.join(' and ')} ${stale.length === 1 ? 'is' : 'are'} out of date; run \`nx sync\` to regenerate the parts between the harness markers.`,
    outOfSyncDetails: stale.map((p) => `${p}: ${describeStale(p)}`),
  };
}

export default syncGenerator;
