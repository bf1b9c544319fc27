import * as fs from 'node:fs';
import * as path from 'node:path';

const SRC = path.join(__dirname, '..');

/** Every spec and test fixture under src, as workspace-relative path → text. */
function readTestCode(folder = SRC): Array<[string, string]> {
  return fs.readdirSync(folder, { withFileTypes: true }).flatMap((entry): Array<[string, string]> => {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) return readTestCode(full);
    const isTestCode = entry.name.endsWith('.spec.ts') || full.includes(`${path.sep}testing${path.sep}`) || full.includes(`${path.sep}__fixtures__${path.sep}`);
    return isTestCode && entry.name.endsWith('.ts') ? [[path.relative(SRC, full), fs.readFileSync(full, 'utf8')]] : [];
  });
}

const count = (text: string, pattern: RegExp) => text.match(pattern)?.length ?? 0;

describe('temp folders of the unit tests', () => {
  // A folder left in the OS temp folder by every run piles up on developer machines and CI.
  it('are each removed: a spec that calls mkdtempSync also calls rmSync as often, or uses createTempFolder', () => {
    const leaking = readTestCode()
      .filter(([file]) => file !== path.join('testing', 'temp-folders.ts') && file !== path.join('testing', 'temp-folders.spec.ts'))
      .filter(([, text]) => count(text, /\bmkdtempSync\(/g) > count(text, /\brmSync\(/g))
      .map(([file]) => file);
    expect(leaking).toEqual([]);
  });
});
