export interface AgentsGeneratorSchema {
  /** The agents to wire: claude, cursor, codex, copilot (a list, or one comma-separated string); default all. */
  agents?: string[] | string;
}
