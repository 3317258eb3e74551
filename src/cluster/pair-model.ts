/**
 * The pair model: a small linear score over the view cosines (title, title + body, names, nearest member), the
 * months and years the texts name, and the days between the article and the group (TDT single pass, Miranda et
 * al. 2018 views); above zero means "same group". Also the storyline level's score (words, names, a long time
 * scale) and the storylines an article fits.
 */
import { cosineCentroids, cosineToCentroid, dot, type SparseVector, topEntries } from './sparse.js';
import { candidates } from './groups.js';
import type { PairWeights } from './options.js';
import type { ClusterContext, DocFeatures, EventState, StorylineState } from './state.js';

/** Scores of one article against one group, before weighting. */
export interface PairFeatures {
  title: number;
  body: number;
  entities: number;
  monthMatch: number;
  monthClash: number;
  /** Share of the salient names on either side that the other side lacks (who/where differ). */
  entityMiss: number;
  /** Best cosine of the article's title + body vector with one of the event's latest members. */
  member: number;
  yearMatch: number;
  yearClash: number;
  /** Days between the article and the group's date span (0 inside it, null when either is undated). */
  gapDays: number | null;
}

/**
 * Words and names an article must share with a storyline to join it, however rare (reason: in a
 * small store one rare word scores high: a heatwave "in the valley" and the "Valley Wanderers"
 * derby are not one storyline). ECB+ and the seeds are unchanged by it (clustering bench).
 */
const MIN_SHARED_STORYLINE_KEYS = 2;

export function gap(day: number | null, first: number | null, last: number | null): number | null {
  if (day === null || first === null || last === null) return null;
  return day < first ? first - day : day > last ? day - last : 0;
}

/** Days between two date spans (0 when they overlap, null when either is undated). */
export function spanGap(aFirst: number | null, aLast: number | null, bFirst: number | null, bLast: number | null): number | null {
  if (aFirst === null || aLast === null || bFirst === null || bLast === null) return null;
  return aLast < bFirst ? bFirst - aLast : bLast < aFirst ? aFirst - bLast : 0;
}

function monthFeatures(months: Iterable<string>, group: Map<string, number>): [match: number, clash: number] {
  let any = false;
  for (const m of months) {
    any = true;
    if (group.has(m)) return [1, 0];
  }
  return any && group.size > 0 ? [0, 1] : [0, 0];
}

/**
 * Year evidence of an article (years it names) against a group (members per named year, members per
 * latest named year). Reason: two events of one kind recur in different years; the latest year an
 * article names is usually its own, older ones are background ("his 2005 loss", "since 2008").
 * @returns match: the article's latest year is one the group names; clash: both name years, the article's
 *   latest is not among the group's, and the group's most common latest year is not among the article's.
 */
export function yearFeatures(years: readonly number[], group: Map<number, number>, groupLatest: Map<number, number>): [match: number, clash: number] {
  if (!years.length || !group.size) return [0, 0];
  const latest = Math.max(...years);
  if (group.has(latest)) return [1, 0];
  const usual = usualLatest(groupLatest);
  return [0, Number.isFinite(usual) && !years.includes(usual) ? 1 : 0];
}

/** The latest year most members name (the later one on ties), or +Infinity when none. */
function usualLatest(latest: Map<number, number>): number {
  let usual = Infinity;
  let most = 0;
  for (const [y, c] of latest) if (c > most || (c === most && y > usual)) [usual, most] = [y, c];
  return usual;
}

/** Linear score of a pair; above zero means "same group". */
export function scorePair(f: PairFeatures, w: PairWeights, gapGrace: number, gapScale: number, gapWeight: number): number {
  let s = w.bias + w.title * f.title + w.body * f.body + w.entities * f.entities + w.monthMatch * f.monthMatch + w.monthClash * f.monthClash + w.member * f.member + w.entityMiss * f.entityMiss;
  s += (w.yearMatch ?? 0) * f.yearMatch + (w.yearClash ?? 0) * f.yearClash;
  if (f.gapDays !== null && f.gapDays > gapGrace) s -= (gapWeight * (f.gapDays - gapGrace)) / gapScale;
  return s;
}

/** Names among the top three of one side, with weight ≥ 30% of its top, absent from the other. */
function salientMissing(a: SparseVector, b: SparseVector): number | null {
  const top = topEntries(a, 3);
  const max = top[0]?.[1] ?? 0;
  if (max <= 0) return null;
  const salient = top.filter(([, x]) => x >= 0.3 * max);
  return salient.filter(([k]) => !b.has(k)).length / salient.length;
}

/** Mean share of salient names missing on the other side (0 when neither side has names). */
function entityMiss(a: SparseVector, b: SparseVector): number {
  const x = salientMissing(a, b);
  const y = salientMissing(b, a);
  if (x === null || y === null) return 0;
  return (x + y) / 2;
}

function bestMember(v: SparseVector, members: SparseVector[]): number {
  let best = 0;
  for (const m of members) {
    const x = dot(v, m);
    if (x > best) best = x;
  }
  return best;
}

