import type { Tree } from '@nx/devkit';
import { writeArchitecture, writeBrief } from '../../docs/write-root-docs';

/** What `nx sync:check` prints: which files are stale and what part of them. */
interface SyncResult {
  outOfSyncMessage?: string;
  outOfSyncDetails?: string[];
}

const DESCRIBED: Record<string, string> = {
  'BRIEF.md': 'the module map no longer matches the project graph (a module was added, removed, retagged or re-described)',
  'ARCHITECTURE.md': 'the rules section no longer matches harness.yaml',
};

/**
 * Global sync generator (nx.json `sync.globalGenerators`). Regenerates only the text between
 * the harness markers; Nx compares the tree with the disk to decide whether anything is stale.
 */
export async function syncGenerator(tree: Tree): Promise<SyncResult> {
  writeBrief(tree);
  writeArchitecture(tree);
  const stale = tree.listChanges().map((c) => c.path).filter((p) => p in DESCRIBED);
  if (stale.length === 0) return {};
  return {
    outOfSyncMessage: `harness: ${stale.join(' and ')} ${stale.length === 1 ? 'is' : 'are'} out of date; run \`nx sync\` to regenerate the parts between the harness markers.`,
    outOfSyncDetails: stale.map((p) => `${p}: ${DESCRIBED[p]}`),
  };
}

export default syncGenerator;
