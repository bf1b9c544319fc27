import * as path from 'node:path';
import { HarnessUsageError } from '../config/config-error';
import { readPatchFiles } from './read-patch-files';

/**
 * The file a Claude Code `PostToolUse` hook payload names (`tool_input.file_path` for Write,
 * Edit and MultiEdit, `notebook_path` for NotebookEdit), absolute; undefined when the tool
 * touched no file, so the hook has nothing to check.
 */
export function readHookFile(text: string): { file?: string; cwd?: string } {
  const { files, cwd } = readHookFiles(text);
  return files.length > 0 ? { file: files[0], cwd } : { cwd };
}

/**
 * Every file a `PostToolUse` payload names, absolute: Claude Code's one file, or each file of a
 * Codex `apply_patch` call, whose `tool_input.command` is the patch text (read-patch-files.ts).
 */
export function readHookFiles(text: string, hook = 'claude'): { files: string[]; cwd?: string } {
  let payload: { cwd?: unknown; tool_name?: unknown; tool_input?: Record<string, unknown> };
  try {
    payload = JSON.parse(text);
  } catch {
    const agent = hook === 'codex' ? 'a Codex hook' : 'a Claude Code hook';
    throw new HarnessUsageError(`--hook=${hook}`, 'standard input is not a hook payload (JSON)', `run it from ${agent}, or pipe the hook JSON in`);
  }
  const cwd = typeof payload?.cwd === 'string' ? payload.cwd : undefined;
  const input = payload?.tool_input ?? {};
  const named = [input.file_path, input.notebook_path, input.path].find((v): v is string => typeof v === 'string' && v !== '');
  const patch = [input.command, input.patch, input.input].find((v): v is string => typeof v === 'string');
  const files = named ? [named] : payload?.tool_name === 'apply_patch' && patch ? readPatchFiles(patch) : [];
  return { files: files.map((file) => path.resolve(cwd ?? process.cwd(), file)), cwd };
}

/** Reads all of standard input as text. */
export async function readStandardInput(stream: NodeJS.ReadableStream = process.stdin): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

/** What harness reads of a Cursor `stop` hook payload. */
export interface CursorStopPayload {
  /** The folders open in Cursor; each one inside an Nx workspace is checked. */
  workspaceRoots: string[];
  /** `completed`, `aborted` or `error`; absent in older Cursor versions. */
  status?: string;
}

/** Reads Cursor's `stop` payload (`workspace_roots`, `status`; `loop_count` is Cursor's own business). */
export function readCursorStopPayload(text: string): CursorStopPayload {
  let payload: { workspace_roots?: unknown; status?: unknown };
  try {
    payload = JSON.parse(text);
  } catch {
    throw new HarnessUsageError('--hook=cursor', 'standard input is not a hook payload (JSON)', 'run it from a Cursor stop hook, or pipe the hook JSON in');
  }
  const roots = Array.isArray(payload?.workspace_roots) ? payload.workspace_roots.filter((r): r is string => typeof r === 'string' && r !== '') : [];
  return { workspaceRoots: roots, status: typeof payload?.status === 'string' ? payload.status : undefined };
}

/** What harness reads of a Codex `Stop` or Copilot `agentStop` hook payload. */
export interface StopHookPayload {
  /** The session's working folder; the workspace around it is checked. */
  cwd?: string;
  /** True when this turn already goes on because a stop hook blocked the last stop. */
  stopHookActive: boolean;
}

/**
 * Reads a Codex `Stop` payload (`cwd`, `stop_hook_active`) or a Copilot `agentStop` one (the same
 * two fields in both of its formats; `stopHookActive` is accepted too, should it follow its
 * camelCase siblings).
 */
export function readStopHookPayload(text: string, hook: 'codex' | 'copilot'): StopHookPayload {
  let payload: { cwd?: unknown; stop_hook_active?: unknown; stopHookActive?: unknown };
  try {
    payload = JSON.parse(text);
  } catch {
    const agent = hook === 'codex' ? 'a Codex Stop hook' : 'a Copilot agentStop hook';
    throw new HarnessUsageError(`--hook=${hook}`, 'standard input is not a hook payload (JSON)', `run it from ${agent}, or pipe the hook JSON in`);
  }
  const cwd = typeof payload?.cwd === 'string' && payload.cwd !== '' ? payload.cwd : undefined;
  return { cwd, stopHookActive: payload?.stop_hook_active === true || payload?.stopHookActive === true };
}

/** The payload's `hook_event_name`, or undefined when it has none or is not JSON. */
export function readHookEventName(text: string): string | undefined {
  try {
    const name = (JSON.parse(text) as { hook_event_name?: unknown } | null)?.hook_event_name;
    return typeof name === 'string' ? name : undefined;
  } catch {
    return undefined;
  }
}
