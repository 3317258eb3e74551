/**
 * The quote points of issue 11, checked on the seeds as read from ../shared at test time: the narrator's
 * comment stays out, split fragments stay in their clause, speakers are full names, the missing quotes
 * are found.
 */
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { findQuotes, type QuoteMention } from '../../src/analyze/quotes.js';
import { sharedDir } from '../helpers/shared.js';

function seedQuotes(shared: string, prefix: string): { text: string; quotes: QuoteMention[] } {
  const file = readdirSync(join(shared, 'seeds')).find((f) => f.startsWith(prefix));
  assert.ok(file, `seed ${prefix} is there`);
  const text = readFileSync(join(shared, 'seeds', file), 'utf8');
  return { text, quotes: findQuotes(text) };
}

test('seeds 003: Putin\u2019s announcement stops before the outlet\u2019s "which has aroused …" comment', (t) => {
  const shared = sharedDir(t);
  if (!shared) return;
  const { quotes } = seedQuotes(shared, '003');
  const q = quotes.find((x) => x.verb === 'announced');
  assert.equal(q?.speaker, 'Putin', '003 never gives his first name');
  assert.match(q!.text, /12th of this month$/u);
  assert.doesNotMatch(q!.text, /which|concern/u);
});

test('seeds 004: Fidan\u2019s clause keeps both quoted fragments; the ministry is the Turkish Foreign Ministry', (t) => {
  const shared = sharedDir(t);
  if (!shared) return;
  const { text, quotes } = seedQuotes(shared, '004');
  const fidan = quotes.find((x) => x.speaker === 'Hakan Fidan');
  assert.ok(fidan && !fidan.direct);
  assert.match(fidan.text, /probably[\s\S]*Kazakhstan[\s\S]*next few days/u);
  assert.deepEqual(fidan.verbatim.map(([s, e]) => text.slice(s, e).split(' ')[0]), ['probably', 'in']);
  const ministry = quotes.find((x) => x.addressee === 'journalists');
  assert.equal(ministry?.speaker, 'Turkish Foreign Ministry');
  assert.doesNotMatch(ministry!.text, /which will take place/u, 'the trailing relative clause is left out');
  assert.ok(!quotes.some((x) => x.speaker === 'Ministry'));
  assert.ok(quotes.some((x) => x.speaker === 'Kurt Campbell' && x.verb === 'warned'), 'As X warned, …');
});

test('seeds 000 and 001: Erdogan to Zelensky, Peskov, and full names for Ushakov, Erdoğan and Putin', (t) => {
  const shared = sharedDir(t);
  if (!shared) return;
  const q000 = seedQuotes(shared, '000').quotes;
  assert.ok(q000.some((x) => x.speaker === 'Recep Tayyip Erdogan' && x.addressee === 'Zelensky' && x.verbatim.length === 1), 'the Turkish leader assured Zelensky');
  assert.ok(q000.filter((x) => /Ushakov/u.test(x.speaker)).every((x) => x.speaker === 'Yuri Ushakov'), 'Mr. Ushakov is Yuri Ushakov');
  assert.ok(q000.some((x) => x.speaker === 'Turkey' && x.addressee === 'Ukraine'), 'a country may speak');
  const q001 = seedQuotes(shared, '001').quotes;
  assert.ok(q001.some((x) => x.speaker === 'Dmitry Peskov' && x.verb === 'confirming'));
  assert.ok(q001.some((x) => x.speaker === 'Recep Tayyip Erdoğan' && x.direct), '"He … stating" is Erdoğan');
  assert.ok(q001.some((x) => x.speaker === 'Vladimir Putin' && x.direct));
});
