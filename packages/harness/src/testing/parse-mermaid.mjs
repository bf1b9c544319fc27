// Checks that a Mermaid diagram parses with the real Mermaid library, so generated diagrams
// always render on GitHub. Reads the diagram from stdin; exit 0 when it parses, 1 (with the
// parser's message on stderr) when it does not.
// With `--json`, stdin is a JSON array of diagrams and stdout a JSON array of the error message
// of each, or null; one process parses them all, since starting Mermaid takes about a second.
//
// A separate ESM process because mermaid is ESM-only and jest's CommonJS runtime cannot import it.
// Mermaid's parser sanitises labels with DOMPurify, which needs a window: jsdom supplies one.
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

const { default: mermaid } = await import('mermaid');
mermaid.initialize({ startOnLoad: false });

/** The parser's message for a diagram that does not parse, or null. */
async function findParseError(diagram) {
  try {
    await mermaid.parse(diagram);
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

if (process.argv.includes('--json')) {
  const errors = [];
  for (const diagram of JSON.parse(text)) errors.push(await findParseError(diagram));
  process.stdout.write(JSON.stringify(errors));
  process.exit(errors.every((e) => e === null) ? 0 : 1);
} else {
  const error = await findParseError(text);
  if (error !== null) process.stderr.write(`${error}\n`);
  process.exit(error === null ? 0 : 1);
}
