/**
 * The audit scorer on a tiny invented storyline (two articles written for this test, a gold written
 * for them, and a hand-made report with a known number of right, wrong and unjudged items per kind).
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { anchorRange } from '../../bench/eval/audit-anchor-cli.js';
import { locate, fold, sentenceAround, visibleText } from '../../bench/eval/audit-anchors.js';
import { auditReports, checkGold, dateFits, RawFiles, type AuditGold } from '../../bench/eval/audit.js';
import type { Citation, StorylineReport } from '../../src/model/index.js';

const HARBOUR = `Ferry strike halts crossings

Share this story

Ferry crews at Lunder Port walked out on Friday over unpaid overtime, the union said. The strike left 3,000 passengers stranded. Talks with the operator are planned for next Tuesday, union head Mara Quist said. The port was last shut by a strike in 2019.

Comments (4)
`;
const COAST = `Lunder ferry crews strike

Crews on the Lunder Port ferries stopped work on Friday in a row over overtime pay. About 2,000 passengers were stranded, the operator said. The operator said talks are set for Tuesday. Mara Quist leads the union.
`;
const FILES = { a: 'harbour-times.txt', b: 'coast-wire.txt' } as const;
const TEXT = { a: HARBOUR, b: COAST } as const;

const dir = mkdtempSync(join(tmpdir(), 'storyline-audit-test-'));
after(() => rmSync(dir, { recursive: true, force: true }));
writeFileSync(join(dir, FILES.a), HARBOUR);
writeFileSync(join(dir, FILES.b), COAST);

function anchor(article: 'a' | 'b', words: string, exact = false) {
  const [start, end] = anchorRange(TEXT[article], words, { exact });
  return { file: FILES[article], start, length: end - start, reason: 'test' };
}

const gold: AuditGold = {
  corpus: 'invented',
  description: 'two invented articles about a ferry strike',
  root: { project: 'unused' },
  copies: {},
  anchors: {
    'a.share': anchor('a', 'Share this story', true),
    'a.strike': anchor('a', 'Ferry crews at Lunder Port walked out'),
    'a.stranded': anchor('a', 'The strike left 3,000'),
    'a.talks': anchor('a', 'Talks with the operator'),
    'a.2019': anchor('a', 'The port was last shut'),
    'a.comments': anchor('a', 'Comments (4)', true),
    'b.strike': anchor('b', 'Crews on the Lunder Port ferries'),
    'b.stranded': anchor('b', 'About 2,000 passengers'),
    'b.talks': anchor('b', 'The operator said talks'),
    'b.quist': anchor('b', 'Mara Quist leads the union'),
  },
  facts: [{ id: 'strike', key: true, reason: 'crews struck on Friday over overtime', full: ['a.strike', 'b.strike'] }],
  notSame: [{ pair: ['a.talks', 'b.quist'], reason: 'talks planned vs who leads the union' }],
  conflicts: [{ id: 'stranded', key: true, slot: 'number', reason: '3,000 vs about 2,000', sides: [['a.stranded'], ['b.stranded']] }],
  updates: [],
  notConflicts: [{ pair: ['a.strike', 'b.strike'], reason: 'the same strike' }],
  developments: {
    event: 'talks',
    steps: [{ anchors: ['a.talks', 'b.talks'], statuses: ['EventScheduled'], eventDates: ['2026-03-10'], required: true, reason: 'talks set for Tuesday 10 March' }],
    forbidden: { statuses: ['EventRescheduled'], reason: 'nothing is moved' },
  },
  timeline: [
    { anchor: 'a.strike', dates: ['2026-03-06'], key: true, reason: 'the walk-out, Friday' },
    { anchor: 'a.2019', dates: ['2019'], reason: 'the 2019 strike' },
    { anchor: 'a.talks', dates: ['2026-03-06'], reason: 'said on the day of the strike; Tuesday is when talks are planned' },
  ],
  boilerplate: ['a.share', 'a.comments'],
  singleSource: [{ anchor: 'a.2019', key: true, reason: 'the 2019 strike: one outlet' }],
  notSingleSource: [],
};

/** A citation of the sentence of `article` holding `words` (offsets into the invented text). */
function cite(article: 'a' | 'b', words: string): Citation {
  const text = TEXT[article];
  const at = text.indexOf(words);
  assert.ok(at >= 0, words);
  const [start, end] = words.includes('\n') || /^(?:Share|Comments)/u.test(words) ? [at, at + words.length] : sentenceAround(text, at);
  return { article, sentence: text.slice(start, end), start, end };
}

