import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/**
 * V8 ignores a code cache for a script it already compiled in this process, so each load runs
 * in a fresh Node process, as each harness run does.
 */
function loadInFreshProcess(cacheDir: string): { statements: number; usedCache: boolean } {
  const script = `
    const { compileWithCodeCache } = require(${JSON.stringify(path.join(__dirname, 'load-typescript.ts'))});
    const loaded = compileWithCodeCache(require.resolve('typescript'), ${JSON.stringify(cacheDir)});
    const sf = loaded.ts.createSourceFile('a.ts', 'export const a = 1;', loaded.ts.ScriptTarget.Latest);
    process.stdout.write(JSON.stringify({ statements: sf.statements.length, usedCache: loaded.usedCache }));
    loaded.saveCodeCache();
  `;
  const run = spawnSync(process.execPath, ['-r', '@swc-node/register', '-e', script], { encoding: 'utf8', cwd: __dirname });
  if (run.status !== 0) throw new Error(run.stderr);
  return JSON.parse(run.stdout);
}

describe('compileWithCodeCache', () => {
  let cacheDir: string;
  beforeEach(() => {
    cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'harness-code-cache-'));
  });
  afterEach(() => fs.rmSync(cacheDir, { recursive: true, force: true }));

  const cacheFiles = () => fs.readdirSync(cacheDir).filter((f) => f.endsWith('.bin'));

  it('compiles a working TypeScript, writes the cache, and uses it in the next process', () => {
    expect(loadInFreshProcess(cacheDir)).toEqual({ statements: 1, usedCache: false });
    expect(cacheFiles()).toHaveLength(1);
    const cached = path.join(cacheDir, cacheFiles()[0]);
    expect(fs.statSync(cached).size).toBeGreaterThan(100_000);
    const written = fs.statSync(cached).mtimeMs;
    expect(loadInFreshProcess(cacheDir)).toEqual({ statements: 1, usedCache: true });
    expect(fs.statSync(cached).mtimeMs).toBe(written);
  }, 30_000);

  it('survives a corrupt cache file and replaces it', () => {
    loadInFreshProcess(cacheDir);
    const cached = path.join(cacheDir, cacheFiles()[0]);
    fs.writeFileSync(cached, 'not a code cache');
    expect(loadInFreshProcess(cacheDir)).toEqual({ statements: 1, usedCache: false });
    expect(fs.statSync(cached).size).toBeGreaterThan(100_000);
    expect(loadInFreshProcess(cacheDir).usedCache).toBe(true);
  }, 30_000);

  it('keeps working when the cache folder cannot be written', () => {
    const blocked = path.join(cacheDir, 'a-file');
    fs.writeFileSync(blocked, '');
    expect(loadInFreshProcess(path.join(blocked, 'sub'))).toEqual({ statements: 1, usedCache: false });
  }, 30_000);
});
