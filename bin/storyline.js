#!/usr/bin/env node
// Entry point for `npx storyline`: the compiled CLI lives in dist/ (built by `npm install`).
import { main } from '../dist/cli/main.js';

main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (err) => { console.error(`storyline: ${err instanceof Error ? err.message : String(err)}`); process.exitCode = 2; },
);