const C = {
  share: cite('a', 'Share this story'),
  comments: cite('a', 'Comments (4)'),
  aStrike: cite('a', 'Ferry crews at Lunder'),
  aStranded: cite('a', 'The strike left'),
  aTalks: cite('a', 'Talks with the operator'),
  a2019: cite('a', 'The port was last'),
  bStrike: cite('b', 'Crews on the Lunder'),
  bStranded: cite('b', 'About 2,000'),
  bTalks: cite('b', 'The operator said talks'),
  bQuist: cite('b', 'Mara Quist leads'),
};
const fact = (...citations: Citation[]) => ({ text: citations[0]!.sentence, sources: ['x', 'y'], articles: ['a', 'b'], citations, score: 0.5 });
const conflict = (kind: 'conflict' | 'update', a: Citation, b: Citation) => ({ kind, slot: 'number' as const, description: '', values: ['', ''] as [string, string], withinArticle: false, citations: [a, b] as [Citation, Citation] });

const report: StorylineReport = {
  headline: 'Ferry strike',
  articles: [
    { id: 'a', title: 'Ferry strike halts crossings', outlet: 'Harbour Times', published: '2026-03-06', file: `/somewhere/${FILES.a}` },
    { id: 'b', title: 'Lunder ferry crews strike', outlet: 'Coast Wire', published: '2026-03-06', file: FILES.b },
  ],
  events: [],
  outlets: ['Harbour Times', 'Coast Wire'],
  facts: [fact(C.aStrike, C.bStrike), fact(C.aTalks, C.bQuist), fact(C.a2019, C.bTalks), fact(C.bStrike, C.share)],
  conflicts: [conflict('conflict', C.aStranded, C.bStranded), conflict('update', C.aStranded, C.bStranded), conflict('conflict', C.aStrike, C.bStrike)],
  singleSource: [
    { text: C.a2019.sentence, outlet: 'Harbour Times', reason: 'date 2019', citation: C.a2019 },
    { text: C.bStrike.sentence, outlet: 'Coast Wire', reason: 'figure', citation: C.bStrike },
  ],
  quotes: [{ speaker: 'reader', text: 'Comments', article: 'a', verb: 'said', direct: true, citation: C.comments }],
  framing: [],
  summary: [],
  timeline: [
    { date: '2026-03-06', text: '', sources: [], citations: [C.aStrike, C.bStrike] },
    { date: '2019', text: '', sources: [], citations: [C.a2019] },
    { date: '2026-03-10', text: '', sources: [], citations: [C.aTalks] },
  ],
  developments: [
    { status: 'EventScheduled', event: 'talks', date: '2026-03-06', eventDate: '2026-03-10', text: '', sources: [], citations: [C.aTalks] },
    { status: 'EventRescheduled', event: 'talks', date: '2026-03-06', eventDate: '2026-03-17', text: '', sources: [], citations: [C.bTalks] },
    { status: 'Happened', event: 'strike', date: '2026-03-06', text: '', sources: [], citations: [C.a2019] },
  ],
};

