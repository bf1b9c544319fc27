import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { z } from 'zod';
import { findWorkspaceRoot } from '../check/find-workspace-root';
import { runCheckRequest } from '../check/run-check-request';
import { loadFreshGraph, type GraphMemo } from '../collect/load-fresh-graph';
import { isHarnessConfigError } from '../config/config-error';
import { describeFindings } from './describe-findings';
import { explainRules, formatExplanation } from './explain-rules';
import { listModules } from './list-modules';
import { selectProject } from './select-project';

type ToolResult = { content: Array<{ type: 'text'; text: string }>; structuredContent?: Record<string, unknown>; isError?: boolean };

/**
 * `harness mcp`: a stdio MCP server for coding agents. It keeps Nx's graph in memory and reads it
 * again only when Nx's cache files change or a project file is newer than the graph, so checking
 * one file costs the parse of that project, not an Nx start. Resolves when the connection closes.
 */
export async function startMcpServer(cwd: string): Promise<void> {
  const workspaceRoot = findWorkspaceRoot(cwd);
  // Nx's internals find the workspace from the working directory when they load.
  process.chdir(workspaceRoot);
  const memo: GraphMemo = {};
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { version } = require('../../package.json') as { version: string };
  const server = new McpServer({ name: 'harness', version });
  const paths = { paths: z.array(z.string()).min(1).describe('Files, folders or Nx project names, relative to the workspace root') };

  addTool(
    server,
    'check_files',
    { description: 'Check files, folders or projects with every harness rule that applies; findings come with a Fix each.', inputSchema: paths },
    (args: { paths: string[] }) => guard(async () => {
      const response = await runCheckRequest({ paths: args.paths, cwd: workspaceRoot, options: {}, graphMemo: memo });
      return reply(response.output, { exitCode: response.exitCode, findings: describeFindings(response.findings) });
    }),
  );
  addTool(
    server,
    'fix_files',
    { description: 'Apply the safe mechanical fixes (renames, section scaffolds, test stubs) to the findings of these files, then check them again.', inputSchema: paths },
    (args: { paths: string[] }) => guard(async () => {
      const response = await runCheckRequest({ paths: args.paths, cwd: workspaceRoot, options: { fix: true }, graphMemo: memo });
      return reply(response.output, { changes: response.fixNotes, exitCode: response.exitCode, findings: describeFindings(response.findings) });
    }),
  );
  addTool(
    server,
    'explain_rules',
    {
      description: 'Every rule that applies to a file or project, with its effective settings and the harness.yaml or CONVENTIONS.md line each comes from.',
      inputSchema: { path: z.string().describe('A file, folder or Nx project name') },
    },
    (args: { path: string }) => guard(async () => {
      const fresh = await loadFreshGraph(workspaceRoot, [], undefined, memo);
      const explanation = explainRules(workspaceRoot, fresh.graph, selectProject(workspaceRoot, fresh, args.path));
      return reply(formatExplanation(explanation), { ...explanation });
    }),
  );
  addTool(
    server,
    'list_modules',
    { description: 'Every Nx project: name, root, tags and the first sentence of its README.' },
    () => guard(async () => {
      const fresh = await loadFreshGraph(workspaceRoot, [], undefined, memo);
      const modules = listModules(workspaceRoot, fresh.graph);
      const text = modules.map((m) => `${m.name} (${m.root}) [${m.tags.join(', ')}]: ${m.purpose ?? 'no README'}`).join('\n');
      return reply(text, { modules });
    }),
  );
  // Resolves when the client goes away, so that `harness mcp` ends as a command does.
  const closed = new Promise<void>((resolve) => (server.server.onclose = resolve));
  await server.connect(new StdioServerTransport());
  await closed;
}

/**
 * Registers a tool. The SDK's generic signature over zod shapes is too deep for TypeScript to
 * instantiate here (TS2589), so the arguments are typed by each handler; the SDK still validates
 * them against the zod shape before the handler runs.
 */
function addTool<Args>(
  server: McpServer,
  name: string,
  config: { description: string; inputSchema?: Record<string, z.ZodTypeAny> },
  handler: (args: Args) => Promise<ToolResult>,
): void {
  (server.registerTool as unknown as (name: string, config: object, handler: (args: Args) => Promise<ToolResult>) => void).call(server, name, config, handler);
}

function reply(text: string, structured: Record<string, unknown>): ToolResult {
  return { content: [{ type: 'text', text }], structuredContent: structured };
}

/** A bad path or configuration is the tool's answer, in one line, not a protocol error. */
async function guard(run: () => Promise<ToolResult>): Promise<ToolResult> {
  try {
    return await run();
  } catch (error) {
    const text = isHarnessConfigError(error) ? error.message : `harness: internal error: ${(error as Error).message}`;
    return { content: [{ type: 'text', text }], isError: true };
  }
}
