/**
 * Pathological shapes that were once quadratic in the extract stage: each must now run in time
 * proportional to its size. Bounds are generous (a busy 2-core machine): the old code took seconds to
 * minutes on the same inputs.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { capNesting } from '../../src/extract/html/nesting.js';
import { extractHtml } from '../../src/extract/html/index.js';
import { cleanPlainText } from '../../src/extract/plaintext/index.js';
import { hasEmailAddress } from '../../src/extract/plaintext/clean.js';

function timed(run: () => unknown): number {
  const started = performance.now();
  run();
  return performance.now() - started;
}

test('a long token of "a@" without spaces cleans in linear time (old e-mail pattern: minutes for 10 kB)', () => {
  const text = `Harbour plan approved\n\nThe council met on Tuesday. Write to ${'a@'.repeat(100_000)} for more.\n\nThe ferry timetable changes next month, the harbour board said after a long debate on Tuesday evening.\n`;
  const ms = timed(() => cleanPlainText(text));
  assert.ok(ms < 1500, `took ${ms.toFixed(0)} ms for 200 kB`);
});

test('e-mail addresses are still recognised, token by token', () => {
  assert.equal(hasEmailAddress('Write to news.desk@harbour-gazette.com for tips'), true);
  assert.equal(hasEmailAddress('(desk@gazette.org)'), true);
  assert.equal(hasEmailAddress('The @harbour account posted at 10.30'), false);
  assert.equal(hasEmailAddress('user@localhost'), false);
  assert.equal(hasEmailAddress('a@.co'), false);
});

test('"<a " repeated with no ">" passes the nesting guard in linear time (old: 7 s for 100 kB)', () => {
  const html = `<html><body><p>Harbour plan approved.</p>${'<a '.repeat(300_000)}`;
  const ms = timed(() => capNesting(html, 50));
  assert.ok(ms < 1000, `took ${ms.toFixed(0)} ms for 900 kB`);
  assert.ok(timed(() => extractHtml(html)) < 3000);
});

test('the nesting guard still drops tags beyond its depth, and only those', () => {
  const html = `<div>${'<span>'.repeat(5)}deep text${'</span>'.repeat(5)}</div><p>after`;
  const capped = capNesting(html, 3);
  assert.equal((capped.match(/<span>/g) ?? []).length, 2);
  assert.match(capped, /deep text/);
  assert.match(capped, /<p>after$/);
});
