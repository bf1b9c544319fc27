#!/usr/bin/env node
// Writes the rule part (`properties.rules`, `definitions.rule`) of packages/harness/schemas/harness.schema.json from the rule table:
// each rule's severity and the JSON schema of its options, as the config loader applies them.
// Run it after changing a rule's options; config/harness-schema.spec.ts fails until the shipped
// file matches. Not part of the build on purpose: CI builds before it tests, so a build that
// rewrote the file would hide a stale committed schema from that test.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const pkg = path.join(repo, 'packages/harness');
execFileSync(process.execPath, [path.join(repo, 'scripts/build.mjs')], { stdio: 'inherit' });
const require = createRequire(import.meta.url);
const { RULES } = require(path.join(pkg, 'dist/rules/index.js'));
const { renderHarnessSchema } = require(path.join(pkg, 'dist/config/render-rules-schema.js'));
const file = path.join(pkg, 'schemas/harness.schema.json');
const schema = renderHarnessSchema(JSON.parse(fs.readFileSync(file, 'utf8')), RULES);
fs.writeFileSync(file, `${JSON.stringify(schema, null, 2)}\n`);
process.stdout.write(`wrote ${path.relative(repo, file)}\n`);
