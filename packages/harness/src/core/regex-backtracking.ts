/**
 * Whether a naming `/regex/` can backtrack exponentially: a repeated group that itself repeats or
 * alternates, or a backreference. Kept apart from the case styles because it reads regex syntax.
 */
/** One element of a regex sequence, as far as backtracking is concerned. */
interface RegexAtom {
  text: string;
  /** The single character a plain literal matches. */
  literal?: string;
  /** Its quantifier allows a varying count above one (`*`, `+`, `{2,}`, `{1,3}`). */
  repeats: boolean;
  /** A group whose body holds a repeat or an alternation. */
  ambiguous: boolean;
  /** A group (its body may hold more than one atom). */
  group: boolean;
}

interface RegexFrame {
  start: number;
  atoms: RegexAtom[];
  alternation: boolean;
}

/**
 * The first piece of `body` that can backtrack exponentially, or undefined. A small scanner
 * rather than a full parser: it only needs groups, classes, escapes and quantifiers, and it errs
 * towards refusing, since a refused regex costs a config edit and a risky one can hang CI.
 */
export function findBacktrackingRisk(body: string, flags: string): string | undefined {
  const stack: RegexFrame[] = [{ start: 0, atoms: [], alternation: false }];
  let i = 0;
  while (i < body.length) {
    const ch = body[i];
    const top = stack[stack.length - 1];
    if (ch === '(') {
      stack.push({ start: i, atoms: [], alternation: false });
      i = skipGroupPrefix(body, i + 1);
      continue;
    }
    if (ch === '|') {
      top.alternation = true;
      i++;
      continue;
    }
    let end: number;
    let atom: Omit<RegexAtom, 'repeats'>;
    if (ch === ')' && stack.length > 1) {
      const frame = stack.pop()!;
      end = i + 1;
      atom = { text: body.slice(frame.start, end), group: true, ambiguous: isAmbiguous(frame) };
      const quantifier = readQuantifier(body, end);
      if (quantifier.repeats && atom.ambiguous && !isDelimited(frame, flags)) {
        return body.slice(frame.start, quantifier.end);
      }
      stack[stack.length - 1].atoms.push({ ...atom, repeats: quantifier.repeats });
      i = quantifier.end;
      continue;
    }
    if (ch === '\\') {
      if (/^\\(?:[1-9]|k<)/.test(body.slice(i))) return body.slice(i, i + 3);
      end = findEscapeEnd(body, i);
      const escaped = body[i + 1];
      atom = { text: body.slice(i, end), group: false, ambiguous: false, literal: /[^\p{L}\p{N}\s]/u.test(escaped) ? escaped : undefined };
    } else if (ch === '[') {
      end = findClassEnd(body, i);
      atom = { text: body.slice(i, end), group: false, ambiguous: false };
    } else {
      end = i + 1;
      atom = { text: ch, group: false, ambiguous: false, literal: /[.^$]/.test(ch) ? undefined : ch };
    }
    const quantifier = readQuantifier(body, end);
    top.atoms.push({ ...atom, literal: quantifier.end > end ? undefined : atom.literal, repeats: quantifier.repeats });
    i = quantifier.end;
  }
  return undefined;
}

function isAmbiguous(frame: RegexFrame): boolean {
  return frame.alternation || frame.atoms.some((a) => a.repeats || a.ambiguous);
}

/**
 * A group like `(_[a-z0-9]+)` repeats safely: every pass starts with `_`, which nothing else in
 * the group can match, so each character has exactly one pass it can belong to.
 */
function isDelimited(frame: RegexFrame, flags: string): boolean {
  const [first, ...rest] = frame.atoms;
  if (frame.alternation || !first?.literal) return false;
  return rest.every((atom) => !atom.group && !new RegExp(`^(?:${atom.text})$`, flags).test(first.literal!));
}

function skipGroupPrefix(body: string, at: number): number {
  const prefix = /^\?(?::|=|!|<=|<!|<[^>]*>)/.exec(body.slice(at));
  return at + (prefix ? prefix[0].length : 0);
}

function findEscapeEnd(body: string, at: number): number {
  const rest = body.slice(at);
  const long = /^\\(?:[pPu]\{[^}]*\}|u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|c[A-Za-z])/.exec(rest);
  return at + (long ? long[0].length : Math.min(2, rest.length));
}

function findClassEnd(body: string, at: number): number {
  let i = at + 1;
  while (i < body.length && body[i] !== ']') i += body[i] === '\\' ? 2 : 1;
  return Math.min(i + 1, body.length);
}

function readQuantifier(body: string, at: number): { end: number; repeats: boolean } {
  const match = /^(?:([*+?])|\{(\d+)(,(\d*))?\})\??/.exec(body.slice(at));
  if (!match) return { end: at, repeats: false };
  const [text, symbol, min, comma, max] = match;
  let repeats: boolean;
  if (symbol) repeats = symbol !== '?';
  else if (!comma) repeats = false;
  else if (max === '') repeats = true;
  else repeats = Number(max) >= 2 && Number(max) > Number(min);
  return { end: at + text.length, repeats };
}
