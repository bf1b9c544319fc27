import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DEFAULT_EFFECTS } from './align-nx-packages';

describe('DEFAULT_EFFECTS.readInstalledVersion', () => {
  const temp = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'harness-preset-')));

  afterAll(() => fs.rmSync(temp, { recursive: true, force: true }));

  function writePackage(dir: string, name: string, version: string): void {
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name, version }));
  }

  it('reads the version installed in a parent folder node_modules for a workspace in a sub-folder', () => {
    const ws = path.join(temp, 'hoisted', 'ws');
    fs.mkdirSync(ws, { recursive: true });
    writePackage(path.join(temp, 'hoisted', 'node_modules', '@nx', 'js'), '@nx/js', '22.7.12');

    expect(DEFAULT_EFFECTS.readInstalledVersion(ws, '@nx/js')).toBe('22.7.12');
  });

  it('reads the workspace own copy before a parent one, through a pnpm symlink', () => {
    const ws = path.join(temp, 'pnpm', 'ws');
    writePackage(path.join(temp, 'pnpm', 'node_modules', '@nx', 'devkit'), '@nx/devkit', '21.0.4');
    const store = path.join(ws, 'node_modules', '.pnpm', '@nx+devkit@23.2.1', 'node_modules', '@nx', 'devkit');
    writePackage(store, '@nx/devkit', '23.2.1');
    fs.mkdirSync(path.join(ws, 'node_modules', '@nx'), { recursive: true });
    fs.symlinkSync(store, path.join(ws, 'node_modules', '@nx', 'devkit'), 'dir');

    expect(DEFAULT_EFFECTS.readInstalledVersion(ws, '@nx/devkit')).toBe('23.2.1');
  });

  it('reads nothing when the package is not installed', () => {
    const ws = path.join(temp, 'empty');
    fs.mkdirSync(ws, { recursive: true });

    expect(DEFAULT_EFFECTS.readInstalledVersion(ws, '@nx/js')).toBeUndefined();
  });
});
