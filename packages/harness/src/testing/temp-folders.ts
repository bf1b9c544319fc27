import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const made: string[] = [];

// Specs import this module (or a fixture that does) at their top, so this hook lands on the
// spec file's root block and runs once its last test is done; jest loads modules per spec file.
afterAll(() => {
  for (const folder of made.splice(0)) fs.rmSync(folder, { recursive: true, force: true });
});

/** A new folder in the OS temp folder, removed after the spec file's last test. */
export function createTempFolder(prefix: string): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  made.push(folder);
  return folder;
}
