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
