/** The options of one check, as the executor, `harness check` and the MCP server take them. */
export interface CheckExecutorSchema {
  format?: 'text' | 'json' | 'sarif' | 'github';
  outputFile?: string;
  rules?: string | string[];
  fix?: boolean;
  base?: string;
  baseline?: string;
  updateBaseline?: boolean;
  verbose?: boolean;
  interactive?: boolean;
}
