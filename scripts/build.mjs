#!/usr/bin/env node
// Compiles packages/harness to packages/harness/dist and copies the assets the compiled code
// reads at run time (schema.json files and generator templates). Runs on `npm ci` (prepare),
// so Nx can load the plugin from the workspace right after install.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const pkg = path.join(repo, 'packages/harness');
const src = path.join(pkg, 'src');
const dist = path.join(pkg, 'dist');

fs.rmSync(dist, { recursive: true, force: true });
execFileSync(process.execPath, [path.join(repo, 'node_modules/typescript/bin/tsc'), '-p', path.join(pkg, 'tsconfig.json')], {
  stdio: 'inherit',
});

/** Copies schema.json files and whole `files/` template folders from src/ to dist/. */
function copyAssets(dir) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const from = path.join(dir, entry.name);
    const to = path.join(dist, path.relative(src, from));
    if (entry.isDirectory() && entry.name === 'files') fs.cpSync(from, to, { recursive: true });
    else if (entry.isDirectory()) copyAssets(from);
    else if (entry.name === 'schema.json') fs.copyFileSync(from, to);
  }
}
copyAssets(src);
process.stdout.write(`built ${path.relative(repo, dist)}\n`);
