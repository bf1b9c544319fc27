/**
 * The files a Codex `apply_patch` call wrote, from the patch text its hook payload carries
 * (`tool_input.command`) instead of a file path. Codex's own format names each file on an
 * `*** Add File: <path>` or `*** Update File: <path>` line (a rename adds `*** Move to: <path>`);
 * a unified diff names it on its `+++ b/<path>` line. Deleted files are left out: there is
 * nothing left to check.
 */
export function readPatchFiles(patch: string): string[] {
  const files: string[] = [];
  for (const line of patch.split(/\r?\n/)) {
    const named = /^\*\*\* (?:Add File|Update File|Move to): (.+)$/.exec(line) ?? /^\+\+\+ (?:b\/)?(.+?)(?:\t.*)?$/.exec(line);
    const file = named?.[1].trim();
    if (file && file !== '/dev/null' && !files.includes(file)) files.push(file);
  }
  // A rename's old path was written as `Update File` and no longer exists after the move.
  const moved = [...patch.matchAll(/^\*\*\* Update File: (.+)\r?\n\*\*\* Move to: /gm)].map((m) => m[1].trim());
  return files.filter((file) => !moved.includes(file));
}
