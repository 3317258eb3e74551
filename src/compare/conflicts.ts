/**
 * Conflicts between aligned statements (after de Marneffe et al. 2008: most real contradictions are
 * mismatched numbers, dates or places in statements about the same thing). Align first, then
 * compare slots. A difference is an *update*, not a conflict, when a later article reports a newer
 * state ("last met in September 2023" after an earlier "last met in July 2022").
 */
import { sameCitedSpot, type Citation, type Conflict, type Fact, type FactOutletStatus } from '../model/index.js';
import type { Unit } from './align.js';
import { contentStems, valueSlack, type DateMention, type NumberMention } from './text.js';
import { isCountry } from './countries.js';
import { attributionSpans } from './agree.js';

// Words either side of a date or figure that say what it is about (tuned on the seeds and demo
// corpus: 6 words catch "magnitude 5.8 earthquake struck the Merrow Valley").
const CONTEXT_WORDS = 6;
// Shared context stems needed before two differing values are taken to describe the same thing.
const MIN_SHARED_CONTEXT = 2;

/** Content stems within `CONTEXT_WORDS` words of a mention, the unit word excluded. */
function contextOf(text: string, start: number, end: number, exclude = ''): Set<string> {
  const before = text.slice(0, start).split(/\s+/u).slice(-CONTEXT_WORDS).join(' ');
  const after = text.slice(end).split(/\s+/u).slice(0, CONTEXT_WORDS + 1).join(' ');
  const out = new Set(contentStems(`${before} ${after}`));
  out.delete(exclude);
  return out;
}

function sharedContext(a: Set<string>, b: Set<string>): number {
  let n = 0;
  for (const x of a) if (b.has(x)) n++;
  return n;
}

/** Publication day per article id (`YYYY-MM-DD` prefix), null when unknown. */
export type PublishedOf = (article: string) => string | null;

function citation(u: Unit): Citation {
  return { article: u.article, sentence: u.sentence.text, start: u.sentence.start, end: u.sentence.end, ...(u.caption !== undefined ? { caption: u.caption } : {}) };
}

/** `true` when two dates can denote the same day/month/year (missing parts agree with anything). */
export function compatibleDates(a: DateMention, b: DateMention): boolean {
  return (a.year === null || b.year === null || a.year === b.year) && (a.month === null || b.month === null || a.month === b.month) && (a.day === null || b.day === null || a.day === b.day);
}

/** -1 / 1 when `a` is surely before / after `b`, 0 when equal or undecidable. */
export function compareDates(a: DateMention, b: DateMention): number {
  if (a.year === null || b.year === null) return 0;
  if (a.year !== b.year) return a.year < b.year ? -1 : 1;
  if (a.month === null || b.month === null) return 0;
  if (a.month !== b.month) return a.month < b.month ? -1 : 1;
  if (a.day === null || b.day === null) return 0;
  return a.day === b.day ? 0 : a.day < b.day ? -1 : 1;
}

/** A `YYYY-MM-DD…` string as a date mention (null fields when absent). */
export function dateOfIso(iso: string | null): DateMention | null {
  const m = iso ? /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/u.exec(iso) : null;
  if (!m) return null;
  return { text: iso!, year: Number(m[1]), month: m[2] ? Number(m[2]) : null, day: m[3] ? Number(m[3]) : null, start: 0, end: 0 };
}

// Words that make a statement about recency, so a later different value is an update.
const RECENCY = /\b(last|latest|most recent|previous|so far|since|now|has risen|has fallen|rose|climbed)\b/iu;
// Future or hypothetical wording: such a statement reports no happening yet.
const FUTURE = /\b(will|would|plans?|planned|planning|expected|to meet|could|may|might|scheduled|poised|upcoming)\b/iu;
// A meeting or visit, the kind of happening a "last met" claim is about.
const MEETING = /\b(meet|meets|met|meeting|together|talks|summit|visit|visited|visits|hosted)\b/iu;
const LAST_CLAIM = /\b(last|most recent|previous)\b/iu;

function specific(d: DateMention): boolean {
  // A month without a year still dates a plan ("reopen on June 16" vs "postponed to September").
  return (d.year !== null && (d.month !== null || d.day === null)) || d.month !== null;
}

