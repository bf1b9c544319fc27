import type { ReportFormat } from '../report';

/** The options of one check, as the executor, `harness check` and the MCP server take them. */
export interface CheckExecutorSchema {
  format?: ReportFormat;
  outputFile?: string;
  rules?: string | string[];
  fix?: boolean;
  base?: string;
  baseline?: string;
  updateBaseline?: boolean;
  verbose?: boolean;
  interactive?: boolean;
}
