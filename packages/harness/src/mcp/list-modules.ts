import type { ProjectGraph } from '@nx/devkit';
import type { Content, Root } from 'mdast';
import { readWorkspaceText } from '../collect/read-workspace-file';
import { parseMarkdown } from '../core/markdown';

export interface ModuleSummary {
  name: string;
  root: string;
  tags: string[];
  /** The README's first sentence, or undefined when the project has no README with prose. */
  purpose?: string;
}

/** Every project of the graph with its tags and what its README says it is for, in name order. */
export function listModules(workspaceRoot: string, graph: ProjectGraph): ModuleSummary[] {
  return Object.values(graph.nodes)
    .map((node) => {
      const root = node.data.root === '.' ? '' : node.data.root;
      const readme = readWorkspaceText(workspaceRoot, root ? `${root}/README.md` : 'README.md');
      return { name: node.name, root: root || '.', tags: node.data.tags ?? [], purpose: readme ? readFirstSentence(readme) : undefined };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** The first sentence of the first paragraph: headings, badges and HTML comments are passed over. */
export function readFirstSentence(markdown: string): string | undefined {
  const tree: Root = parseMarkdown(markdown);
  for (const node of tree.children) {
    if (node.type !== 'paragraph') continue;
    const text = collectText(node).replace(/\s+/g, ' ').trim();
    if (!text) continue;
    const end = /[.!?](\s|$)/.exec(text);
    return end ? text.slice(0, end.index + 1) : text;
  }
  return undefined;
}

function collectText(node: Root | Content): string {
  if (node.type === 'text' || node.type === 'inlineCode') return node.value;
  if (node.type === 'image' || node.type === 'html') return '';
  return 'children' in node ? (node.children as Content[]).map(collectText).join('') : '';
}