// Units that count anything ("people", "years"): their figures need more shared context to be
// about the same thing than a specific measure ("crowns", "metres", "percent").
const GENERIC_UNITS = new Set(['peopl', 'person', 'year', 'month', 'day', 'week', 'hour', 'minut', 'time', 'other', 'more', 'mor', 'lif', 'life']);

/** A figure the sentence denies ("12 percent, not the 15 percent claimed") is not its claim. */
function denied(u: Unit, start: number): boolean {
  return /\bnot\s+(?:the\s+|a\s+)?(?:[\p{L}]+\s+)?$/iu.test(u.text.slice(Math.max(0, start - 20), start));
}

// Hedges between a measure word and its figure ("injuring at least 34").
const HEDGE = /\b(?:at least|at most|about|around|roughly|nearly|almost|some|up to|more than|less than|over|under|an estimated|approximately)\s*$/iu;

// Measure words that are verbs of a toll or count ("killing", "injured", "arrested"): two different
// ones never measure one quantity. Other words before a figure ("by", "some") say less.
const MEASURE_VERB = /^(?:kil|injur|wound|di$|hurt|arrest|rescu|evacu|miss|displac|detain|captur|charg|sentenc|scor|rush|pass|caught|catch)/u;

/** Stem of the content word just before a figure (hedges skipped): what is measured ("injuring 41"). */
function measureWord(u: Unit, start: number): string {
  const before = u.text.slice(Math.max(0, start - 40), start).replace(HEDGE, '').trimEnd();
  const w = /([\p{L}]{3,})[\s,-]*$/u.exec(before)?.[1];
  const stems = w ? contentStems(w) : [];
  return stems[0] ?? '';
}

/** The period of a rate after a figure ("50,000 passengers a day" → day), '' for a plain count. */
function rateOf(u: Unit, end: number): string {
  return /^[\s-]*(?:[\p{L}]+\s+){0,2}?(?:a|per|each|every)\s+(day|week|month|year|hour|minute|second)\b/iu.exec(u.text.slice(end, end + 40))?.[1]?.toLowerCase() ?? '';
}

/** A figure as shown: with its unit word when that follows it ("40-centimetre", "34 people"). */
export function figureText(u: Unit, n: NumberMention): string {
  const next = /^([\s-]+)([\p{L}]+)/u.exec(u.text.slice(n.end, n.end + 30));
  if (!next || !n.unit || n.unit === 'percent') return n.text;
  const w = next[2]!.toLowerCase();
  const same = w.startsWith(n.unit.slice(0, 4)) || (n.unit === 'metr' && /met(?:re|er)s?$/u.test(w)) || (n.unit === 'gram' && /(?:gram|tonne)s?$/u.test(w));
  return same ? n.text + next[1] + next[2] : n.text;
}

/** Two figures that measure the same thing: same rate, and the same measure word or enough shared context. */
function sameQuantity(a: Unit, x: NumberMention, b: Unit, y: NumberMention): boolean {
  if (rateOf(a, x.end) !== rateOf(b, y.end)) return false;
  // Figures of a compound measure qualify different things ("57-year-old woman", "30-year-old church").
  if (x.head && y.head && x.head !== y.head) return false;
  // Each figure's own holder, when both name one, must be the same ("Carter had 12 points" is not
  // "VanDeest scored 13").
  const hx = holders(a, x);
  const hy = holders(b, y);
  if (hx.size && hy.size && ![...hx].some((h) => hy.has(h))) return false;
  // One side names the holder: the other sentence must name it too (reason: "Charles rushed for
  // 226 yards" and "…, who finished with 352 yards" are a player's and a team's yards).
  const named = (u: Unit, hs: Set<string>): boolean => [...hs].some((h) => u.names.some((n) => n.key.slice(n.key.lastIndexOf('_') + 1) === h));
  if ((hx.size && !hy.size && !named(b, hx)) || (hy.size && !hx.size && !named(a, hy))) return false;
  const mx = measureWord(a, x.start);
  const my = measureWord(b, y.start);
  if (mx && mx === my) return true;
  // Two different measure words measure two things ("injuring five" / "killing 10").
  if (mx && my && MEASURE_VERB.test(mx) && MEASURE_VERB.test(my)) return false;
  const need = GENERIC_UNITS.has(x.unit) ? MIN_SHARED_CONTEXT : 1;
  const ca = contextOf(a.text, x.start, x.end, x.unit);
  const cb = contextOf(b.text, y.start, y.end, y.unit);
  // The unit word as written ("kilometres") is the unit, not context.
  for (const w of contentStems(figureText(a, x))) ca.delete(w);
  for (const w of contentStems(figureText(b, y))) cb.delete(w);
  return sharedContext(ca, cb) >= need;
}

