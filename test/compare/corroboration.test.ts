import assert from 'node:assert/strict';
import { test } from 'node:test';
import { makeUnit } from '../../src/compare/align.js';
import { anchorDates, clash, createSupports, disagreement, predicateStems, sharedArguments } from '../../src/compare/agree.js';
import { analyzeStoryline } from '../../src/compare/index.js';

const unit = (article: string, text: string) => makeUnit(0, article, article, text, 0, text.length);

test('sharing a verb and a country is not corroboration: the arguments must agree', () => {
  const a = unit('a', 'The Danish prime minister backs Estonia’s bid but keeps her own party’s line.');
  const b = unit('b', 'Moscow continues to back the separatist militias in Estonia with fuel shipped from Belarus.');
  assert.equal(disagreement(a, b), 'different arguments');
  assert.ok(sharedArguments(a, b) < 2);
});

test('a restatement with the same who, what and figure still corroborates', () => {
  const a = unit('a', 'Harbour workers in Gdynia voted to strike for 48 hours over the new shift rota.');
  const b = unit('b', 'Dock workers in Gdynia have voted to strike for 48 hours against the shift rota.');
  assert.equal(disagreement(a, b), null);
});

test('names shared with different happenings and different times do not corroborate', () => {
  const { disagreement: why } = createSupports((id) => (id === 'a' ? '2024-01-10' : '2023-03-02'));
  const a = unit('a', 'Mayor Lena Ortiz has helped bring the league back to Valdora, inviting Coach Brandt to the Gala Dinner in Valdora in October.');
  const b = unit('b', 'Coach Brandt’s last trip before the scandal was to Valdora to see Mayor Lena Ortiz during the 2022 Spring Games.');
  assert.notEqual(why(a, b), null);
});

test('a month without a year is read in the article’s year (a plan: the next such month)', () => {
  const d = [{ year: null, month: 10 }];
  assert.deepEqual(anchorDates(d, '2024-01-10', false), [{ year: 2023, month: 10 }]);
  assert.deepEqual(anchorDates(d, '2024-01-10', true), [{ year: 2024, month: 10 }]);
  assert.deepEqual(anchorDates(d, null, false), d);
});

test('a capitalised word inside a sentence is not taken for a verb', () => {
  assert.deepEqual(predicateStems('His last trip was to Valdora to see the mayor.'), []);
});

test('"200ft" and "200m" are two different heights; "60 metres (200 feet)" repeats "200ft"', () => {
  const ft = unit('a', 'The hiker slipped and fell about 200ft from a ridge near the Varn glacier on Friday.');
  const m = unit('b', 'The hiker slipped and fell about 200m from a ridge near the Varn glacier on Friday.');
  const both = unit('c', 'The hiker slipped and fell about 60 metres (200 feet) from a ridge near the Varn glacier on Friday.');
  assert.notEqual(disagreement(ft, m), null);
  assert.equal(disagreement(ft, both), null);
});

test('clash: two sentences naming different people cannot be one happening; a modality or a figure apart neither', () => {
  // Titled names are people (in a storyline, a full name some article cuts to the surname is one too).
  const a = unit('a', 'Champion Ivo Marek knocked out challenger Mr. Dan Kessler in the sixth round to keep his title on Saturday.');
  const b = unit('b', 'Champion Ivo Marek knocked out challenger Mr. Paul Ostrow in the seventh round to keep his title in Graz.');
  const c = unit('c', 'Ivo Marek knocked out Mr. Dan Kessler to keep his title, his promoter said.');
  assert.equal(clash(a, b), 'different participants');
  assert.equal(clash(a, c), null);
  assert.equal(clash(unit('d', 'The dam will hold 40 million cubic metres.'), unit('e', 'The dam will hold 55 million cubic metres.')), 'different figure');
});

test('a fact citing a vague headline keeps the supporters of one happening, not two fights', () => {
  const articles = [
    { id: 'x1', outlet: 'Ring Daily', text: 'Ivo Marek keeps his belts.\n\nIvo Marek stopped Dan Kessler in the sixth round to keep his title belts on Saturday night. Marek floored Kessler twice.' },
    { id: 'x2', outlet: 'Fight Wire', text: 'Ivo Marek stopped Dan Kessler in the sixth round to keep his title belts on Saturday. Kessler never recovered.' },
    { id: 'x3', outlet: 'Box Times', text: 'Ivo Marek stopped Paul Ostrow in the seventh round to keep his title belts in Graz. The referee sent Ostrow to hospital.' },
  ].map((a) => ({ ...a, title: null, published: null }));
  const r = analyzeStoryline({ articles });
  for (const f of r.facts) {
    const texts = f.citations.map((c) => c.sentence).join(' | ');
    assert.ok(!(/Kessler/.test(texts) && /Ostrow/.test(texts)), `one fact cites two fights: ${texts}`);
  }
});

test('a predicate in an irregular past ("spoke") is a happening of its own', () => {
  assert.deepEqual(predicateStems('The lawyer spoke out about the move.'), ['speak']);
});

test('a claim sharing a figure or a name with an article in another language is not called single-source', () => {
  const articles = [
    { id: 'en1', outlet: 'Lake Post', text: 'A magnitude 4.7 earthquake shook the Varn valley early on Monday, the seismic office said. Windows broke in several farms near the lake. Schools in the valley stayed closed for the day while engineers checked the buildings.' },
    { id: 'en2', outlet: 'Hill Times', text: 'Residents of the Varn valley were woken by a strong earthquake early on Monday. Engineers checked schools and bridges across the valley during the day.' },
    { id: 'de1', outlet: 'Talbote', text: 'Ein Erdbeben der Stärke 4,7 hat am frühen Montag das Varntal erschüttert, wie das Erdbebenamt mitteilte. In mehreren Höfen am See gingen Fenster zu Bruch. Die Schulen im Tal blieben den ganzen Tag geschlossen.' },
  ].map((a) => ({ ...a, title: null, published: '2025-03-03' }));
  const r = analyzeStoryline({ articles });
  assert.ok(!r.singleSource.some((c) => /4[.,]7/.test(c.text)), JSON.stringify(r.singleSource.map((c) => c.text)));
});
