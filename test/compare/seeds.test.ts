import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { analyzeStoryline } from '../../src/compare/index.js';
import type { Fact, StorylineReport } from '../../src/model/index.js';
import { sharedDir } from '../helpers/shared.js';
import { loadDemo, loadSeeds } from './corpus.js';

/** The fact whose citations include sentences matching every pattern, by article. */
function factWith(r: StorylineReport, want: Record<string, RegExp>): Fact | undefined {
  return r.facts.find((f) => Object.entries(want).every(([id, re]) => f.citations.some((c) => c.article === id && re.test(c.sentence))));
}

test('seeds: facts repeated across outlets come out with their sources', (t) => {
  const shared = sharedDir(t);
  if (!shared) return;
  const r = analyzeStoryline({ articles: loadSeeds(shared) });
  const sochi = factWith(r, { '000': /Sochi/, '001': /Sochi/, '004': /Sochi/ });
  assert.ok(sochi, 'the September 2023 Sochi meeting is one fact of 000, 001 and 004');
  const germany = factWith(r, { '000': /2020/, '001': /Germany in 2020/ });
  assert.ok(germany, 'the 2020 visit to Germany: 000 and 001');
  const talks = factWith(r, { '000': /peace talks/, '001': /peace talks/ });
  assert.ok(talks, 'the 2022 peace talks in Turkey: 000 and 001');
  for (const f of [sochi, germany, talks]) assert.equal(new Set(f!.sources).size, f!.sources.length);
});

test('seeds: the Tehran/Astana contradiction inside 002 is flagged', (t) => {
  const shared = sharedDir(t);
  if (!shared) return;
  const r = analyzeStoryline({ articles: loadSeeds(shared) });
  const c = r.conflicts.find((x) => x.kind === 'conflict' && x.withinArticle && x.citations[0].article === '002');
  assert.ok(c, 'conflict inside 002');
  assert.ok(c.citations.some((x) => /Tehran/.test(x.sentence)) && c.citations.some((x) => x.caption !== undefined && /Astana/.test(x.sentence)));
  // Later articles reporting the September 2023 meeting do not contradict 002 (published June 2023).
  assert.ok(!r.conflicts.some((x) => x.kind === 'conflict' && !x.withinArticle && x.citations.some((y) => /Tehran/.test(y.sentence))));
});

test("seeds: quotes with speakers (Ushakov to Interfax, Erdoğan's “soften its position”, Putin)", (t) => {
  const shared = sharedDir(t);
  if (!shared) return;
  const r = analyzeStoryline({ articles: loadSeeds(shared) });
  const ushakov = r.quotes.filter((q) => q.speaker === 'Yuri Ushakov');
  assert.ok(ushakov.some((q) => q.article === '002' && q.direct && /Interfax/.test(q.addressee ?? '')));
  // 000 reports his words in a clause that embeds a quoted fragment: indirect, with the fragment verbatim.
  assert.ok(ushakov.some((q) => q.article === '000' && !q.direct && q.verbatim?.length === 1 && /Interfax/.test(q.addressee ?? '')));
  assert.ok(r.quotes.some((q) => q.article === '001' && q.speaker === 'Recep Tayyip Erdoğan' && /soften its position/.test(q.text)));
  assert.ok(r.quotes.some((q) => q.article === '001' && q.speaker === 'Vladimir Putin' && /able to meet/.test(q.text)));
});

test('seeds: 003 dates the Crimea treaty alone; 004 and 003 framing side by side', (t) => {
  const shared = sharedDir(t);
  if (!shared) return;
  const r = analyzeStoryline({ articles: loadSeeds(shared) });
  assert.ok(r.singleSource.some((s) => s.citation.article === '003' && /Crimea/.test(s.text) && /2013/.test(s.reason)));
  const f004 = r.framing.find((f) => f.articles.includes('004'))!;
  const f003 = r.framing.find((f) => f.articles.includes('003'))!;
  const t004 = f004.terms.map((x) => x.term.toLowerCase());
  const t003 = f003.terms.map((x) => x.term.toLowerCase());
  for (const w of ['dictator', 'illegitimate', 'occupying army']) assert.ok(t004.includes(w), w);
  assert.ok(t003.includes('win-win'));
  assert.ok(f004.bodyTone < 0 && f003.bodyTone > 0, 'opposite tones');
  assert.deepEqual(r.framing.slice(0, 2).map((f) => f.articles[0]).sort(), ['003', '004'], 'the two most loaded outlets');
});

