/** One finding as the text reporter prints it: `ERROR: <title>` then `Key: value` lines. */
export interface FindingBlock {
  severity: 'ERROR' | 'WARN';
  title: string;
  /** `File`, `Line`, `Found`, `Expected pattern`, `Fix`, `Reference`, as printed. */
  fields: Record<string, string>;
}

const BLOCK_START = /^(ERROR|WARN): (.+)$/;
const FIELD = /^(File|Line|Found|Expected pattern|Fix|Reference): (.*)$/;

/**
 * Reads the remediation blocks out of a command's output (colour codes already removed). Other
 * lines, such as Nx's own banner or the summary line, end a block and are otherwise ignored.
 */
export function parseFindingBlocks(output: string): FindingBlock[] {
  const blocks: FindingBlock[] = [];
  let current: FindingBlock | undefined;
  for (const line of output.split(/\r?\n/)) {
    const start = BLOCK_START.exec(line);
    const field = FIELD.exec(line);
    if (start) {
      current = { severity: start[1] as FindingBlock['severity'], title: start[2], fields: {} };
      blocks.push(current);
    } else if (current && field) {
      current.fields[field[1]] = field[2];
    } else {
      current = undefined;
    }
  }
  return blocks;
}

/** The `harness-check: N errors, M warnings in K files (...)` line, if the output has one. */
export function findSummaryLine(output: string): string | undefined {
  return output.split(/\r?\n/).find((line) => /^harness-check: /.test(line));
}
