import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { readConventions } from '../config/read-conventions';
import { readHarnessConfig } from '../config/read-harness-config';
import type { RuleDeclaration } from '../config/types';
import { CONFIG_CACHE_FILE, openConfigReader } from './config-cache';

const RULES: RuleDeclaration[] = [
  { id: 'naming', defaultSeverity: 'error' },
  {
    id: 'file-size',
    defaultSeverity: 'warn',
    defaultOptions: { maxLines: 400 },
    optionsSchema: { type: 'object', additionalProperties: false, properties: { maxLines: { type: 'integer', minimum: 1 } } },
  },
];
const CONFIG = ['dependencies:', '  constraints:', '    - { sourceTag: "scope:a", onlyDependOnLibsWithTags: ["scope:a"] }', 'rules:', '  file-size: { severity: error, maxLines: 10 }', ''].join('\n');
const CONVENTIONS = ['---', 'naming: { functions: snake_case }', 'rules: { naming: warn }', '---', '# conventions', ''].join('\n');

describe('openConfigReader', () => {
  let root: string;
  let cacheFile: string;
  const write = (file: string, text: string, mtime?: number) => {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), text);
    if (mtime !== undefined) fs.utimesSync(path.join(root, file), mtime, mtime);
  };
  const errorOf = (fn: () => unknown) => {
    try {
      fn();
    } catch (error) {
      return (error as Error).message;
    }
    throw new Error('expected an error');
  };

  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'harness-config-cache-'));
    cacheFile = path.join(root, '.nx', 'workspace-data', CONFIG_CACHE_FILE);
    delete process.env.NX_WORKSPACE_DATA_DIRECTORY;
    delete process.env.NX_PROJECT_GRAPH_CACHE_DIRECTORY;
  });
  afterEach(() => {
    fs.rmSync(root, { recursive: true, force: true });
    delete process.env.HARNESS_NO_CACHE;
  });

  it('reads what the files say, as the readers without a cache do', () => {
    write('harness.yaml', CONFIG);
    write('libs/a/CONVENTIONS.md', CONVENTIONS);
    const config = readHarnessConfig(CONFIG, RULES);
    for (let run = 0; run < 2; run++) {
      const reader = openConfigReader(root, RULES);
      expect(reader.config).toEqual(config);
      expect(reader.readModule('libs/a/CONVENTIONS.md')).toEqual(readConventions('libs/a/CONVENTIONS.md', CONVENTIONS, config, RULES));
      expect(reader.readModule('libs/b/CONVENTIONS.md')).toEqual({ conventions: config.conventions, rules: {} });
      reader.save();
    }
  });

  it('answers from the cache while the files keep their size and time, and reads again after an edit', () => {
    write('harness.yaml', CONFIG, 1_000_000);
    write('libs/a/CONVENTIONS.md', CONVENTIONS, 1_000_000);
    const first = openConfigReader(root, RULES);
    first.readModule('libs/a/CONVENTIONS.md');
    first.save();
    // Proof that the stored entries are what a second run uses: change them behind the files' back.
    const stored = JSON.parse(fs.readFileSync(cacheFile, 'utf8'));
    stored.config.value.constraints = [];
    stored.modules['libs/a/CONVENTIONS.md'].value.rules = {};
    fs.writeFileSync(cacheFile, JSON.stringify(stored));
    const second = openConfigReader(root, RULES);
    expect(second.config.constraints).toEqual([]);
    expect(second.readModule('libs/a/CONVENTIONS.md').rules).toEqual({});
    write('libs/a/CONVENTIONS.md', CONVENTIONS, 2_000_000);
    expect(openConfigReader(root, RULES).readModule('libs/a/CONVENTIONS.md').rules).toEqual({ naming: { severity: 'warn', options: {} } });
    write('harness.yaml', CONFIG, 2_000_000);
    expect(openConfigReader(root, RULES).config.constraints).toHaveLength(1);
  });

  it('never stores a file with an error: every run throws the same sentence', () => {
    write('harness.yaml', 'rules:\n  file-size: { maxLines: [\n');
    const message = errorOf(() => openConfigReader(root, RULES));
    expect(message).toMatch(/^harness: harness\.yaml:\d+: invalid YAML/);
    expect(fs.existsSync(cacheFile)).toBe(false);
    expect(errorOf(() => openConfigReader(root, RULES))).toBe(message);
    write('harness.yaml', CONFIG);
    write('libs/a/CONVENTIONS.md', '---\nnaming: { functions: shouting }\n---\n');
    const reader = openConfigReader(root, RULES);
    const moduleMessage = errorOf(() => reader.readModule('libs/a/CONVENTIONS.md'));
    expect(moduleMessage).toMatch(/^harness: libs\/a\/CONVENTIONS\.md:2: /);
    reader.save();
    expect(JSON.parse(fs.readFileSync(cacheFile, 'utf8')).modules).toEqual({});
    expect(errorOf(() => openConfigReader(root, RULES).readModule('libs/a/CONVENTIONS.md'))).toBe(moduleMessage);
  });

  it('keeps nothing when caches are off, and drops entries written for other rules', () => {
    write('harness.yaml', CONFIG);
    process.env.HARNESS_NO_CACHE = 'true';
    openConfigReader(root, RULES).save();
    expect(fs.existsSync(cacheFile)).toBe(false);
    delete process.env.HARNESS_NO_CACHE;
    openConfigReader(root, RULES).save();
    const stored = JSON.parse(fs.readFileSync(cacheFile, 'utf8'));
    stored.config.value.constraints = [];
    fs.writeFileSync(cacheFile, JSON.stringify(stored));
    const otherRules = [...RULES, { id: 'docs', defaultSeverity: 'error' as const }];
    expect(openConfigReader(root, otherRules).config.constraints).toHaveLength(1);
  });
});
