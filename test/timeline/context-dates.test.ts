import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { extractFile } from '../../src/extract/index.js';
import { isFailure, type StoredArticle } from '../../src/model/index.js';
import { datedArticles } from '../../src/pipeline/report.js';
import { createContextDater, refineStorylineDates, resolutionDay, type ContextArticle } from '../../src/timeline/context-dates.js';
import { buildTimeline } from '../../src/timeline/index.js';
import { sharedDir } from '../helpers/shared.js';
import { assertSeedTimeline } from './seeds.js';

// An invented storyline: a river bridge closed by a council vote, inspected, and due to reopen.
const vote: ContextArticle = {
  id: 'vote',
  published: '2025-03-04',
  publishedFrom: 'metadata',
  text: 'The Kelso county council voted on March 3, 2025 to close the Hollby river bridge to all traffic after a lorry struck its western pier. Councillors said the closure would last until engineers had inspected the bearings.',
};
const cracks: ContextArticle = {
  id: 'cracks',
  published: '2025-05-20',
  publishedFrom: 'metadata',
  text: 'Engineers found cracked bearings under the Hollby river bridge during an inspection in April 2025, the county roads office said. Repairs to the two bearings are expected to cost 1.4 million pounds.',
};
// Undated, and it names no year: the text alone cannot date it.
const reopening: ContextArticle = {
  id: 'reopening',
  published: null,
  publishedFrom: null,
  text: 'Mayor Ilse Vell said the Hollby river bridge will reopen next month. The council voted to close the bridge last March after a lorry struck its western pier. Engineers inspecting it in April found cracked bearings, and the repairs are now almost done.',
};

test('an undated article is dated from the happenings the storyline dates, with the sentences it rests on', () => {
  const out = refineStorylineDates([vote, cracks, reopening]);
  const r = out.find((a) => a.id === 'reopening')!;
  assert.equal(r.publishedFrom, 'inferred');
  // "last March" is the vote of 2025-03 ⇒ after March 2025; "in April" the inspection of 2025-04 ⇒ April or later;
  // the storyline's dated articles run to May 2025, so the closest months after both win.
  assert.match(r.published!, /^2025-0[45]/u, r.published!);
  assert.ok(r.contextDate && r.contextDate.from <= r.contextDate.day && r.contextDate.day <= r.contextDate.to);
  const anchoring = new Set(r.publishedEvidence!.map((e) => e.article).filter(Boolean));
  assert.ok(anchoring.has('vote') && anchoring.has('cracks'), JSON.stringify(r.publishedEvidence));
  const last = r.publishedEvidence!.find((e) => e.text === 'last March')!;
  assert.match(last.reason, /2025-03/u);
  assert.match(last.reason, /published between 2025-04-01 and 2026-03-31/u);
  // Firm dates are never touched.
  assert.equal(out.find((a) => a.id === 'vote'), vote);
  assert.equal(out.find((a) => a.id === 'cracks'), cracks);
});

test('a weekday aligned with a dated day pins the publication to the days after it', () => {
  const protest: ContextArticle = { id: 'p', published: '2024-10-09', publishedFrom: 'metadata', text: 'Dock workers in Port Almera walked out on Tuesday, October 8, 2024, halting container traffic at the southern terminal.' };
  const other: ContextArticle = { id: 'o', published: '2024-10-02', publishedFrom: 'metadata', text: 'The harbour authority of Port Almera published its yearly tonnage figures.' };
  const later: ContextArticle = {
    id: 'l',
    published: null,
    text: 'Container traffic at the southern terminal of Port Almera is still halted. Dock workers walked out on Tuesday and say they will stay out until the wage talks resume.',
  };
  const r = createContextDater([protest, other, later]).refine(later)!;
  assert.ok(r, 'dated');
  assert.match(r.date, /^2024-10-(0[89]|1[0-4])$/u, r.date);
  assert.equal(r.evidence[0]!.article, 'p');
});

test('the text’s own reading stands when nothing in the storyline retells its happenings', () => {
  const own: ContextArticle = { id: 'x', published: '2023-11', publishedFrom: 'inferred', text: 'A new ferry line between Tarsk and Ulm opened in November 2023, the operator said in a statement on its first sailing.' };
  const out = refineStorylineDates([vote, cracks, own]);
  assert.equal(out.find((a) => a.id === 'x'), own);
});

test('year-less mentions the others do not date still prefer the days soon after them', () => {
  // Only "last March" is anchored (⇒ April 2025 to March 2026); "in early February" then picks February 2026.
  const late: ContextArticle = { id: 'f', published: null, text: 'The Hollby river bridge stays shut. The council voted to close the bridge last March after a lorry struck its western pier. A second lorry hit the barrier in early February.' };
  const r = createContextDater([vote, late], { spanCost: 0, neighbourWeight: 0 }).refine(late)!;
  assert.equal(r.date, '2026-02');
});

