#!/usr/bin/env node
// Builds and packs every publishable package into dist/tarballs/*.tgz.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(repo, 'dist/tarballs');
execFileSync(process.execPath, [path.join(repo, 'scripts/build.mjs')], { stdio: 'inherit' });
fs.mkdirSync(out, { recursive: true });
for (const name of ['harness', 'create-harness-workspace']) {
  const dir = path.join(repo, 'packages', name);
  const file = execFileSync('npm', ['pack', '--pack-destination', out, '--silent'], { cwd: dir, encoding: 'utf8' }).trim().split('\n').pop();
  process.stdout.write(`packed dist/tarballs/${file}\n`);
}