// Share either side of a figure an "about" leaves open (reason: "about 150" and "160" may be one
// count; "about 150" and "60" are not).
const APPROXIMATION = 0.15;

/** The interval a figure allows: exact (1 % rounding), bounded by a hedge, or approximate. */
function interval(n: NumberMention): [number, number] {
  const v = n.value;
  const slack = valueSlack(n.unit) * Math.abs(v);
  if (n.bound === 'min') return [v - slack, Infinity];
  if (n.bound === 'max') return [-Infinity, v + slack];
  if (n.bound === 'approx') return [v * (1 - APPROXIMATION), v * (1 + APPROXIMATION)];
  return [v - slack, v + slack];
}

/** `true` when two figures can both hold: their intervals meet ("at least two" and "three" do). */
function close(p: NumberMention, q: NumberMention): boolean {
  const [a, b] = interval(p);
  const [c, d] = interval(q);
  return a <= d && c <= b;
}

// Separators of the segments of a clause that hold one figure and its holder ("Carter scored 14
// points and VanDeest scored 13": each figure has its own player).
const SEGMENT_BREAK = /[,;()]|\s(?:and|while|whereas|but)\s/gu;

/** Last word of the person a figure belongs to: the one named next to it in its segment of the clause. */
function holders(u: Unit, n: NumberMention): Set<string> {
  let from = 0;
  let to = u.text.length;
  for (const m of u.text.matchAll(SEGMENT_BREAK)) {
    if (m.index + m[0].length <= n.start) from = m.index + m[0].length;
    else if (m.index >= n.end) {
      to = m.index;
      break;
    }
  }
  // People only (full, titled or resolved names): "the Selva tunnel" names the place of a gap, not its holder.
  const people = u.names.filter((x) => !x.place && (x.person || x.resolved || x.key.includes('_')));
  const lastWord = (x: { key: string }): string => x.key.slice(x.key.lastIndexOf('_') + 1);
  // The nearest person before the figure in its segment, else the first after it ("13 points from Ida Berg").
  const inSegment = people.filter((x) => x.start >= from && x.end <= to);
  const before = inSegment.filter((x) => x.end <= n.start);
  const own = before.length ? before.slice(-1) : inSegment.slice(0, 1);
  // None in its segment: the clause's subject, the first person named before the figure ("Mark
  // Vinar, an Australian climber, … after falling over half a kilometre").
  const said = attributionSpans(u.text);
  const subject = own.length ? [] : people.filter((x) => x.start >= 0 && x.end <= n.start && !said.some(([a, b]) => x.start >= a && x.end <= b)).slice(0, 1);
  return new Set([...own, ...subject].map(lastWord));
}

/**
 * Every figure pair with the same unit and no shared value that measures the same quantity. When a
 * report that speaks of change repeats the old figure ("risen to 21 million, from the 14 million"),
 * its new figure is paired with the old one.
 */
// Running totals ("this season", "career", "so far"): two such figures are counts at different
// times, not one value reported two ways.
const AGGREGATE = /\b(?:this|last|the|a) season\b|\bcareer\b|\bso far\b|\ball[- ]time\b|\bin total\b|\bto date\b|\bthis year\b/iu;

const aggregateCache = new WeakMap<Unit, boolean>();
function aggregate(u: Unit): boolean {
  let x = aggregateCache.get(u);
  if (x === undefined) aggregateCache.set(u, (x = AGGREGATE.test(u.sentence.text)));
  return x;
}

