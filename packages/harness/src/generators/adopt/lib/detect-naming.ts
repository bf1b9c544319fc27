import { matchesStyle } from '../../../core/case-styles';
import type { DeclarationKind, SourceFacts } from '../../../core/source-facts';

export type DetectedStyle = 'camelCase' | 'snake_case';

/** How many names of one kind are written in each style, and the style that wins. */
export interface StyleCount {
  style: DetectedStyle;
  camelCase: number;
  snake_case: number;
}

export interface DetectedNaming {
  functions: StyleCount;
  variables: StyleCount;
}

/**
 * The style a project's functions and variables already use, by majority; ties go to camelCase.
 * Only names that match exactly one of the two styles count: `total` matches both and says nothing.
 * A kind with no telling names takes the other kind's style, so a snake_case project whose
 * variables are all one word is not told to write camelCase variables.
 */
export function detectNaming(sources: SourceFacts[], inFolder: string): DetectedNaming {
  const prefix = `${inFolder}/`;
  const inScope = sources.filter((s) => s.file.startsWith(prefix));
  const functions = countStyles(inScope, ['function']);
  const variables = countStyles(inScope, ['variable']);
  const fallback = countStyles(inScope, ['function', 'variable']);
  return {
    functions: isSilent(functions) ? { ...functions, style: fallback.style } : functions,
    variables: isSilent(variables) ? { ...variables, style: fallback.style } : variables,
  };
}

function countStyles(sources: SourceFacts[], kinds: DeclarationKind[]): StyleCount {
  const count = { camelCase: 0, snake_case: 0 };
  for (const source of sources) {
    for (const declaration of source.declarations) {
      if (!kinds.includes(declaration.kind)) continue;
      const camel = matchesStyle(declaration.name, 'camelCase');
      const snake = matchesStyle(declaration.name, 'snake_case');
      if (camel && !snake) count.camelCase++;
      if (snake && !camel) count.snake_case++;
    }
  }
  return { ...count, style: count.snake_case > count.camelCase ? 'snake_case' : 'camelCase' };
}

/** No name of this kind told the two styles apart. */
export function isSilent(count: StyleCount): boolean {
  return count.camelCase + count.snake_case === 0;
}
