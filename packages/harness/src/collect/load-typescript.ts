import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import Module from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vm from 'node:vm';
import type * as ts from 'typescript';
import { cachesDisabled, writeCacheFile } from './cache-files';

/** Where compiled TypeScript is kept between runs; one file per TypeScript version and Node build. */
export const CODE_CACHE_DIR = path.join(os.tmpdir(), 'nx-harness-code-cache');

export interface LoadedTypeScript {
  ts: typeof ts;
  /** Whether V8 took the compiled code from an earlier run. */
  usedCache: boolean;
  /** Writes V8's compiled code for the next run; a no-op when the cache was used or is not wanted. */
  saveCodeCache: () => void;
}

let loaded: LoadedTypeScript | undefined;

/**
 * Loads the workspace's TypeScript once per process. typescript.js is 9 MB of JavaScript, and
 * compiling it is most of its load time (about 140 ms of a 2 s check on 200 projects), so it is
 * compiled through `vm.Script` with V8's code cache: a later run loads it in about a third of the
 * time. Node 20 has no built-in module compile cache, and `v8-compile-cache` saves only on a
 * clean exit, which an Nx batch worker never has (Nx kills it). Any problem with the cache falls
 * back to a plain `require`, so the cache can only make a run faster, never wrong.
 */
export function loadTypeScript(): LoadedTypeScript {
  if (loaded) return loaded;
  const file = require.resolve('typescript');
  if (require.cache[file] || cachesDisabled()) {
    loaded = { ts: require(file) as typeof ts, usedCache: false, saveCodeCache: () => undefined };
    return loaded;
  }
  try {
    loaded = compileWithCodeCache(file, CODE_CACHE_DIR);
  } catch {
    delete require.cache[file];
    loaded = { ts: require(file) as typeof ts, usedCache: false, saveCodeCache: () => undefined };
  }
  return loaded;
}

/** Runs TypeScript's main file as CommonJS, compiled with the code cache kept in `cacheDir`. */
export function compileWithCodeCache(file: string, cacheDir: string): LoadedTypeScript {
  const source = fs.readFileSync(file, 'utf8');
  const cacheFile = path.join(cacheDir, `typescript-${keyOf(file)}.bin`);
  const cachedData = readCache(cacheFile);
  const script = new vm.Script(Module.wrap(source), { filename: file, cachedData });
  const mod = new Module(file, module);
  mod.filename = file;
  mod.paths = (Module as unknown as { _nodeModulePaths: (dir: string) => string[] })._nodeModulePaths(path.dirname(file));
  // Registered before it runs, as require does, so every later require('typescript') shares it.
  require.cache[file] = mod;
  const wrapper = script.runInThisContext() as (...args: unknown[]) => void;
  wrapper.call(mod.exports, mod.exports, Module.createRequire(file), mod, file, path.dirname(file));
  mod.loaded = true;
  // `false` only when V8 took the cache; a hit in its in-process cache leaves it unset.
  const stale = !cachedData || script.cachedDataRejected !== false;
  let saved = !stale;
  return {
    ts: mod.exports as typeof ts,
    usedCache: !stale,
    saveCodeCache: () => {
      if (saved) return;
      saved = true;
      writeCacheFile(cacheFile, script.createCachedData());
    },
  };
}

/**
 * The cache key: the Node build, TypeScript's path, version and size. Not a hash of its 9 MB
 * text, which cost 13 ms a run: a published version never changes, and V8 itself checks only
 * the length, so the version is what keeps a stale cache out.
 */
function keyOf(file: string): string {
  const { version } = JSON.parse(fs.readFileSync(path.join(path.dirname(file), '..', 'package.json'), 'utf8')) as { version: string };
  const key = `${process.version}\0${process.arch}\0${file}\0${version}\0${fs.statSync(file).size}`;
  return crypto.createHash('sha256').update(key).digest('hex').slice(0, 24);
}

function readCache(cacheFile: string): Buffer | undefined {
  try {
    return fs.readFileSync(cacheFile);
  } catch {
    return undefined;
  }
}
