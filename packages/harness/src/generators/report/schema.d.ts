// The report takes no options: it always covers every module and writes both outputs.
export type ReportGeneratorSchema = Record<string, never>;
