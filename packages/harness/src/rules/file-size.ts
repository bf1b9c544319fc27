import type { OptionsSchema } from '../config/types';
import type { Rule, RuleContext, RuleFinding } from './types';
import { listCodeFiles } from './project-files';


export interface FileSizeOptions {
  /** The most lines a source or test file may have. */
  maxLines: number;
}

const DEFAULT_OPTIONS: FileSizeOptions = { maxLines: 400 };

const OPTIONS_SCHEMA: OptionsSchema = {
  type: 'object',
  additionalProperties: false,
  properties: { maxLines: { type: 'integer', minimum: 1, description: 'The most lines a source or test file may have.' } },
};

/**
 * A taste invariant: long files are hard for an agent to read whole, so every source and test
 * file of the project stays under `maxLines`. Line counts come from the shared parse.
 */
export const fileSizeRule: Rule = {
  id: 'file-size',
  description: 'No source or test file is longer than maxLines (400 by default).',
  defaultSeverity: 'warn',
  defaultOptions: { ...DEFAULT_OPTIONS },
  optionsSchema: OPTIONS_SCHEMA,
  check: checkFileSize,
};

export function checkFileSize(ctx: RuleContext): RuleFinding[] {
  const { maxLines } = { ...DEFAULT_OPTIONS, ...ctx.setting.options } as FileSizeOptions;
  const findings: RuleFinding[] = [];
  for (const file of listCodeFiles(ctx.project)) {
    const { lineCount } = ctx.readSource(file);
    if (lineCount > maxLines) findings.push(createTooLongFinding(file, lineCount, maxLines));
  }
  return findings;
}

function createTooLongFinding(file: string, lineCount: number, maxLines: number): RuleFinding {
  const base = file.slice(file.lastIndexOf('/') + 1);
  return {
    kind: 'file-size/too-long',
    title: 'File too long',
    file,
    line: 0,
    column: 0,
    found: `${lineCount} lines`,
    expected: `at most ${maxLines} lines per file`,
    fix:
      `Split \`${base}\` into files of at most ${maxLines} lines, one responsibility each: ` +
      'move a cohesive group of declarations into a new file next to it and import it from there',
    reference: 'ARCHITECTURE.md#taste-invariants',
  };
}

