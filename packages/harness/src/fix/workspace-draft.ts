/** A file operation planned in memory; nothing touches the disk until all are planned. */
export type FileOperation =
  | { kind: 'move'; from: string; to: string }
  /** `before` is the text the file must still have on disk, undefined for a new file. */
  | { kind: 'write'; file: string; text: string; before: string | undefined };

/**
 * The workspace as the fix would leave it, held in memory. Planners read and edit it in turn
 * (so a test stub sees names renamed earlier in the same fix), and the language service reads
 * it too. Paths are workspace-relative with forward slashes.
 */
export interface WorkspaceDraft {
  readText(file: string): string | undefined;
  writeText(file: string, text: string): void;
  moveFile(from: string, to: string): void;
  /** Every file of the draft: the projects' files, as moved and created. */
  listFiles(): string[];
  /** Changes whenever the file's text does; the language service re-parses only those. */
  versionOf(file: string): string;
  /** Changes whenever any file does. */
  revisionOf(): string;
  /** The moves in order, then every write, sorted by path. */
  listOperations(): FileOperation[];
}

export function createWorkspaceDraft(files: Iterable<string>, readDiskText: (file: string) => string | undefined): WorkspaceDraft {
  const present = new Set(files);
  /** The current text of each file read so far; undefined once it has moved away. */
  const texts = new Map<string, string | undefined>();
  /** What each file holds on disk once the moves are done, which is what a write replaces. */
  const onDisk = new Map<string, string | undefined>();
  const versions = new Map<string, number>();
  const moves: Array<{ from: string; to: string }> = [];
  let revision = 0;

  const readText = (file: string): string | undefined => {
    if (!texts.has(file)) {
      const text = readDiskText(file);
      texts.set(file, text);
      onDisk.set(file, text);
    }
    return texts.get(file);
  };
  const touch = (file: string) => {
    versions.set(file, (versions.get(file) ?? 0) + 1);
    revision += 1;
  };

  return {
    readText,
    writeText(file, text) {
      readText(file);
      texts.set(file, text);
      present.add(file);
      touch(file);
    },
    moveFile(from, to) {
      const text = readText(from);
      if (text === undefined) throw new Error(`moveFile: "${from}" does not exist in the draft.`);
      // A case-only rename reads the same file on a case-insensitive disk; it is not a clash.
      if (from.toLowerCase() !== to.toLowerCase() && readText(to) !== undefined) {
        throw new Error(`moveFile: "${to}" already exists; refusing to overwrite it.`);
      }
      onDisk.set(to, onDisk.get(from));
      onDisk.set(from, undefined);
      texts.set(to, text);
      texts.set(from, undefined);
      present.delete(from);
      present.add(to);
      moves.push({ from, to });
      touch(from);
      touch(to);
    },
    listFiles: () => [...present],
    versionOf: (file) => String(versions.get(file) ?? 0),
    revisionOf: () => String(revision),
    listOperations() {
      const writes: FileOperation[] = [];
      for (const [file, text] of [...texts].sort(([a], [b]) => a.localeCompare(b))) {
        if (text !== undefined && text !== onDisk.get(file)) writes.push({ kind: 'write', file, text, before: onDisk.get(file) });
      }
      return [...moves.map((m): FileOperation => ({ kind: 'move', ...m })), ...writes];
    },
  };
}
