#!/usr/bin/env node
'use strict';
// The executable only wires the real process in; everything it does lives in src/ and is tested there.
const { runCli } = require('../src/create-workspace');

runCli(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(`create-harness-workspace: ${error && error.message ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
