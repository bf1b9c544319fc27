import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { readImportAnalysis } from './read-import-analysis';

describe('readImportAnalysis', () => {
  let root = '';
  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'harness-analysis-'));
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));
  const write = (file: string, json: unknown) => fs.writeFileSync(path.join(root, file), JSON.stringify(json));

  it('is on when @nx/js (or another analysing @nx package) is declared in the root package.json', () => {
    write('package.json', { devDependencies: { nx: '23.2.1', '@nx/js': '23.2.1' } });
    expect(readImportAnalysis(root)).toBe(true);
    write('package.json', { dependencies: { '@nx/angular': '23.2.1' } });
    expect(readImportAnalysis(root)).toBe(true);
  });

  it('is off when only nx is declared, or there is no root package.json', () => {
    write('package.json', { devDependencies: { nx: '23.2.1', '@nx/jest': '23.2.1' } });
    expect(readImportAnalysis(root)).toBe(false);
    fs.rmSync(path.join(root, 'package.json'));
    expect(readImportAnalysis(root)).toBe(false);
  });

  it('follows pluginsConfig["@nx/js"].analyzeSourceFiles in nx.json over package.json', () => {
    write('package.json', { devDependencies: { nx: '23.2.1' } });
    write('nx.json', { pluginsConfig: { '@nx/js': { analyzePackageJson: true } } });
    expect(readImportAnalysis(root)).toBe(true);
    write('package.json', { devDependencies: { '@nx/js': '23.2.1' } });
    write('nx.json', { pluginsConfig: { '@nx/js': { analyzeSourceFiles: false } } });
    expect(readImportAnalysis(root)).toBe(false);
  });
});
