/**
 * The short version of `npm run fuzz`: a few hundred mutated real inputs per parser (seeded), run in
 * this process. No parser may throw, and none may take seconds on an input of at most 100 kB.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadCorpora, mutate, seededRandom, TARGETS } from '../../bench/fuzz.js';
import { sharedDir } from '../helpers/shared.js';

const PER_TARGET = 60;

test('fuzzed real inputs: no parser throws or takes seconds', { timeout: 300_000 }, (t) => {
  const shared = sharedDir(t);
  if (!shared) return;
  const corpora = loadCorpora(shared, 20);
  for (const [name, target] of Object.entries(TARGETS)) {
    const rand = seededRandom(2026);
    const corpus = corpora[target.corpus];
    for (let n = 0; n < PER_TARGET; n++) {
      const { input, how } = mutate(corpus[Math.floor(rand() * corpus.length)]!, corpus, rand, 100 * 1024);
      const started = performance.now();
      assert.doesNotThrow(() => target.parse(input), `${name}: ${how}`);
      const ms = performance.now() - started;
      // Generous for a busy machine: the quadratic paths this guards against took 5 s to minutes here.
      assert.ok(ms < 3000, `${name} took ${ms.toFixed(0)} ms on ${input.length} characters (${how})`);
    }
  }
});