test('an explicit past date of the article bounds it from below: it outvotes the storyline’s span', () => {
  // "last March" alone allows April 2025 to March 2026; the January 2026 flood it reports as past rules out 2025.
  const flood: ContextArticle = { id: 'fl', published: null, text: 'The council voted to close the Hollby river bridge last March after a lorry struck its western pier. The flood of January 2026 then washed away the temporary footbridge.' };
  const r = createContextDater([vote, cracks, flood], { neighbourWeight: 0 }).refine(flood)!;
  assert.ok(r.date >= '2026-01' && r.date < '2026-04', r.date);
});

test('an article that retells nothing dated takes the day of the dated article closest in content', () => {
  const a: ContextArticle = { id: 'a', published: '2025-06-02', publishedFrom: 'metadata', text: 'Fishers in Hollby blockaded the harbour mouth with forty trawlers to protest the new quota rules of the Kelso fisheries board. The board chair Tomas Reyd refused to meet them.' };
  const b: ContextArticle = { id: 'b', published: '2025-09-14', publishedFrom: 'metadata', text: 'The Kelso fisheries board published its yearly catch figures for cod and haddock. Landings fell by a tenth.' };
  const c: ContextArticle = { id: 'c', published: null, text: 'Forty trawlers blockaded the Hollby harbour mouth as fishers protested the quota rules. Board chair Tomas Reyd again refused to meet the fishers, who say the rules will ruin them.' };
  const r = createContextDater([a, b, c]).refine(c)!;
  assert.equal(r.date, '2025-06-02');
  assert.equal(r.evidence[0]!.article, 'a');
  assert.match(r.evidence[0]!.reason, /closest in content/u);
  // Without that prior nothing dates it.
  assert.equal(createContextDater([a, b, c], { neighbourAlone: false }).refine(c), null);
});

test('an inferred month is read from its middle; a day as it is; a year not at all', () => {
  assert.equal(resolutionDay('2024-01'), '2024-01-15');
  assert.equal(resolutionDay('2024-06-25'), '2024-06-25');
  assert.equal(resolutionDay('2024-06-25T10:00:00Z'), '2024-06-25');
  assert.equal(resolutionDay('2024'), null);
  assert.equal(resolutionDay(null), null);
});

test('bad input does not throw', () => {
  assert.deepEqual(refineStorylineDates([]), []);
  const odd = [null, { id: 'e', text: '', published: null }, { id: 'n', text: 'It opened on Monday.', published: 'soon' }] as unknown as ContextArticle[];
  assert.equal(refineStorylineDates(odd).length, 3);
  assert.equal(createContextDater(odd).refine({ id: 'q', text: 'Nothing dated here.', published: null }), null);
});

/** The seeds as the pipeline stores them: extracted (dates from the text or inferred), ids 000…004. */
async function extractedSeeds(shared: string): Promise<StoredArticle[]> {
  const dir = join(shared, 'seeds');
  const out: StoredArticle[] = [];
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.txt')).sort()) {
    const a = await extractFile(join(dir, f));
    if (isFailure(a)) continue;
    out.push({ ...a, id: f.slice(0, 3), canonicalUrl: null, contentHash: f, duplicateOf: null, duplicateKind: null, eventId: null, storylineId: null, ingestedAt: '2026-01-01T00:00:00Z' });
  }
  return out;
}

test('seeds: 000 is dated after the Sochi meeting and before the February visit; the timeline keeps its ten dates', async (t) => {
  const shared = sharedDir(t);
  if (!shared) return;
  const stored = await extractedSeeds(shared);
  assert.equal(stored.length, 5);
  const { articles, shown } = datedArticles(stored);
  const s000 = shown.get('000')!;
  assert.equal(s000.publishedFrom, 'inferred');
  assert.ok(s000.published! >= '2023-10' && s000.published! < '2024-03', `000 dated ${s000.published}`);
  assert.ok(s000.publishedEvidence!.some((e) => e.text === 'last September' && (e.article === '001' || e.article === '004') && /2023-09/u.test(e.reason)), JSON.stringify(s000.publishedEvidence));
  // Firm dates stay as extracted.
  assert.equal(shown.get('002')!.published, '2023-06-15');
  assert.equal(shown.get('003')!.published, '2024-02-08');

  const tl = buildTimeline(articles);
  assertSeedTimeline(tl);
  // 000's relative dates resolve against its refined date: its Sochi meeting joins the 2023-09 entry.
  assert.ok(tl.find((e) => e.date === '2023-09' && e.citations.some((c) => c.article === '000')), '000 retells the Sochi meeting of 2023-09');
});