function numberClashes(a: Unit, b: Unit): Array<[NumberMention, NumberMention]> {
  const out: Array<[NumberMention, NumberMention]> = [];
  if (!a.numbers.length || !b.numbers.length || aggregate(a) || aggregate(b)) return out;
  const seenUnit = new Set<string>();
  for (const x of a.numbers) {
    if (!x.unit || seenUnit.has(x.unit) || denied(a, x.start)) continue;
    const ys = b.numbers.filter((y) => y.unit === x.unit && !denied(b, y.start));
    if (!ys.length) continue;
    const xs = a.numbers.filter((z) => z.unit === x.unit && !denied(a, z.start));
    const agree = xs.some((p) => ys.some((q) => close(p, q)));
    if (agree) {
      // The shared figure is the old one when a side reports a change: pair it with the new one.
      const newB = CHANGE.test(b.sentence.text) ? ys.find((q) => !xs.some((p) => close(p, q))) : undefined;
      const newA = CHANGE.test(a.sentence.text) ? xs.find((p) => !ys.some((q) => close(p, q))) : undefined;
      const old = xs.find((p) => ys.some((q) => close(p, q)))!;
      if (newB && !newA) out.push([old, newB]);
      else if (newA && !newB) out.push([newA, ys.find((q) => close(q, old))!]);
      if (newA || newB) seenUnit.add(x.unit);
      continue;
    }
    const y = ys.find((q) => sameQuantity(a, x, b, q));
    if (y) {
      seenUnit.add(x.unit);
      out.push([x, y]);
    }
  }
  return out;
}

function dateClash(a: Unit, b: Unit): [DateMention, DateMention] | null {
  const da = a.dates.filter(specific);
  const db = b.dates.filter(specific);
  if (!da.length || !db.length) return null;
  if (da.some((x) => db.some((y) => compatibleDates(x, y)))) return null;
  for (const x of da) {
    const cx = contextOf(a.text, x.start, x.end);
    const y = db.find((q) => sharedContext(cx, contextOf(b.text, q.start, q.end)) >= MIN_SHARED_CONTEXT);
    if (y) return [x, y];
  }
  return null;
}

function placeClash(a: Unit, b: Unit): [string, string] | null {
  const pa = a.names.filter((n) => n.place && n.start >= 0);
  const pb = b.names.filter((n) => n.place && n.start >= 0);
  // One place each (reason: sentences listing several places are rarely about one location).
  if (pa.length !== 1 || pb.length !== 1) return null;
  // Both countries (reason: other places may contain one another — a neighbourhood and its
  // borough, a town and its county — and without a gazetteer we cannot tell: no conflict).
  if (!isCountry(pa[0]!.key) || !isCountry(pb[0]!.key)) return null;
  const keysA = new Set(a.names.map((n) => n.key));
  const keysB = new Set(b.names.map((n) => n.key));
  const textA = a.text.toLowerCase();
  const textB = b.text.toLowerCase();
  if (pa.some((n) => keysB.has(n.key) || textB.includes(n.text.toLowerCase()))) return null;
  if (pb.some((n) => keysA.has(n.key) || textA.includes(n.text.toLowerCase()))) return null;
  if (sharedContext(contextOf(a.text, pa[0]!.start, pa[0]!.end), contextOf(b.text, pb[0]!.start, pb[0]!.end)) < MIN_SHARED_CONTEXT) return null;
  return [pa[0]!.text, pb[0]!.text];
}

// Wording that reports a change over time: the sentence holding it is the newer report.
const CHANGE =
  /\b(?:has|have|had)\s+(?:now\s+)?(?:risen|fallen|grown|climbed|increased|dropped|declined|doubled|tripled|jumped|reached)\b|\b(?:up|down|revised|raised|lowered|increased|reduced|cut)\s+from\b|\bfrom (?:the|an?) (?:earlier|initial|previous|original)?\s*[\d,.]+|\b(?:larger|smaller|higher|lower|more|fewer|bigger|longer|shorter|wider|deeper) than (?:the |an? )?(?:[\d.,]+(?:\s+(?:thousand|million|billion))?\s+(?:[\p{L}]+\s+)?)?(?:first|initially|previously|earlier|originally) (?:reported|thought|announced|estimated|stated|said|feared|planned|budgeted|forecast)|\b(?:revised|updated|corrected)\b/iu;
// Wording that moves a planned date.
const RESCHEDULE = /\b(?:postponed|delayed|pushed back|put off|moved (?:up|forward|back)|brought forward|rescheduled|deferred)\b/iu;

