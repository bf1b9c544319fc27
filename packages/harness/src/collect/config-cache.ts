import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { HARNESS_CONFIG_FILE } from '../config/defaults';
import type { ModuleConventions } from '../config/read-conventions';
import type { HarnessConfig, RuleDeclaration } from '../config/types';
import { loadLater } from '../core/load-later';
import { cachesDisabled, writeCacheFile } from './cache-files';
import { readOwnVersion } from './collect-workspace';
import { findWorkspaceDataDirectory } from './read-file-map';
import { readWorkspaceText, resolveInsideWorkspace } from './read-workspace-file';

/** The file, under Nx's workspace data, that keeps harness.yaml and CONVENTIONS.md as validated. */
export const CONFIG_CACHE_FILE = 'harness-config.json';
const FORMAT = 1;

/** A validated result and the size and time of the file it was read from. */
interface Entry<T> {
  key: string;
  value: T;
}

interface StoredConfig {
  format: number;
  /** The code that validated: harness's version, the rule schemas, the config and core sources. */
  code: string;
  config: Entry<HarnessConfig>;
  /** CONVENTIONS.md path → its conventions over `config`. */
  modules: Record<string, Entry<ModuleConventions>>;
}

/** harness.yaml and the modules' CONVENTIONS.md, validated, for one check. */
export interface ConfigReader {
  config: HarnessConfig;
  readModule(conventionsFile: string): ModuleConventions;
  /** Writes what this run validated anew, for the next run. */
  save(): void;
}

/**
 * Reads harness.yaml and each CONVENTIONS.md front matter through a cache keyed by each file's
 * size and modification time, so that a check whose config files are unchanged neither parses
 * YAML nor loads the yaml library. Only a successful read is stored: a file with an error is read
 * again on every run and throws the same `HarnessConfigError`. The cache lives under Nx's
 * workspace data, so `nx reset` clears it; `HARNESS_NO_CACHE=true` bypasses it.
 */
export function openConfigReader(workspaceRoot: string, rules: readonly RuleDeclaration[]): ConfigReader {
  const readText = (file: string) => readWorkspaceText(workspaceRoot, file);
  const { readHarnessConfig, readConventions } = loadConfigReaders();
  if (cachesDisabled()) {
    const config = readHarnessConfig(readText(HARNESS_CONFIG_FILE), rules);
    return { config, readModule: (file) => readConventions(file, readText(file), config, rules), save: () => undefined };
  }
  const cacheFile = path.join(findWorkspaceDataDirectory(workspaceRoot), CONFIG_CACHE_FILE);
  const code = describeConfigCode(rules);
  // The key is taken before the text is read, so an edit in between is seen by the next run.
  const configKey = describeFileState(workspaceRoot, HARNESS_CONFIG_FILE);
  const loaded = loadStoredConfig(cacheFile, code);
  const stored: StoredConfig =
    loaded && loaded.config.key === configKey
      ? loaded
      : { format: FORMAT, code, config: { key: configKey, value: readHarnessConfig(readText(HARNESS_CONFIG_FILE), rules) }, modules: {} };
  let dirty = stored !== loaded;
  // A config that JSON cannot carry exactly is never stored, nor anything read over it.
  const storing = !dirty || isStorable(stored.config.value);
  const config = stored.config.value;
  return {
    config,
    readModule(file) {
      const key = describeFileState(workspaceRoot, file);
      const entry = stored.modules[file];
      if (entry && entry.key === key) return entry.value;
      const value = readConventions(file, readText(file), config, rules);
      if (storing && isStorable(value)) {
        stored.modules[file] = { key, value };
        dirty = true;
      }
      return value;
    },
    save() {
      if (dirty && storing) writeCacheFile(cacheFile, JSON.stringify(stored));
      dirty = false;
    },
  };
}

/* The validating readers (YAML, schemas, front matter) only when a read misses the cache (core/load-later.ts). */
/* eslint-disable @typescript-eslint/no-require-imports */
const loadConfigModule = loadLater(__filename, () => require('../config/read-harness-config') as typeof import('../config/read-harness-config'));
const loadConventionsModule = loadLater(__filename, () => require('../config/read-conventions') as typeof import('../config/read-conventions'));
/* eslint-enable @typescript-eslint/no-require-imports */

function loadConfigReaders(): {
  readHarnessConfig: typeof import('../config/read-harness-config').readHarnessConfig;
  readConventions: typeof import('../config/read-conventions').readConventions;
} {
  return {
    readHarnessConfig: (...args) => loadConfigModule().readHarnessConfig(...args),
    readConventions: (...args) => loadConventionsModule().readConventions(...args),
  };
}

/** `<size>@<mtime>` of a workspace file, or `missing`. */
function describeFileState(workspaceRoot: string, file: string): string {
  const full = resolveInsideWorkspace(workspaceRoot, file);
  try {
    const stat = full ? fs.statSync(full) : undefined;
    return stat ? `${stat.size}@${stat.mtimeMs}` : 'missing';
  } catch {
    return 'missing';
  }
}

function loadStoredConfig(file: string, code: string): StoredConfig | undefined {
  try {
    const data = JSON.parse(fs.readFileSync(file, 'utf8')) as StoredConfig;
    return data?.format === FORMAT && data.code === code && data.config && data.modules ? data : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Whether a value comes back from JSON exactly as it is: a value that would not (an `undefined`
 * field, a non-finite number) is never stored, so a cached read always equals a fresh one.
 */
function isStorable(value: unknown): boolean {
  try {
    return isDeepStrictEqual(JSON.parse(JSON.stringify(value)), value);
  } catch {
    return false;
  }
}

/**
 * What a stored result depends on besides the files: the rule declarations (defaults and option
 * schemas), harness's version, and when this compiled file was written, which a build of harness
 * rewrites with the config code beside it, so a rebuilt harness never reads an old entry.
 */
function describeConfigCode(rules: readonly RuleDeclaration[]): string {
  const hash = crypto.createHash('sha256');
  hash.update(JSON.stringify(rules.map((r) => [r.id, r.defaultSeverity, r.defaultOptions, r.optionsSchema])));
  hash.update(`${readOwnVersion()};${fs.statSync(__filename, { throwIfNoEntry: false })?.mtimeMs}`);
  return hash.digest('hex').slice(0, 24);
}
