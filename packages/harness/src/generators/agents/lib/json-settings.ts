import type { Tree } from '@nx/devkit';
import { applyEdits, findNodeAtLocation, modify, parse, parseTree, printParseErrorCode, type JSONPath, type ParseError } from 'jsonc-parser';
import { HarnessConfigError } from '../../../config/config-error';

export type Json = Record<string, unknown>;

/** How an agent starts `harness mcp`. */
export interface ServerCommand {
  command: string;
  args: string[];
}

/** An agent settings file as harness would leave it. */
export interface PlannedFile {
  file: string;
  text: string;
  /** True once an edit changed the text, so the file must be written. */
  changed: boolean;
}

/** A JSON settings file as read: its text (edited in place) and its parsed value. */
export interface JsonSettings extends PlannedFile {
  value: Json;
}

export const REFUSAL_REMEDY = 'fix the file, or run init with --skipAgents to leave agent settings alone (or --agents to choose the agents)';

/**
 * Reads a JSON (or JSON with comments) settings file, or an empty object when it does not exist.
 * A file that is not a JSON object is refused with its line, and nothing is written.
 */
export function readJsonSettings(tree: Tree, file: string): JsonSettings {
  if (!tree.exists(file)) return { file, text: '', value: {}, changed: false };
  const text = tree.read(file, 'utf8') ?? '';
  const errors: ParseError[] = [];
  const value = parse(text, errors, { allowTrailingComma: true });
  if (errors.length > 0 || !value || typeof value !== 'object' || Array.isArray(value)) {
    const line = errors.length ? lineAt(text, errors[0].offset) : 1;
    const what = errors.length ? printParseErrorCode(errors[0].error) : 'not a JSON object';
    throw new HarnessConfigError(file, line, what, REFUSAL_REMEDY);
  }
  return { file, text, value: value as Json, changed: false };
}

/**
 * The object at `path` (every step of which must be an object or missing), or undefined when a
 * step is missing. A value of another type there is refused with its line, never replaced.
 */
export function readObjectAt(settings: JsonSettings, path: string[]): Json | undefined {
  let current: unknown = settings.value;
  for (let i = 0; i < path.length; i++) {
    current = (current as Json)[path[i]];
    if (current === undefined) return undefined;
    if (!current || typeof current !== 'object' || Array.isArray(current)) refuseShape(settings, path.slice(0, i + 1), 'an object');
  }
  return current as Json;
}

/** The array at `path`, or undefined when missing; a value of another type there is refused. */
export function readArrayAt(settings: JsonSettings, path: string[]): unknown[] | undefined {
  readObjectAt(settings, path.slice(0, -1));
  const value = path.reduce<unknown>((at, key) => (at as Json | undefined)?.[key], settings.value);
  if (value === undefined) return undefined;
  if (!Array.isArray(value)) refuseShape(settings, path, 'an array');
  return value;
}

/**
 * Sets `path` to `value` (a trailing -1 appends to the array there), as a text edit: the rest of
 * the file, comments and formatting included, stays as the user wrote it.
 */
export function setJsonValue(settings: JsonSettings, path: JSONPath, value: unknown): void {
  const edits = modify(settings.text, path, value, { formattingOptions: { insertSpaces: true, tabSize: 2, eol: '\n' } });
  settings.text = applyEdits(settings.text, edits);
  if (!settings.text.endsWith('\n')) settings.text += '\n';
  settings.changed = true;
}

function refuseShape(settings: JsonSettings, path: string[], expected: string): never {
  const node = findNodeAtLocation(parseTree(settings.text) ?? { type: 'null', offset: 0, length: 0 }, path);
  const line = node ? lineAt(settings.text, node.parent?.offset ?? node.offset) : 1;
  throw new HarnessConfigError(settings.file, line, `"${path.join('.')}" is not ${expected}`, REFUSAL_REMEDY);
}

function lineAt(text: string, offset: number): number {
  return text.slice(0, offset).split('\n').length;
}