/** `true` when the sentence reports a change of figure or date (it supersedes an earlier report). */
export function reportsChange(text: string): boolean {
  return CHANGE.test(text) || RESCHEDULE.test(text);
}

/**
 * Compares two aligned statements slot by slot; returns a conflict (or an update) or null.
 * `placeToo`: also compare places (only for closely aligned pairs: places vary more in wording).
 */
export function compareStatements(a: Unit, b: Unit, published: PublishedOf, placeToo: boolean): Conflict | null {
  return compareStatementsAll(a, b, published, placeToo)[0] ?? null;
}

/**
 * Like `compareStatements`, but every disagreeing figure is its own entry ("5.8 vs 6.1" and "34 vs
 * 41"). `numbersOnly`: compare figures only.
 */
export function compareStatementsAll(a: Unit, b: Unit, published: PublishedOf, placeToo: boolean, numbersOnly = false): Conflict[] {
  const within = a.article === b.article;
  const make = (slot: Conflict['slot'], values: [string, string], kind: Conflict['kind']): Conflict => ({
    kind,
    slot,
    description: `${values[0]} vs ${values[1]}`,
    values,
    withinArticle: within,
    citations: [citation(a), citation(b)],
  });
  const pa = published(a.article);
  const pb = published(b.article);
  const laterIsB = pa && pb ? pb.slice(0, 10) > pa.slice(0, 10) : null;
  const clashes = numberClashes(a, b);
  if (numbersOnly && !clashes.length) return [];
  if (clashes.length) {
    // A changed figure is an update when a later article speaks of change or recency, or when
    // either report says the figure changed ("has risen to 21 million, from the 14 million").
    const changed = !within && (reportsChange(a.sentence.text) || reportsChange(b.sentence.text));
    const kind = changed || (laterIsB !== null && !within && RECENCY.test(laterIsB ? b.text : a.text)) ? 'update' : 'conflict';
    return clashes.map(([x, y]) => make('number', [figureText(a, x), figureText(b, y)], kind));
  }
  const d = dateClash(a, b) ?? rescheduled(a, b);
  if (d) {
    if (!within && (RESCHEDULE.test(a.sentence.text) || RESCHEDULE.test(b.sentence.text))) return [make('date', [d[0].text, d[1].text], 'update')];
    if (FUTURE.test(a.text) !== FUTURE.test(b.text)) return []; // a plan and a happening are different statements
    let kind: Conflict['kind'] = 'conflict';
    // A date after the other article was published is news that article could not have had.
    const pubA = dateOfIso(pa);
    const pubB = dateOfIso(pb);
    if (!within && ((pubA && compareDates(d[1], pubA) > 0) || (pubB && compareDates(d[0], pubB) > 0))) kind = 'update';
    else if (!within && laterIsB !== null && RECENCY.test(a.text) && RECENCY.test(b.text)) {
      const newer = compareDates(d[1], d[0]) > 0;
      if (newer === laterIsB) kind = 'update';
    }
    return [make('date', [d[0].text, d[1].text], kind)];
  }
  if (placeToo) {
    const p = placeClash(a, b);
    if (p && !FUTURE.test(a.text) && !FUTURE.test(b.text)) return [make('place', p, 'conflict')];
  }
  return [];
}

// Sentence stems two reports of a moved date must share (the event: "reopening", "bridge", "harbor").
const MIN_SHARED_RESCHEDULE = 3;

/**
 * A planned date and a report that it was moved ("will reopen on June 16" / "the reopening … has
 * been postponed to September"): the date words' own context is too narrow, so whole sentences are
 * compared.
 */
function rescheduled(a: Unit, b: Unit): [DateMention, DateMention] | null {
  const da = a.dates.filter(specific);
  const db = b.dates.filter(specific);
  if (!da.length || !db.length || da.some((x) => db.some((y) => compatibleDates(x, y)))) return null;
  if (!RESCHEDULE.test(a.sentence.text) && !RESCHEDULE.test(b.sentence.text)) return null;
  if (sharedContext(new Set(contentStems(a.sentence.text)), new Set(contentStems(b.sentence.text))) < MIN_SHARED_RESCHEDULE) return null;
  return [da[0]!, db[0]!];
}

