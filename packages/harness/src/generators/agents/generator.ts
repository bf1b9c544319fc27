import { logger, type Tree } from '@nx/devkit';
import { normalizeAgentNames, wireAgentTools } from './lib/wire-agent-tools';
import type { AgentsGeneratorSchema } from './schema';

/**
 * `nx g harness:agents`: wires `harness check` and the MCP server into the coding agents
 * (`--agents`, default all: claude, cursor, codex, copilot; also run by `harness:init` unless
 * `--skipAgents`). Merges into existing settings; idempotent.
 */
export async function agentsGenerator(tree: Tree, schema: AgentsGeneratorSchema = {}): Promise<void> {
  const { written } = wireAgentTools(tree, normalizeAgentNames(schema.agents));
  if (written.length > 0) logger.info(`harness: agent settings written: ${written.join(', ')} (npx harness check after each edit, npx harness mcp for MCP clients)`);
}

export default agentsGenerator;
