#!/usr/bin/env -S node --max-semi-space-size=64
// Entry point for `npx storyline`: the compiled CLI lives in dist/ (built by `npm install`).
import { main } from '../dist/cli/main.js';

// A reader that stops early (`storyline stories | head -2`) closes the pipe: that is not an error.
process.stdout.on('error', (err) => {
  if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw err;
});

main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (err) => { console.error(`storyline: ${err instanceof Error ? err.message : String(err)}`); process.exitCode = 2; },
);
