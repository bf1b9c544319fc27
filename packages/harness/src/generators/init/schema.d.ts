export interface InitGeneratorSchema {
  /** Leave agent settings alone (no Claude Code hook, no .mcp.json entry). */
  skipAgents?: boolean;
}
