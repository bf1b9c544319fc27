export interface InitGeneratorSchema {
  /** Leave agent settings alone (no hook, no MCP entry for any agent). */
  skipAgents?: boolean;
  /** The agents to wire (claude, cursor, codex, copilot); default all. */
  agents?: string[] | string;
}