/** Person names of an article ranked by mentions (by last word), used to resolve "the pair". */
export function mainPeople(units: Unit[]): string[] {
  const counts = new Map<string, number>();
  const persons = new Set<string>();
  for (const u of units) {
    for (const n of u.names) {
      const last = n.key.slice(n.key.lastIndexOf('_') + 1);
      counts.set(last, (counts.get(last) ?? 0) + 1);
    }
  }
  for (const u of units) for (const n of u.names) if (n.person) persons.add(n.key.slice(n.key.lastIndexOf('_') + 1));
  return [...counts.entries()].filter(([k]) => persons.has(k)).sort((x, y) => y[1] - x[1]).map(([k]) => k);
}

function mentions(u: Unit, lastKey: string): boolean {
  return u.names.some((n) => n.key === lastKey || n.key.endsWith('_' + lastKey));
}

/**
 * "Last met" claims checked against every reported meeting of the same people: a meeting dated
 * after the claimed last one but before the claim's article was published contradicts it (also
 * inside one article, e.g. its photo caption); one dated after that publication is an update.
 */
export function checkLastClaims(units: Unit[], byArticle: Map<string, Unit[]>, published: PublishedOf): Conflict[] {
  const out: Conflict[] = [];
  const peopleOf = new Map<string, string[]>();
  for (const [id, us] of byArticle) peopleOf.set(id, mainPeople(us));
  for (const c of units) {
    if (c.caption !== undefined || !LAST_CLAIM.test(c.text) || !MEETING.test(c.text) || FUTURE.test(c.text.replace(/\blast\b.*$/u, ''))) continue;
    const claimDate = c.dates.find((d) => d.year !== null);
    if (!claimDate) continue;
    // Participants: the people named in the claim, else the article's main people ("the pair").
    let people = c.names.filter((n) => !n.place).map((n) => n.key.slice(n.key.lastIndexOf('_') + 1));
    const main = peopleOf.get(c.article) ?? [];
    if (people.filter((p) => main.includes(p)).length < 2) people = main.slice(0, 2);
    if (people.length < 2) continue;
    const pubC = dateOfIso(published(c.article));
    for (const s of units) {
      if (s === c || !MEETING.test(s.text) || FUTURE.test(s.text)) continue;
      if (!people.every((p) => mentions(s, p))) continue;
      const sd = s.dates.find((d) => d.year !== null && compareDates(d, claimDate) > 0);
      if (!sd) continue;
      const within = s.article === c.article;
      let kind: Conflict['kind'];
      if (pubC && compareDates(sd, pubC) > 0) kind = 'update';
      else if (pubC || within) kind = 'conflict';
      else continue; // undated claim, other article: cannot tell
      if (kind === 'update' && within) continue;
      out.push({
        kind,
        slot: 'date',
        description: kind === 'conflict' ? `last meeting: ${claimDate.text} vs a later meeting on ${sd.text}` : `newer meeting: ${sd.text} after the reported last one in ${claimDate.text}`,
        values: [claimDate.text, sd.text],
        withinArticle: within,
        citations: [citation(c), citation(s)],
      });
    }
  }
  return out;
}

/** A value as compared when merging: lower case, spaces collapsed ("15 Percent" = "15 percent"). */
function valueKey(v: string): string {
  return v.toLowerCase().replace(/\s+/gu, ' ').trim();
}

function citeKey(c: Citation): string {
  return `${c.article}:${c.caption ?? ''}:${c.start}`;
}

/**
 * Merges conflicts on the same slot and values into one entry with every side's outlets and
 * citations (reason: three outlet pairs disagreeing on 12 vs 15 percent are one disagreement, and
 * "15 vs 12" is the same as "12 vs 15"). Updates keep their old → new direction; conflict sides are
 * ordered by the earliest article (in `articleOrder`) that states them. Within-article conflicts
 * stay apart from cross-outlet ones. Input order of first appearance is kept.
 */