test('demo corpus: the 15/12 percent and 5.8/6.1 magnitude conflicts', (t) => {
  const shared = sharedDir(t);
  if (!shared) return;
  const articles = loadDemo(join(import.meta.dirname, '..', '..', 'demo', 'corpus')).map((a) => (a.id === '04' ? { ...a, duplicateOf: '03' } : a));
  const r = analyzeStoryline({ articles });
  const has = (x: string, y: string): boolean => r.conflicts.some((c) => c.kind === 'conflict' && c.values.some((v) => v.includes(x)) && c.values.some((v) => v.includes(y)));
  assert.ok(has('12', '15'), 'tariff cut 12 vs 15 percent');
  assert.ok(has('5.8', '6.1'), 'magnitude 5.8 vs 6.1');
  // The wire copy (04 of 03) adds no outlet.
  assert.ok(!r.facts.some((f) => f.articles.includes('03') && f.articles.includes('04') && f.sources.length < 2));
});

test('seeds: no false corroboration (issue 11)', (t) => {
  const shared = sharedDir(t);
  if (!shared) return;
  const r = analyzeStoryline({ articles: loadSeeds(shared) });
  const cites = (f: Fact, id: string, re: RegExp): boolean => f.citations.some((c) => c.article === id && re.test(c.sentence));
  for (const f of r.facts) {
    // Ushakov's "being prepared" (000) is not Newsweek's June-2023 "confirmed his invitation" (002).
    assert.ok(!(cites(f, '000', /being prepared/) && cites(f, '002', /confirmed his invitation/)), `Ushakov's two statements merged: ${f.text}`);
    // 002's "supports Ukraine's sovereignty" does not state the delicate balance of military supplies and sanctions (001).
    assert.ok(!(cites(f, '001', /delicate balance/) && cites(f, '002', /sovereignty/)), `balance fact cites 002: ${f.text}`);
    // Mondo's "bridge connecting the two continents" is not "fostering diplomatic channels".
    assert.ok(!(cites(f, '001', /fostering diplomatic channels/) && cites(f, '003', /bridge connecting/)), `bridge counted as diplomacy: ${f.text}`);
    // A future meeting ("He will meet …") is never the fact's text when its support is about the past one.
    assert.ok(!/^He will meet/.test(f.text), `unresolved future meeting as a fact: ${f.text}`);
    // 004's possible meeting in Kazakhstan does not support a meeting in Sochi.
    assert.ok(!(cites(f, '000', /whom he last met/) && cites(f, '004', /probably|possible meeting/)), `possible meeting cited for the Sochi one: ${f.text}`);
    // "Barred … arrest warrant" is not "travels constrained".
    assert.ok(!(cites(f, '000', /barred from Europe/) && cites(f, '001', /travels have been constrained/)), `barred vs constrained: ${f.text}`);
  }
  // Where a sentence states one half of the fact (000's sanctions half of 001's balance), it is marked partial.
  for (const f of r.facts) {
    for (const c of f.citations) if (c.sentence === f.text) assert.ok(!c.partial, 'the fact’s own sentence is never partial');
  }
  const merkel = factWith(r, { '000': /NATO nation in 2020/, '001': /Germany in 2020/ });
  assert.ok(merkel, 'the 2020 visit to Germany is still one fact');
  assert.ok(merkel.citations.find((c) => c.article === '001')!.partial, '001 states only the 2020 visit, not the bar and the warrant');
});

test('seeds: the story’s hook and the last Sochi meeting are facts (issue 11)', (t) => {
  const shared = sharedDir(t);
  if (!shared) return;
  const r = analyzeStoryline({ articles: loadSeeds(shared) });
  assert.ok(factWith(r, { '000': /first trip to a NATO country in four years/, '001': /first visit to a NATO country in four years/ }), 'first visit to a NATO country in four years: 000 and 001');
  const sochi = factWith(r, { '000': /Sochi/, '001': /Sochi/, '004': /Sochi/ });
  assert.ok(sochi, 'the September 2023 Sochi meeting: 000, 001 and 004');
  assert.match(sochi.text, /last meeting between Erdogan and Putin/u, 'shown with the sentence that states it whole');
});

test('seeds: Putin’s first trip after the invasion — China (000) vs Tajikistan and Turkmenistan (002) (issue 11)', (t) => {
  const shared = sharedDir(t);
  if (!shared) return;
  const r = analyzeStoryline({ articles: loadSeeds(shared) });
  const c = r.conflicts.find((x) => x.kind === 'conflict' && x.values.some((v) => /China/.test(v)) && x.values.some((v) => /Tajikistan/.test(v)));
  assert.ok(c, r.conflicts.map((x) => x.description).join('; '));
  assert.deepEqual(c.citations.map((x) => x.article).sort(), ['000', '002']);
  // 000's claim is now a contradiction, not a lone claim.
  assert.ok(!r.singleSource.some((s) => s.citation.article === '000' && /first international trip/.test(s.text)));
});
