import { logger, type Tree } from '@nx/devkit';
import { wireAgentTools } from './lib/wire-agent-tools';
import type { AgentsGeneratorSchema } from './schema';

/**
 * `nx g harness:agents`: wires the Claude Code hook and the MCP server into the workspace (also
 * run by `harness:init` unless `--skipAgents`). Merges into existing settings; idempotent.
 */
export async function agentsGenerator(tree: Tree, _schema: AgentsGeneratorSchema = {}): Promise<void> {
  const { written } = wireAgentTools(tree);
  if (written.length > 0) logger.info(`harness: agent settings written: ${written.join(', ')} (npx harness check after each edit, npx harness mcp for MCP clients)`);
}

export default agentsGenerator;
