import type { Layer } from '../config/types';

/** The sentence ARCHITECTURE.md gives a layer order: flat folders joined by arrows, peer groups in braces. */
export function describeLayerOrder(layers: readonly Layer[]): string {
  const order = layers.map((layer) => (Array.isArray(layer) ? `{${layer.map(quote).join(', ')}}` : quote(layer))).join(' → ');
  const peers = layers.some(Array.isArray) ? '; the folders in braces are peers and never import each other' : '';
  return `Inside a module, folders under \`src/\` form layers in this order: ${order}. A file may import only its own layer or earlier ones${peers}.`;
}

function quote(folder: string): string {
  return `\`${folder}\``;
}