export function mergeConflicts(conflicts: Conflict[], sourceOf: (article: string, cite?: Citation) => string, articleOrder: (article: string) => number): Conflict[] {
  const byKey = new Map<string, Conflict>();
  const out: Conflict[] = [];
  for (const c of conflicts) {
    const k = [valueKey(c.values[0]), valueKey(c.values[1])];
    const values = c.kind === 'update' ? k.join('|') : [...k].sort().join('|');
    const key = `${c.kind}|${c.slot}|${c.withinArticle}|${values}`;
    let m = byKey.get(key);
    if (!m) {
      m = { ...c, sides: [] };
      byKey.set(key, m);
      out.push(m);
    }
    for (const i of [0, 1] as const) {
      const v = valueKey(c.values[i]);
      let side = m.sides!.find((s) => valueKey(s.value) === v);
      if (!side) m.sides!.push((side = { value: c.values[i], sources: [], citations: [] }));
      const cite = c.citations[i];
      if (!side.citations.some((x) => citeKey(x) === citeKey(cite))) side.citations.push(cite);
      // Per citation: a copy's changed sentence is its own outlet's statement, not its original's.
      const src = sourceOf(cite.article, cite);
      if (!side.sources.includes(src)) side.sources.push(src);
    }
  }
  const first = (cs: Citation[]): number => Math.min(...cs.map((x) => articleOrder(x.article)));
  for (const m of out) {
    const sides = m.sides!;
    for (const s of sides) s.citations.sort((x, y) => articleOrder(x.article) - articleOrder(y.article) || x.start - y.start);
    if (m.kind === 'conflict') sides.sort((x, y) => first(x.citations) - first(y.citations));
    if (sides.length < 2) continue; // same value twice (cannot happen for a real clash): leave as built
    const isDefault = m.description === `${m.values[0]} vs ${m.values[1]}`;
    m.values = [sides[0]!.value, sides[1]!.value];
    m.citations = [sides[0]!.citations[0]!, sides[1]!.citations[0]!];
    if (isDefault) m.description = `${m.values[0]} vs ${m.values[1]}`;
  }
  return out;
}

/**
 * Per outlet, what it does with a fact: `contradicts` when a `conflict` has the fact's sentence on
 * one side and that outlet on another, `reports` when it is one of the fact's sources, else
 * `silent`. Keys: `outlets`, then the fact's sources and contradicting outlets not among them.
 */
export function factStatus(fact: Fact, conflicts: Conflict[], outlets: string[], sourceOf: (article: string) => string): Record<string, FactOutletStatus> {
  return createFactStatus(conflicts, outlets, sourceOf)(fact);
}

/**
 * `factStatus` for many facts of one report: the conflicts' citations are indexed by article once
 * (reason: every fact scanned every conflict, quadratic on 1,000-article storylines).
 */
export function createFactStatus(conflicts: Conflict[], outlets: string[], sourceOf: (article: string) => string): (fact: Fact) => Record<string, FactOutletStatus> {
  type Side = { sources: string[]; citations: Citation[] };
  // Per article: the conflicts' sides citing it, with the citation and all sides of its conflict.
  const cited = new Map<string, Array<{ citation: Citation; side: Side; sides: Side[] }>>();
  for (const c of conflicts) {
    if (c.kind !== 'conflict') continue;
    const sides: Side[] = c.sides ?? [
      { sources: [sourceOf(c.citations[0].article)], citations: [c.citations[0]] },
      { sources: [sourceOf(c.citations[1].article)], citations: [c.citations[1]] },
    ];
    for (const side of sides) {
      for (const citation of side.citations) {
        let list = cited.get(citation.article);
        if (!list) cited.set(citation.article, (list = []));
        list.push({ citation, side, sides });
      }
    }
  }
  return (fact) => {
    const touched = new Map<Side[], Set<Side>>();
    for (const f of fact.citations) {
      for (const x of cited.get(f.article) ?? []) {
        if (!sameCitedSpot(f, x.citation)) continue;
        let set = touched.get(x.sides);
        if (!set) touched.set(x.sides, (set = new Set()));
        set.add(x.side);
      }
    }
    const against = new Set<string>();
    for (const [sides, hit] of touched) for (const s of sides) if (!hit.has(s)) for (const o of s.sources) against.add(o);
    const out: Record<string, FactOutletStatus> = {};
    for (const o of new Set([...outlets, ...fact.sources, ...against])) out[o] = against.has(o) ? 'contradicts' : fact.sources.includes(o) ? 'reports' : 'silent';
    return out;
  };
}
