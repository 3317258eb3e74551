/**
 * Flags the `storyline` launcher gives Node (the shebang of bin/storyline.js and `npm start`; a test
 * checks both). A 64 MiB young generation (Node's default is 16 MiB) took ingest from 265 to 312
 * articles per CPU-second at 30,000 articles of the ingest bench: with the default, 8 % of the time
 * went to collecting short-lived garbage (term maps, shingle sets). It costs about 60 MiB of memory.
 */
export const NODE_FLAGS: readonly string[] = ['--max-semi-space-size=64'];