/** Pair features; `member` is left at 0 when `withMember` is false (it costs a dot product per member). */
export function eventFeaturesOf(d: DocFeatures, e: EventState, withMember = true): PairFeatures {
  const [monthMatch, monthClash] = monthFeatures(d.months, e.months);
  // Years named in the text stand in for a missing publication date; with both dates known the day gap decides.
  const dated = d.day !== null && e.first !== null;
  const [yearMatch, yearClash] = dated ? [0, 0] : yearFeatures(d.years, e.years, e.latestYears);
  return {
    yearMatch,
    yearClash,
    title: cosineToCentroid(d.title, e.title),
    body: cosineToCentroid(d.body, e.body),
    entities: cosineToCentroid(d.entities, e.entities),
    monthMatch,
    monthClash,
    member: withMember ? bestMember(d.body, e.members) : 0,
    entityMiss: entityMiss(d.entities, e.entities.sum),
    gapDays: gap(d.day, e.first, e.last),
  };
}

/**
 * The event model's score of an article against an event. The nearest-member cosine (at most 1) is computed
 * only when it could lift the rest above zero (reason: most candidates fall short without it; same result).
 */
export function pairScore(ctx: ClusterContext, d: DocFeatures, e: EventState): number {
  const { o } = ctx;
  const w = o.eventWeights;
  const f = eventFeaturesOf(d, e, false);
  if (namesDisjoint(ctx, d, e, f.entities)) return -Infinity;
  const rest = scorePair(f, w, o.eventGapGraceDays, o.eventGapScaleDays, 1);
  // With a positive weight, a rest at or below −weight stays at or below zero: the article cannot join.
  if (w.member === 0 || (w.member > 0 && rest + w.member <= 0)) return rest;
  return rest + w.member * bestMember(d.body, e.members);
}

/**
 * Reports of one happening name someone or somewhere in common: an article naming several people and places,
 * none of which the event names (which names several too), reports another happening, however alike the words
 * (reason: same-kind stories — two bank bombings — are told in the same words with other names).
 */
function namesDisjoint(ctx: ClusterContext, d: DocFeatures, e: EventState, entityCosine: number): boolean {
  const min = ctx.o.eventDisjointNames ?? Infinity;
  return ctx.o.entities && entityCosine === 0 && d.entities.size >= min && e.entities.sum.size >= min;
}

/** Pair score of two event centroids with the event model (for merges). */
export function eventPairScore(ctx: ClusterContext, a: EventState, b: EventState): number {
  const { o } = ctx;
  const [monthMatch, monthClash] = monthFeatures(a.months.keys(), b.months);
  // The group seen as one article: the years its members name, its usual latest year as the latest.
  const aYears = [...a.years.keys()].filter((y) => y <= usualLatest(a.latestYears));
  const [yearMatch, yearClash] = a.first !== null && b.first !== null ? [0, 0] : yearFeatures(aYears, b.years, b.latestYears);
  const f: PairFeatures = {
    yearMatch,
    yearClash,
    title: cosineCentroids(a.title, b.title),
    body: cosineCentroids(a.body, b.body),
    entities: cosineCentroids(a.entities, b.entities),
    monthMatch,
    monthClash,
    member: Math.max(0, ...a.members.map((m) => bestMember(m, b.members))),
    entityMiss: entityMiss(a.entities.sum, b.entities.sum),
    gapDays: a.first === null || a.last === null ? null : gap(a.first, b.first, b.last) === 0 ? 0 : Math.min(gap(a.first, b.first, b.last) ?? 0, gap(a.last, b.first, b.last) ?? 0),
  };
  return scorePair(f, o.eventWeights, o.eventGapGraceDays, o.eventGapScaleDays, 1);
}

/** The storyline model's score: it reads only word and name similarity and the gap in days. */
export function storylineScore(ctx: ClusterContext, body: number, entities: number, gapDays: number | null): number {
  const f: PairFeatures = { title: 0, body, entities, monthMatch: 0, monthClash: 0, member: 0, entityMiss: 0, yearMatch: 0, yearClash: 0, gapDays };
  return scorePair(f, ctx.o.storylineWeights, ctx.o.storylineGapGraceDays, ctx.o.storylineGapScaleDays, 1);
}

/**
 * A storyline follows one matter, so its reports share who or what it is about: when both sides name
 * anyone, their names must overlap by `storylineMinEntityCosine` (reason: same-kind stories with other
 * people — two office shootings, two rehab check-ins of different stars — share words but not names).
 */
export function namesShared(ctx: ClusterContext, entityCosine: number, mine: number, theirs: number): boolean {
  return !ctx.o.entities || mine === 0 || theirs === 0 || entityCosine >= (ctx.o.storylineMinEntityCosine ?? 0);
}

/** Distinct terms and names the article shares with a storyline's centroids. */
function sharedKeys(d: DocFeatures, s: StorylineState): number {
  let n = 0;
  for (const t of d.body.keys()) if (s.body.sum.has(t)) n++;
  for (const e of d.entities.keys()) if (s.entities.sum.has(e)) n++;
  return n;
}

/** Storylines the article fits (score above zero), best first. */
export function fittingStorylines(ctx: ClusterContext, d: DocFeatures): { s: StorylineState; score: number }[] {
  const out: { s: StorylineState; score: number }[] = [];
  for (const id of candidates(ctx, ctx.state.storylineIndex, d)) {
    const s = ctx.state.storylines.get(id);
    if (!s) continue;
    const entities = cosineToCentroid(d.entities, s.entities);
    const score = storylineScore(ctx, cosineToCentroid(d.body, s.body), entities, gap(d.day, s.first, s.last));
    if (score > 0 && sharedKeys(d, s) >= MIN_SHARED_STORYLINE_KEYS && namesShared(ctx, entities, d.entities.size, s.entities.sum.size)) out.push({ s, score });
  }
  return out.sort((a, b) => b.score - a.score || (a.s.id < b.s.id ? -1 : 1));
}