test('the audit scorer counts right, wrong and unjudged items of an invented storyline per kind', () => {
  checkGold(gold);
  const r = auditReports(gold, [report], new RawFiles(dir));
  assert.deepEqual(r.unlocated, []);
  const counts = (k: keyof typeof r.kinds) => [r.kinds[k].right, r.kinds[k].wrong, r.kinds[k].unjudged];
  assert.deepEqual(counts('fact'), [1, 2, 1], 'strike right; talks/union pair (not the same) and boilerplate wrong; the 2019/talks pair unjudged');
  assert.equal(r.kinds.fact.precision, 1 / 3);
  assert.equal(r.kinds.fact.recall, 1);
  assert.deepEqual(counts('conflict'), [1, 1, 0], 'the stranded figures conflict; the same strike is not a conflict');
  assert.deepEqual(counts('update'), [0, 1, 0], 'a contradiction shown as an update is wrong');
  assert.deepEqual(counts('development'), [1, 1, 1], 'scheduled right; rescheduled wrong; the 2019 sentence unjudged');
  assert.deepEqual(counts('timeline'), [2, 1, 0], 'the talks are dated by when they were announced, not when they are planned');
  assert.deepEqual(counts('singleSource'), [1, 1, 0], 'the 2019 strike is single-source; the strike itself is corroborated');
  assert.equal(r.kinds.boilerplate.wrong, 2, 'the share line (in a fact) and the comment count (in a quote)');
  assert.ok(r.items.some((i) => i.verdict === 'wrong' && /do not state the same thing/u.test(i.reason)));
});

test('a fact whose shown sentence says more than its other sources is wrong, even when they share a gold group', () => {
  const wide: AuditGold = {
    ...gold,
    anchors: { ...gold.anchors, 'a.strike.walkout': anchor('a', 'Ferry crews at Lunder Port walked out on Friday', true) },
    facts: [{ id: 'walk-out', reason: 'crews walked out on Friday', full: ['a.strike.walkout', 'b.strike'], partial: ['a.strike'] }],
  };
  const shown = { ...report, facts: [fact(C.aStrike, C.bStrike)], conflicts: [], singleSource: [], timeline: [], developments: [], quotes: [] };
  const r = auditReports(wide, [shown], new RawFiles(dir));
  assert.deepEqual([r.kinds.fact.right, r.kinds.fact.wrong], [0, 1]);
  const reversed = { ...shown, facts: [fact(C.bStrike, C.aStrike)] };
  assert.equal(auditReports(wide, [reversed], new RawFiles(dir)).kinds.fact.right, 1, 'shown from the sentence that states only the shared part');
});

test('cited sentences are found in raw files despite cleaned quotes, spaces and markup', () => {
  const raw = 'Intro line.\n<p>He said \u201cthe\u00a0talks   will <b>resume</b>\u201d on Monday.</p>';
  const folded = fold(visibleText(raw, 'page.html'));
  const range = locate(folded, 'He said "the talks will resume" on Monday.');
  assert.ok(range);
  assert.equal(raw.slice(range[0], range[1]).startsWith('He said'), true);
  assert.equal(locate(folded, 'Nothing like this'), null);
});

test('dates agree when equal, coarser, or inside a gold month marked "within"', () => {
  assert.ok(dateFits('2024-02', '2024-02'));
  assert.ok(dateFits('2024', '2024-02-12'), 'coarser is less precise, not false');
  assert.ok(!dateFits('2024-02-12', '2024-02'), 'a finer date is a claim the gold does not make');
  assert.ok(dateFits('2024-02-12', '2024-02', true));
  assert.ok(dateFits(null, null));
  assert.ok(!dateFits('2024-07-03', null));
});

test('a gold naming an undefined anchor is refused', () => {
  assert.throws(() => checkGold({ ...gold, boilerplate: ['a.nothing'] }), /unknown anchor ids a\.nothing/u);
});

test('ECB+ boilerplate checks catch page furniture, not news sentences that merely hold a time or a verb', async () => {
  const { BOILERPLATE_CHECKS } = await import('../../bench/eval/audit-ecb.js');
  const hit = (s: string) => BOILERPLATE_CHECKS.find((b) => b.pattern.test(s))?.name ?? null;
  assert.equal(hit('Updated 4: 12 p. m. ET'), 'dateline with a clock time');
  assert.equal(hit('At 09:15 2nd May 2011, ferryfan77 wrote:'), 'reader comment');
  assert.equal(hit('© 2026 Lunder Harbour Times. All rights reserved.'), 'copyright or legal line');
  assert.equal(hit('Click here to sign up for our newsletter'), 'share or navigation prompt');
  assert.equal(hit('The crews walked out at 5:40 on Friday, the union wrote in a statement.'), null);
});

