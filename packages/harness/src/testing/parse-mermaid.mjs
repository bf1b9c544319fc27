// Checks that a Mermaid diagram parses with the real Mermaid library, so generated diagrams
// always render on GitHub. Reads the diagram from stdin; exit 0 when it parses, 1 (with the
// parser's message on stderr) when it does not.
//
// A separate ESM process because mermaid is ESM-only and jest's CommonJS runtime cannot import it.
// Mermaid's parser touches `window`/`document` (DOMPurify, text measuring), so jsdom supplies them.
import { JSDOM } from 'jsdom';

const dom = new JSDOM('<!doctype html><html><body></body></html>', { pretendToBeVisual: true });
globalThis.window = dom.window;
globalThis.document = dom.window.document;
for (const name of ['Element', 'HTMLElement', 'SVGElement', 'Node', 'DOMParser', 'XMLSerializer']) {
  if (!(name in globalThis)) globalThis[name] = dom.window[name];
}

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const text = Buffer.concat(chunks).toString('utf8');

try {
  const { default: mermaid } = await import('mermaid');
  mermaid.initialize({ startOnLoad: false });
  await mermaid.parse(text);
  process.exit(0);
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
