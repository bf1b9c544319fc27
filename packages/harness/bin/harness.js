#!/usr/bin/env node
// The `harness` command. A committed file rather than dist/cli/main.js itself, so that npm can
// link the bin in this repository before `npm ci`'s prepare step has compiled dist/.
require('../dist/cli/main.js');