test('ECB+ storylines are chosen by size alone: the larger half of each topic, then the largest topics', async () => {
  const { chooseEcbStories } = await import('../../bench/eval/audit-ecb.js');
  const doc = (id: string) => ({ id, topic: id.split('_')[0]!, text: '', spans: new Map(), instances: new Map() });
  const topics = new Map([
    ['1', [doc('1_1ecb'), doc('1_2ecb'), doc('1_1ecbplus')]],
    ['2', [doc('2_1ecb'), doc('2_1ecbplus'), doc('2_2ecbplus'), doc('2_3ecbplus'), doc('2_4ecbplus')]],
    ['3', [doc('3_1ecb')]],
  ]);
  assert.deepEqual(chooseEcbStories(topics, 2).map((s) => s.id), ['2_ecbplus', '1_ecb']);
});

test('a conflict is judged on its values too: the same two sentences may disagree on one figure and agree on another', () => {
  const withValues: AuditGold = {
    ...gold,
    conflicts: [{ ...gold.conflicts[0]!, values: [['3,000'], ['2,000']] }],
    notConflicts: [{ pair: ['a.stranded', 'b.stranded'], values: [['Friday'], ['Friday']], reason: 'same day' }],
  };
  const on = (values: [string, string]) => ({ ...conflict('conflict', C.aStranded, C.bStranded), values });
  const shown = { ...report, facts: [], singleSource: [], timeline: [], developments: [], quotes: [], conflicts: [on(['3,000 passengers', 'About 2,000']), on(['Friday', 'Friday']), on(['overtime', 'pay'])] };
  const r = auditReports(withValues, [shown], new RawFiles(dir));
  assert.deepEqual(r.items.filter((i) => i.kind === 'conflict').map((i) => i.verdict), ['right', 'wrong', 'wrong']);
});

test('a fact shown as the clause its sources share is right, though the sentence holding it says more', () => {
  const wide: AuditGold = {
    ...gold,
    anchors: { ...gold.anchors, 'a.strike.walkout': anchor('a', 'Ferry crews at Lunder Port walked out on Friday', true) },
    facts: [{ id: 'walk-out', reason: 'crews walked out on Friday', full: ['a.strike.walkout', 'b.strike'], partial: ['a.strike'] }],
  };
  const clause = { ...fact(C.aStrike, C.bStrike), text: 'Ferry crews at Lunder Port walked out on Friday' };
  const shown = { ...report, facts: [clause], conflicts: [], singleSource: [], timeline: [], developments: [], quotes: [] };
  assert.equal(auditReports(wide, [shown], new RawFiles(dir)).kinds.fact.right, 1);
});

test('a development is judged on the date of its report and on the date it moves the event from', () => {
  const step = { ...gold.developments.steps[0]!, statuses: ['EventScheduled', 'EventPostponed'], reported: '2026-03', previousDates: [null, '2026-03-03'] };
  const dated: AuditGold = { ...gold, developments: { ...gold.developments, steps: [step] } };
  const dev = (date: string | null, previousDate?: string) => ({ status: 'EventScheduled' as const, event: 'talks', date, eventDate: '2026-03-10', ...(previousDate ? { previousDate } : {}), text: '', sources: [], citations: [C.aTalks] });
  const shown = { ...report, facts: [], conflicts: [], singleSource: [], timeline: [], quotes: [], developments: [dev('2026-03-06'), dev(null), dev('2026-04-01'), dev('2026-03-06', '2026-03-03'), dev('2026-03-06', '2026-02-01')] };
  const verdicts = auditReports(dated, [shown], new RawFiles(dir)).items.filter((i) => i.kind === 'development').map((i) => i.verdict);
  assert.deepEqual(verdicts, ['right', 'right', 'wrong', 'right', 'wrong'], 'an undated report is not false; a wrong report date or origin date is');
});
