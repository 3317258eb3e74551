/**
 * Online two-level clustering: articles → events → storylines, in arrival order.
 *
 * Each article becomes three unit TF-IDF vectors (title, title + body, named entities) weighted
 * with document frequencies kept incrementally (no fixed vocabulary). Candidate events come from an
 * inverted index over each event centroid's heaviest terms and entities (never a scan of all
 * events); each candidate is scored by a small linear model over the view cosines and the months
 * the texts name, minus a penalty for the days between the article and the event (TDT single pass,
 * Miranda et al. 2018 views). Best score above zero joins; otherwise a new event starts, and is
 * placed in a storyline the same way against storyline centroids with a long time scale (Story
 * Forest's two levels). An article that fits two events well enough that their centroids match
 * merges them (the smaller id redirects to the larger); likewise for storylines. Undated articles
 * are also compared by the years they name (two events of one kind recur in different years).
 * For bare headlines, `eventModel: 'mixture'` replaces the pair model by a Dirichlet-multinomial
 * mixture with fading events (MStream-like), still over the indexed candidates only.
 *
 * Cost stays flat as the store grows (TDT's active window): groups idle for longer than the window (days of
 * publication dates, or arrivals for undated ones) leave the index, the state and the snapshot, and document
 * frequencies are halved on a schedule so rare terms drop out. The store keeps every assignment; the price is
 * that a late article about a retired happening starts a new event.
 */
import { entityCounts } from '../analyze/entities.js';
import {
  addToCentroid,
  type Centroid,
  cosineCentroids,
  cosineToCentroid,
  createCentroid,
  dot,
  createPostingIndex,
  normalise,
  type PostingIndex,
  removePosting,
  type SparseVector,
  subtractFromCentroid,
  topEntries,
  touchPosting,
} from './sparse.js';
import { anchorTerms, contentTerms, dayNumber, languageOfTerms, mentionedMonths, mentionedYears } from './text.js';
import type { Assignment, ClusterDoc, GroupMerge, GroupSplit, StoryClusterer } from './types.js';
import { DEFAULT_CLUSTER_OPTIONS, type PairWeights, type StoryClustererOptions } from './options.js';

/** What the clusterer computes of one article. */
export interface DocFeatures {
  title: SparseVector;
  body: SparseVector;
  entities: SparseVector;
  months: string[];
  /** Years the text names (distinct). */
  years: number[];
  day: number | null;
  /** Index keys to look candidates up with (terms, and entities prefixed with `@`). */
  query: string[];
  /** Raw content-term counts of title + text (the mixture model's view). */
  counts: Map<string, number>;
  /** The article's id (kept with an event's latest members, so that a split can say which articles move). */
  id?: string;
  /** Articles seen when it arrived (set for members moved between events; new articles arrive now). */
  at?: number;
  /** Cross-language view (when on): names and numbers as any language writes them, and the text's language. */
  anchors?: SparseVector;
  lang?: string;
}

/** One of an event's latest members, kept so that the event can be split or the member reassigned (vectors truncated). */
interface RecentMember {
  id: string;
  title: SparseVector;
  /** The heaviest `memberTerms` entries of the title + body vector, as added to the centroid (not rescaled). */
  body: [string, number][];
  /** `body` as a map, built when the member is first checked (most events never grow enough to be). */
  vec?: SparseVector;
  entities: [string, number][];
  months: string[];
  years: number[];
  day: number | null;
  counts: Map<string, number>;
  /** Articles seen (`State.docs`) when it arrived. */
  at: number;
}

interface EventState {
  id: string;
  storyline: string;
  n: number;
  title: Centroid;
  body: Centroid;
  entities: Centroid;
  months: Map<string, number>;
  /** Members naming each year, and members whose latest named year is each year. */
  years: Map<number, number>;
  latestYears: Map<number, number>;
  first: number | null;
  last: number | null;
  keys: string[];
  /** Truncated vectors of the latest members (nearest-member evidence survives a mixed centroid). */
  members: SparseVector[];
  /** Mixture model only: raw term counts (truncated like the centroid) and their total. */
  counts: Map<string, number>;
  words: number;
  /** Articles seen (`State.docs`) when the event last grew: the mixture's fading and the arrival window. */
  grown: number;
  /** Latest members with their vectors (splits or reassignment on; at most `memberWindow`). */
  recent: RecentMember[];
  /** Cross-language view (when on): anchor centroid, members per language, anchor index keys. */
  anchors: Centroid;
  langs: Map<string, number>;
  anchorKeys: string[];
}

interface StorylineState {
  id: string;
  n: number;
  body: Centroid;
  entities: Centroid;
  first: number | null;
  last: number | null;
  events: string[];
  keys: string[];
  /** Articles seen when the storyline last grew (arrival window). */
  grown: number;
}

interface State {
  docs: number;
  /** Document count behind `df` (halved with it). */
  dfDocs: number;
  df: Map<string, number>;
  /** Publication days of the latest dated articles (ring of {@link RECENT_DAYS}): the stream's "now". */
  recent: number[];
  nextEvent: number;
  nextStoryline: number;
  events: Map<string, EventState>;
  storylines: Map<string, StorylineState>;
  redirects: Map<string, string>;
  eventIndex: PostingIndex;
  storylineIndex: PostingIndex;
  /** Events waiting for their absorption check: [event id, articles seen when it is due], due order. */
  absorbQueue: [string, number][];
  /** Events under their heaviest anchor terms (cross-language matching). */
  anchorIndex: PostingIndex;
}

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

function gap(day: number | null, first: number | null, last: number | null): number | null {
  if (day === null || first === null || last === null) return null;
  return day < first ? first - day : day > last ? day - last : 0;
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

/** Linear score of a pair; above zero means "same group". */
export function scorePair(f: PairFeatures, w: PairWeights, gapGrace: number, gapScale: number, gapWeight: number): number {
  let s = w.bias + w.title * f.title + w.body * f.body + w.entities * f.entities + w.monthMatch * f.monthMatch + w.monthClash * f.monthClash + w.member * f.member + w.entityMiss * f.entityMiss;
  s += (w.yearMatch ?? 0) * f.yearMatch + (w.yearClash ?? 0) * f.yearClash;
  if (f.gapDays !== null && f.gapDays > gapGrace) s -= (gapWeight * (f.gapDays - gapGrace)) / gapScale;
  return s;
}

/** Days between two date spans (0 when they overlap, null when either is undated). */
function spanGap(aFirst: number | null, aLast: number | null, bFirst: number | null, bLast: number | null): number | null {
  if (aFirst === null || aLast === null || bFirst === null || bLast === null) return null;
  return aLast < bFirst ? bFirst - aLast : bLast < aFirst ? aFirst - bLast : 0;
}

function minDay(a: number | null, b: number | null): number | null {
  return a === null ? b : b === null ? a : Math.min(a, b);
}
function maxDay(a: number | null, b: number | null): number | null {
  return a === null ? b : b === null ? a : Math.max(a, b);
}

/** The clusterer plus the internals that training and benchmarks read. */
export interface StoryClustererInternals extends StoryClusterer {
  /** Number of live (unmerged) events and storylines. */
  counts(): { events: number; storylines: number; vocabulary: number };
  /** Computes an article's features, updating document frequencies (as `add` does). */
  featurize(doc: ClusterDoc): DocFeatures;
  /** Pair features of an article against a live event. */
  eventFeatures(doc: DocFeatures, eventId: string): PairFeatures;
  /** Adds featurized `doc` to event `eventId`, or to a new event when null (teacher forcing). */
  place(doc: DocFeatures, eventId: string | null): string;
  options: StoryClustererOptions;
}

/**
 * Builds a clusterer with `options` (defaults: {@link DEFAULT_CLUSTER_OPTIONS}), restoring `snapshot` when given.
 * @example
 * const c = createStoryClusterer();
 * const a = c.add({ id: 'a1', title: 'Quake hits Chile', text: '…', published: '2024-03-01', outlet: null });
 * c.resolve(a.eventId); // current id of the article's event, after any merges
 */
export function createClusterer(options: Partial<StoryClustererOptions> = {}, snapshot?: string): StoryClustererInternals {
  const o: StoryClustererOptions = { ...DEFAULT_CLUSTER_OPTIONS, ...options };
  const state: State = snapshot ? restore(snapshot, o) : {
    docs: 0,
    dfDocs: 0,
    df: new Map(),
    recent: [],
    nextEvent: 1,
    nextStoryline: 1,
    events: new Map(),
    storylines: new Map(),
    redirects: new Map(),
    eventIndex: createPostingIndex(o.postingCap),
    storylineIndex: createPostingIndex(o.postingCap),
    absorbQueue: [],
    anchorIndex: createPostingIndex(o.postingCap),
  };
  const crossLanguage = (o.crossLanguageMinCoverage ?? Infinity) <= 1;
  const absorbAfter = o.absorbAfterDocs ?? Infinity;
  const reassigning = o.eventModel === 'mixture' && Number.isFinite(o.reassignEvery ?? Infinity);
  // Latest members are kept for splits and for reassignment.
  const recording = Number.isFinite(o.splitCheckEvery ?? Infinity) || reassigning;
  const checkSplits = Number.isFinite(o.splitCheckEvery ?? Infinity);
  const splitWindow = o.splitWindow ?? 24;
  const memberWindow = Math.max(splitWindow, o.memberWindow ?? 0);

  const idf = (key: string): number => Math.log(1 + state.dfDocs / (state.df.get(key) ?? 1));

  function weigh(counts: Map<string, number>, prefix: string, k: number): SparseVector {
    const v: SparseVector = new Map();
    for (const [t, c] of counts) v.set(t, (1 + Math.log(c)) * idf(prefix + t));
    return normalise(new Map(topEntries(v, k)));
  }

  function featurize(doc: ClusterDoc): DocFeatures {
    const title = typeof doc.title === 'string' ? doc.title : '';
    const text = typeof doc.text === 'string' ? doc.text : '';
    const whole = title ? `${title}\n${text}` : text;
    const full = whole.length > o.maxTextChars ? whole.slice(0, whole.lastIndexOf(' ', o.maxTextChars) + 1 || o.maxTextChars) : whole;
    const bodyCounts = new Map<string, number>();
    for (const t of contentTerms(full)) bodyCounts.set(t, (bodyCounts.get(t) ?? 0) + 1);
    const titleCounts = new Map<string, number>();
    for (const t of contentTerms(title)) titleCounts.set(t, (titleCounts.get(t) ?? 0) + 1);
    const entCounts = o.entities ? (doc.entities ? countKeys(doc.entities) : entityCounts(full)) : new Map<string, number>();
    state.docs++;
    state.dfDocs++;
    for (const t of bodyCounts.keys()) state.df.set(t, (state.df.get(t) ?? 0) + 1);
    for (const e of entCounts.keys()) state.df.set(`@${e}`, (state.df.get(`@${e}`) ?? 0) + 1);
    const body = weigh(bodyCounts, '', o.docTerms);
    const entities = weigh(entCounts, '@', o.docEntities);
    const months = doc.mentionedMonths ?? mentionedMonths(full);
    const years = mentionedYears(full);
    const titleVec = weigh(titleCounts, '', o.docTerms);
    // Title terms join the query: a body full of boilerplate must not hide what the article is about.
    const query = [...new Set([
      ...topEntries(titleVec, o.queryTitleTerms).map(([t]) => t),
      ...topEntries(body, o.queryTerms).map(([t]) => t),
      ...topEntries(entities, o.queryEntities).map(([e]) => `@${e}`),
    ])];
    const day = dayNumber(doc.published);
    if (day !== null) {
      state.recent.push(day);
      if (state.recent.length > RECENT_DAYS) state.recent.shift();
    }
    const f: DocFeatures = { title: titleVec, body, entities, months, years, day, query, counts: bodyCounts, id: typeof doc.id === 'string' ? doc.id : String(doc.id) };
    if (crossLanguage) {
      // The extract stage's language (a trained detector) when given; function words otherwise.
      f.lang = typeof doc.language === 'string' && doc.language ? doc.language : languageOfTerms(bodyCounts);
      // A text of no known language (a bare headline, a list) can match no other language: no anchors needed.
      // Weighed by the content terms' document frequencies (an anchor is a content term, folded; numbers count
      // as rare): no second vocabulary to keep.
      if (f.lang !== 'und') {
        const anchors = new Map<string, number>();
        for (const t of anchorTerms(entCounts.keys(), bodyCounts.keys())) anchors.set(t, (anchors.get(t) ?? 0) + 1);
        f.anchors = weigh(anchors, '', o.docTerms);
      }
    }
    return f;
  }

  /** Pair features; `member` is left at 0 when `withMember` is false (it costs a dot product per member). */
  function eventFeaturesOf(d: DocFeatures, e: EventState, withMember = true): PairFeatures {
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
  function pairScore(d: DocFeatures, e: EventState): number {
    const w = o.eventWeights;
    const f = eventFeaturesOf(d, e, false);
    if (namesDisjoint(d, e, f.entities)) return -Infinity;
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
  function namesDisjoint(d: DocFeatures, e: EventState, entityCosine: number): boolean {
    const min = o.eventDisjointNames ?? Infinity;
    return o.entities && entityCosine === 0 && d.entities.size >= min && e.entities.sum.size >= min;
  }

  function groupKeys(body: Centroid, entities: Centroid): string[] {
    return [
      ...topEntries(body.sum, o.indexTerms).map(([t]) => t),
      ...topEntries(entities.sum, o.indexEntities).map(([e]) => `@${e}`),
    ];
  }

  function reindex(index: PostingIndex, id: string, oldKeys: string[], newKeys: string[]): void {
    const keep = new Set(newKeys);
    for (const k of oldKeys) if (!keep.has(k)) removePosting(index, k, id);
    for (const k of newKeys) touchPosting(index, k, id);
  }

  function candidates(index: PostingIndex, d: DocFeatures): string[] {
    const hits = new Map<string, number>();
    for (const k of d.query) {
      const list = index.lists.get(k);
      if (!list) continue;
      const w = k.startsWith('@') ? (d.entities.get(k.slice(1)) ?? 0) : Math.max(d.body.get(k) ?? 0, d.title.get(k) ?? 0);
      for (const id of list) hits.set(id, (hits.get(id) ?? 0) + w);
    }
    return topEntries(hits, o.maxCandidates).map(([id]) => id);
  }

  function addToEvent(e: EventState, d: DocFeatures): void {
    e.n++;
    addToCentroid(e.title, d.title, o.centroidTitleTerms);
    addToCentroid(e.body, d.body, o.centroidTerms);
    addToCentroid(e.entities, d.entities, o.centroidEntities);
    for (const m of d.months) e.months.set(m, (e.months.get(m) ?? 0) + 1);
    for (const y of d.years) e.years.set(y, (e.years.get(y) ?? 0) + 1);
    if (d.years.length) {
      const latest = Math.max(...d.years);
      e.latestYears.set(latest, (e.latestYears.get(latest) ?? 0) + 1);
    }
    e.first = minDay(e.first, d.day);
    e.last = maxDay(e.last, d.day);
    if (o.eventModel === 'mixture') {
      for (const [t, c] of d.counts) e.counts.set(t, (e.counts.get(t) ?? 0) + c);
      for (const c of d.counts.values()) e.words += c;
      if (e.counts.size > o.centroidTerms * 1.5) e.counts = new Map(topEntries(e.counts, o.centroidTerms));
    }
    e.grown = state.docs;
    const top = o.memberCount > 0 || recording ? topEntries(d.body, o.memberTerms) : [];
    if (o.memberCount > 0) {
      e.members.push(normalise(new Map(top)));
      if (e.members.length > o.memberCount) e.members.shift();
    }
    if (recording && d.id !== undefined) {
      e.recent.push({
        id: d.id,
        title: d.title,
        body: top,
        entities: topEntries(d.entities, SPLIT_ENTITIES),
        months: d.months,
        years: d.years,
        day: d.day,
        counts: o.eventModel === 'mixture' ? d.counts : new Map(),
        at: d.at ?? state.docs,
      });
      if (e.recent.length > memberWindow) e.recent.shift();
    }
    const keys = groupKeys(e.body, e.entities);
    reindex(state.eventIndex, e.id, e.keys, keys);
    e.keys = keys;
    if (crossLanguage && d.anchors) {
      addToCentroid(e.anchors, d.anchors, o.centroidTerms);
      if (d.lang) e.langs.set(d.lang, (e.langs.get(d.lang) ?? 0) + 1);
      const anchorKeys = topEntries(e.anchors.sum, ANCHOR_KEYS).map(([t]) => t);
      reindex(state.anchorIndex, e.id, e.anchorKeys, anchorKeys);
      e.anchorKeys = anchorKeys;
    }
  }

  function addToStoryline(s: StorylineState, d: DocFeatures): void {
    s.n++;
    addToCentroid(s.body, d.body, o.centroidTerms);
    addToCentroid(s.entities, d.entities, o.centroidEntities);
    s.first = minDay(s.first, d.day);
    s.last = maxDay(s.last, d.day);
    s.grown = state.docs;
    const keys = groupKeys(s.body, s.entities);
    reindex(state.storylineIndex, s.id, s.keys, keys);
    s.keys = keys;
  }

  function newEvent(storyline: string): EventState {
    const e: EventState = {
      id: `e${state.nextEvent++}`,
      storyline,
      n: 0,
      title: createCentroid(),
      body: createCentroid(),
      entities: createCentroid(),
      months: new Map(),
      years: new Map(),
      latestYears: new Map(),
      first: null,
      last: null,
      keys: [],
      members: [],
      counts: new Map(),
      words: 0,
      grown: state.docs,
      recent: [],
      anchors: createCentroid(),
      langs: new Map(),
      anchorKeys: [],
    };
    state.events.set(e.id, e);
    if (Number.isFinite(absorbAfter)) state.absorbQueue.push([e.id, state.docs + absorbAfter]);
    return e;
  }

  function newStoryline(): StorylineState {
    const s: StorylineState = { id: `s${state.nextStoryline++}`, n: 0, body: createCentroid(), entities: createCentroid(), first: null, last: null, events: [], keys: [], grown: state.docs };
    state.storylines.set(s.id, s);
    return s;
  }

  /** The storyline model's score: it reads only word and name similarity and the gap in days. */
  function storylineScore(body: number, entities: number, gapDays: number | null): number {
    const f: PairFeatures = { title: 0, body, entities, monthMatch: 0, monthClash: 0, member: 0, entityMiss: 0, yearMatch: 0, yearClash: 0, gapDays };
    return scorePair(f, o.storylineWeights, o.storylineGapGraceDays, o.storylineGapScaleDays, 1);
  }

  /** Storylines the article fits (score above zero), best first. */
  function fittingStorylines(d: DocFeatures): { s: StorylineState; score: number }[] {
    const out: { s: StorylineState; score: number }[] = [];
    for (const id of candidates(state.storylineIndex, d)) {
      const s = state.storylines.get(id);
      if (!s) continue;
      const entities = cosineToCentroid(d.entities, s.entities);
      const score = storylineScore(cosineToCentroid(d.body, s.body), entities, gap(d.day, s.first, s.last));
      if (score > 0 && sharedKeys(d, s) >= MIN_SHARED_STORYLINE_KEYS && namesShared(entities, d.entities.size, s.entities.sum.size)) out.push({ s, score });
    }
    return out.sort((a, b) => b.score - a.score || (a.s.id < b.s.id ? -1 : 1));
  }

  /**
   * A storyline follows one matter, so its reports share who or what it is about: when both sides name
   * anyone, their names must overlap by `storylineMinEntityCosine` (reason: same-kind stories with other
   * people — two office shootings, two rehab check-ins of different stars — share words but not names).
   */
  function namesShared(entityCosine: number, mine: number, theirs: number): boolean {
    return !o.entities || mine === 0 || theirs === 0 || entityCosine >= (o.storylineMinEntityCosine ?? 0);
  }

  /** Distinct terms and names the article shares with a storyline's centroids. */
  function sharedKeys(d: DocFeatures, s: StorylineState): number {
    let n = 0;
    for (const t of d.body.keys()) if (s.body.sum.has(t)) n++;
    for (const e of d.entities.keys()) if (s.entities.sum.has(e)) n++;
    return n;
  }

  function chooseStoryline(d: DocFeatures): { s: StorylineState; created: boolean } {
    const best = fittingStorylines(d)[0];
    return best ? { s: best.s, created: false } : { s: newStoryline(), created: true };
  }

  /**
   * Other storylines this article also fits are merged into its own when the two centroids match
   * (reason: two events of one storyline may have started storylines of their own before the article linking them).
   */
  function mergeNearStorylines(own: StorylineState, d: DocFeatures, merges: GroupMerge[]): StorylineState {
    if (!Number.isFinite(o.storylineMergeMargin)) return own;
    let s = own;
    const runners = fittingStorylines(d).filter((x) => x.s !== own).slice(0, o.mergeCandidates);
    for (const { s: other } of runners) {
      if (!state.storylines.has(other.id) || other === s) continue;
      const entities = cosineCentroids(s.entities, other.entities);
      if (storylineScore(cosineCentroids(s.body, other.body), entities, spanGap(s.first, s.last, other.first, other.last)) > o.storylineMergeMargin && namesShared(entities, s.entities.sum.size, other.entities.sum.size)) {
        const [big, small] = s.n >= other.n ? [s, other] : [other, s];
        mergeStorylines(small, big, merges);
        s = big;
      }
    }
    return s;
  }

  /**
   * The last step of a merge, the same at both levels: `into` is re-indexed under its grown
   * centroid, `from` leaves the index and the state, and its id redirects to `into`.
   */
  function retireMerged(level: 'event' | 'storyline', from: EventState | StorylineState, into: EventState | StorylineState, merges: GroupMerge[]): void {
    const index = level === 'event' ? state.eventIndex : state.storylineIndex;
    for (const k of from.keys) removePosting(index, k, from.id);
    const keys = groupKeys(into.body, into.entities);
    reindex(index, into.id, into.keys, keys);
    into.keys = keys;
    (level === 'event' ? state.events : state.storylines).delete(from.id);
    state.redirects.set(from.id, into.id);
    merges.push({ level, from: from.id, into: into.id });
  }

  function mergeStorylines(from: StorylineState, into: StorylineState, merges: GroupMerge[]): void {
    for (const [k, x] of from.body.sum) into.body.sum.set(k, (into.body.sum.get(k) ?? 0) + x);
    for (const [k, x] of from.entities.sum) into.entities.sum.set(k, (into.entities.sum.get(k) ?? 0) + x);
    addToCentroid(into.body, new Map(), o.centroidTerms);
    addToCentroid(into.entities, new Map(), o.centroidEntities);
    into.n += from.n;
    into.first = minDay(into.first, from.first);
    into.last = maxDay(into.last, from.last);
    into.grown = Math.max(into.grown, from.grown);
    for (const eid of from.events) {
      const e = state.events.get(eid);
      if (e) e.storyline = into.id;
      into.events.push(eid);
    }
    retireMerged('storyline', from, into, merges);
  }

  function mergeEvents(a: EventState, b: EventState, merges: GroupMerge[]): EventState {
    // The larger group keeps its id (ties: the older one), so most stored links stay valid.
    const [into, from] = a.n > b.n || (a.n === b.n && Number(a.id.slice(1)) < Number(b.id.slice(1))) ? [a, b] : [b, a];
    for (const [src, dst, k] of [
      [from.title, into.title, o.centroidTitleTerms],
      [from.body, into.body, o.centroidTerms],
      [from.entities, into.entities, o.centroidEntities],
    ] as const) addToCentroid(dst, src.sum, k);
    for (const [m, c] of from.months) into.months.set(m, (into.months.get(m) ?? 0) + c);
    for (const [y, c] of from.years) into.years.set(y, (into.years.get(y) ?? 0) + c);
    for (const [y, c] of from.latestYears) into.latestYears.set(y, (into.latestYears.get(y) ?? 0) + c);
    into.members = [...into.members, ...from.members].slice(-o.memberCount);
    into.recent = [...into.recent, ...from.recent].slice(-memberWindow);
    if (crossLanguage) {
      addToCentroid(into.anchors, from.anchors.sum, o.centroidTerms);
      for (const [l, c] of from.langs) into.langs.set(l, (into.langs.get(l) ?? 0) + c);
      for (const k of from.anchorKeys) removePosting(state.anchorIndex, k, from.id);
      const anchorKeys = topEntries(into.anchors.sum, ANCHOR_KEYS).map(([t]) => t);
      reindex(state.anchorIndex, into.id, into.anchorKeys, anchorKeys);
      into.anchorKeys = anchorKeys;
    }
    for (const [t, c] of from.counts) into.counts.set(t, (into.counts.get(t) ?? 0) + c);
    into.words += from.words;
    into.grown = Math.max(into.grown, from.grown);
    into.n += from.n;
    into.first = minDay(into.first, from.first);
    into.last = maxDay(into.last, from.last);
    retireMerged('event', from, into, merges);
    const sFrom = state.storylines.get(from.storyline);
    const sInto = state.storylines.get(into.storyline);
    if (sFrom) sFrom.events = sFrom.events.filter((id) => id !== from.id);
    if (sFrom && sInto && sFrom !== sInto) {
      const [big, small] = sInto.n >= sFrom.n ? [sInto, sFrom] : [sFrom, sInto];
      mergeStorylines(small, big, merges);
    }
    return into;
  }

  /** Pair score of two event centroids with the event model (for merges). */
  function eventPairScore(a: EventState, b: EventState): number {
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

  /**
   * Log probability (up to a constant shared by all choices) that `d` joins event `e` under a
   * Dirichlet-multinomial mixture (Yin & Wang KDD 2014; MStream, Yin et al. KDD 2018): the event's size,
   * faded by the articles since it last grew, times the chance of the article's words under the
   * event's word counts smoothed by β over the vocabulary.
   */
  function mixtureScore(d: Pick<DocFeatures, 'counts'>, e: EventState, faded = true, without?: RecentMember): number {
    const beta = o.mixtureBeta ?? 0.03;
    const vb = Math.max(1, state.df.size) * beta;
    const fade = o.mixtureFadeDocs ?? Infinity;
    // `without`: the event as it would be without that member of it (a member weighed against its own event).
    let minus = 0;
    if (without) for (const c of without.counts.values()) minus += c;
    let s = Math.log(e.n - (without ? 1 : 0)) - (faded && Number.isFinite(fade) ? (state.docs - e.grown) / fade : 0);
    let len = 0;
    for (const [t, c] of d.counts) {
      const n = Math.max(0, (e.counts.get(t) ?? 0) - (without?.counts.get(t) ?? 0));
      for (let j = 0; j < c; j++) s += Math.log(n + beta + j);
      len += c;
    }
    const words = Math.max(0, e.words - minus);
    for (let i = 0; i < len; i++) s -= Math.log(words + vb + i);
    return s;
  }

  /**
   * Log-odds that two parts of an event's latest members are two events rather than one, under the mixture:
   * the parts' marginal likelihoods against the whole's, times the prior's price of one more group.
   */
  function mixtureSplitOdds(members: RecentMember[], parts: [number[], number[]]): number {
    const beta = o.mixtureBeta ?? 0.03;
    const vb = Math.max(1, state.df.size) * beta;
    const logLik = (idx: number[]): number => {
      const counts = new Map<string, number>();
      let words = 0;
      for (const i of idx) for (const [t, c] of members[i]!.counts) {
        counts.set(t, (counts.get(t) ?? 0) + c);
        words += c;
      }
      let s = 0;
      for (const c of counts.values()) for (let j = 0; j < c; j++) s += Math.log(beta + j);
      for (let i = 0; i < words; i++) s -= Math.log(vb + i);
      return s;
    };
    const logGamma = (n: number): number => {
      let s = 0;
      for (let i = 2; i < n; i++) s += Math.log(i);
      return s;
    };
    const [a, b] = parts;
    const prior = Math.log((o.mixtureAlpha ?? 0.03) * Math.max(1, state.docs)) + logGamma(a.length) + logGamma(b.length) - logGamma(a.length + b.length);
    return logLik(a) + logLik(b) - logLik([...a, ...b]) + prior;
  }

  /**
   * Log-odds that two live events are two rather than one under the mixture, from their word counts: the
   * Dirichlet-multinomial marginal likelihoods of each against that of their union, plus the prior's price of one
   * more group (the split test's formula, applied to whole events; closed form through log Γ).
   */
  function mixtureTwoVsOne(a: EventState, b: EventState): number {
    const beta = o.mixtureBeta ?? 0.03;
    const vb = Math.max(1, state.df.size) * beta;
    const lgBeta = logGamma(beta);
    const logLik = (counts: Map<string, number>, other?: Map<string, number>): number => {
      let s = 0;
      let words = 0;
      for (const [t, c0] of counts) {
        const c = c0 + (other?.get(t) ?? 0);
        s += logGamma(c + beta) - lgBeta;
        words += c;
      }
      if (other) {
        for (const [t, c] of other) {
          if (counts.has(t)) continue;
          s += logGamma(c + beta) - lgBeta;
          words += c;
        }
      }
      return s - (logGamma(words + vb) - logGamma(vb));
    };
    const prior = Math.log((o.mixtureAlpha ?? 0.03) * Math.max(1, state.docs)) + logGamma(a.n) + logGamma(b.n) - logGamma(a.n + b.n);
    return logLik(a.counts) + logLik(b.counts) - logLik(a.counts, b.counts) + prior;
  }

  /**
   * Events that grew since the last pass are merged with an indexed candidate when the mixture finds them one
   * (two-against-one log-odds below −`mixtureMergeMargin`). Reason: a story whose first headlines used other words
   * than its later ones starts twice; once both events have grown, their word counts show that they are one.
   */
  function mergePass(merges: GroupMerge[]): void {
    const margin = o.mixtureMergeMargin ?? Infinity;
    const since = state.docs - (o.reassignEvery ?? 1);
    for (const e of [...state.events.values()]) {
      if (e.grown <= since || !state.events.has(e.id)) continue;
      const hits = new Map<string, number>();
      for (const k of e.keys) for (const id of state.eventIndex.lists.get(k) ?? []) if (id !== e.id) hits.set(id, (hits.get(id) ?? 0) + 1);
      for (const [id] of topEntries(hits, MERGE_PASS_CANDIDATES)) {
        const other = state.events.get(id);
        if (!other || !state.events.has(e.id)) continue;
        if (mixtureTwoVsOne(e, other) < -margin) {
          mergeEvents(e, other, merges);
          break;
        }
      }
    }
  }

  /** The same for a new, empty event (prior weight α × articles seen). */
  function mixtureNewScore(d: Pick<DocFeatures, 'counts'>): number {
    const beta = o.mixtureBeta ?? 0.03;
    const vb = Math.max(1, state.df.size) * beta;
    let s = Math.log((o.mixtureAlpha ?? 0.03) * Math.max(1, state.docs));
    let len = 0;
    for (const c of d.counts.values()) {
      for (let j = 0; j < c; j++) s += Math.log(beta + j);
      len += c;
    }
    for (let i = 0; i < len; i++) s -= Math.log(vb + i);
    return s;
  }

  function place(d: DocFeatures, eventId: string | null): string {
    const e = eventId ? state.events.get(eventId) : undefined;
    if (e) {
      addToEvent(e, d);
      const s = state.storylines.get(e.storyline);
      if (s) addToStoryline(s, d);
      return e.id;
    }
    const { s } = chooseStoryline(d);
    const ne = newEvent(s.id);
    s.events.push(ne.id);
    addToEvent(ne, d);
    addToStoryline(s, d);
    return ne.id;
  }

  /** Places one article, then keeps the state bounded (every {@link SWEEP_EVERY} articles). */
  function add(doc: ClusterDoc): Assignment {
    const a = addOne(doc);
    if (state.absorbQueue.length && state.absorbQueue[0]![1] <= state.docs) {
      absorbDue(a.merges);
      // The article's own event may have been the one absorbed.
      a.eventId = resolve(a.eventId);
      a.storylineId = resolve(a.storylineId);
    }
    if (reassigning && state.docs % o.reassignEvery! === 0) {
      const merged = a.merges.length;
      if (Number.isFinite(o.mixtureMergeMargin ?? Infinity)) mergePass(a.merges);
      const moves = reassignRecent(a.merges);
      if (a.merges.length > merged) {
        // The article's own event may have been a singleton that joined another.
        a.eventId = resolve(a.eventId);
        a.storylineId = resolve(a.storylineId);
      }
      if (moves.length) {
        a.splits = [...(a.splits ?? []), ...moves];
        for (const m of moves) if (m.articleIds.includes(doc.id)) [a.eventId, a.storylineId] = [m.into, m.storylineId];
      }
    }
    if (state.docs % SWEEP_EVERY === 0) sweep();
    return a;
  }

  /**
   * One reassignment pass over the articles of the last `reassignWindow` arrivals (mixture only): each moves to
   * the candidate event that explains it best when that beats its own event without it by `reassignMargin`
   * (reason: a single pass decides each headline once, on what came before it; GSDMM and MStream get their
   * quality from passes that decide again, and a pass over a recent window stays online). With
   * `reassignSingletons`, an event of one article is merged into the event that the article now prefers to a new
   * one (reason: in GSDMM's passes a document alone in its cluster weighs the others against a new cluster too;
   * a lone headline's first choice was made before its story's words were known). Merges go to `merges`.
   */
  function reassignRecent(merges: GroupMerge[]): GroupSplit[] {
    const since = state.docs - (o.reassignWindow ?? 500);
    const margin = o.reassignMargin ?? 0;
    const singletons = o.reassignSingletons ?? false;
    const moves = new Map<string, GroupSplit>();
    for (const e of [...state.events.values()]) {
      for (const r of [...e.recent]) {
        if (r.at <= since || !state.events.has(e.id)) continue;
        const alone = e.n === 1 && e.recent.length === 1;
        if (e.n < 2 && !(singletons && alone)) continue;
        // A member alone in its event is weighed as the single pass would weigh it now: joining another event
        // (faded by its idle time) against a new event (the prior's α × articles seen); others, unfaded, against
        // their own event without them.
        const stay = alone ? mixtureNewScore(r) : mixtureScore(r, e, false, r);
        let best: EventState | null = null;
        let bestScore = stay + margin;
        for (const c of alone ? sharingEvents(r, e) : memberCandidates(r, e.id).map((id) => state.events.get(id)!)) {
          const score = mixtureScore(r, c, alone);
          if (score > bestScore) [best, bestScore] = [c, score];
        }
        if (!best) continue;
        if (alone) {
          // Its event would be left empty: a merge (the id redirects), not a move.
          mergeEvents(e, best, merges);
          continue;
        }
        e.recent = e.recent.filter((x) => x !== r);
        removeMembers(e, [r]);
        addToEvent(best, { ...r, body: new Map(r.body), entities: new Map(r.entities), query: [] });
        const key = `${e.id}\u0000${best.id}`;
        const m = moves.get(key) ?? { level: 'event' as const, from: e.id, into: best.id, storylineId: best.storyline, articleIds: [] };
        m.articleIds.push(r.id);
        moves.set(key, m);
      }
    }
    return [...moves.values()];
  }

  /**
   * Live events other than `own` that have used one of the member's words (one pass over the live events, as
   * absorption makes: a lone headline's words are seldom among a big event's index keys).
   */
  function sharingEvents(r: RecentMember, own: EventState): EventState[] {
    const out: EventState[] = [];
    for (const c of state.events.values()) {
      if (c === own) continue;
      for (const t of r.counts.keys()) {
        if (c.counts.has(t)) {
          out.push(c);
          break;
        }
      }
    }
    return out;
  }

  /** Live events other than `own` indexed under a member's words, most shared weight first. */
  function memberCandidates(r: RecentMember, own: string): string[] {
    const hits = new Map<string, number>();
    for (const [t, x] of r.body) {
      for (const id of state.eventIndex.lists.get(t) ?? []) if (id !== own && state.events.has(id)) hits.set(id, (hits.get(id) ?? 0) + x);
    }
    return topEntries(hits, o.maxCandidates).map(([id]) => id);
  }

  /**
   * Small events idle for `absorbAfterDocs` articles are merged into the live event that best explains them,
   * when one does well enough (reason: a single pass starts a new event for a short text whose words no event
   * has used much yet, or that its event's index keys miss; later, that event has usually grown to take it).
   */
  function absorbDue(merges: GroupMerge[]): void {
    while (state.absorbQueue.length && state.absorbQueue[0]![1] <= state.docs) {
      const [id] = state.absorbQueue.shift()!;
      const e = state.events.get(id);
      if (!e) continue;
      // Still growing: look again once it has been idle for the whole wait.
      if (e.grown + absorbAfter > state.docs) {
        state.absorbQueue.push([id, e.grown + absorbAfter]);
        continue;
      }
      if (e.n > (o.absorbMaxSize ?? 1)) continue;
      let best: EventState | null = null;
      let bestScore = o.absorbMargin ?? 0;
      // One pass over the live events (bounded by the active window), once per event: a small event's words
      // need not be among any big event's index keys.
      for (const other of state.events.values()) {
        if (other === e || other.n < e.n) continue;
        const score = absorbScore(e, other);
        if (score > bestScore) [best, bestScore] = [other, score];
      }
      if (best) mergeEvents(e, best, merges);
    }
  }

  /** How much better `small`'s articles fit in `big` than on their own (mixture: log-odds; pairs: pair score). */
  function absorbScore(small: EventState, big: EventState): number {
    if (o.eventModel !== 'mixture') return eventPairScore(small, big);
    // The smoothing prior alone must not decide: a group sharing no word with the small one cannot explain it.
    let shared = false;
    for (const t of small.counts.keys()) if (big.counts.has(t)) shared = true;
    if (!shared) return -Infinity;
    return mixtureScore({ counts: small.counts }, big, false) - mixtureNewScore({ counts: small.counts });
  }

  /**
   * Retires groups outside the active window (TDT): out of the index, the state and the snapshot, with the
   * redirects that lead to them; and halves document frequencies on schedule. Cost: one pass over live groups.
   */
  function sweep(): void {
    const halving = o.dfHalvingDocs ?? Infinity;
    if (Number.isFinite(halving) && state.docs % Math.max(SWEEP_EVERY, Math.round(halving / SWEEP_EVERY) * SWEEP_EVERY) === 0) halveDf();
    const now = streamDay(state.recent);
    const idle = (last: number | null, grown: number, days: number | undefined, docs: number | undefined): boolean =>
      // Dated groups age in publication days, undated ones in arrivals.
      last !== null && now !== null ? now - last > (days ?? Infinity) : state.docs - grown > (docs ?? Infinity);
    for (const e of state.events.values()) {
      if (!idle(e.last, e.grown, o.eventWindowDays, o.eventWindowDocs)) continue;
      for (const k of e.keys) removePosting(state.eventIndex, k, e.id);
      for (const k of e.anchorKeys) removePosting(state.anchorIndex, k, e.id);
      state.events.delete(e.id);
      const s = state.storylines.get(e.storyline);
      if (s) s.events = s.events.filter((id) => id !== e.id);
    }
    for (const s of state.storylines.values()) {
      if (s.events.length || !idle(s.last, s.grown, o.storylineWindowDays, o.storylineWindowDocs)) continue;
      for (const k of s.keys) removePosting(state.storylineIndex, k, s.id);
      state.storylines.delete(s.id);
    }
    for (const [from] of state.redirects) {
      const to = resolve(from);
      if (!state.events.has(to) && !state.storylines.has(to)) state.redirects.delete(from);
    }
  }

  /** Halves document frequencies, rounding down (small integers stay unboxed in V8 maps); terms at 0 drop out. */
  function halveDf(): void {
    state.dfDocs = Math.floor(state.dfDocs / 2);
    for (const [k, c] of state.df) {
      if (c < 2) state.df.delete(k);
      else state.df.set(k, Math.floor(c / 2));
    }
  }

  function addOne(doc: ClusterDoc): Assignment {
    const d = featurize(doc);
    const scored: { e: EventState; score: number }[] = [];
    const mixture = o.eventModel === 'mixture';
    // Mixture: log-odds of joining each candidate against starting a new event (zero = even).
    const fresh = mixture ? mixtureNewScore(d) : 0;
    for (const id of candidates(state.eventIndex, d)) {
      const e = state.events.get(id);
      if (!e) continue;
      const score = mixture ? mixtureScore(d, e) - fresh : pairScore(d, e);
      if (score > 0) scored.push({ e, score });
    }
    scored.sort((a, b) => b.score - a.score || (a.e.id < b.e.id ? -1 : 1));
    if (!scored.length && crossLanguage && !mixture) {
      const other = crossLanguageMatch(d);
      if (other) scored.push({ e: other, score: 0 });
    }
    const merges: GroupMerge[] = [];
    if (!scored.length) {
      const { s, created } = chooseStoryline(d);
      const e = newEvent(s.id);
      s.events.push(e.id);
      addToEvent(e, d);
      addToStoryline(s, d);
      const st = mergeNearStorylines(s, d, merges);
      return { eventId: e.id, storylineId: st.id, newEvent: true, newStoryline: created && st === s, merges, splits: [] };
    }
    let e = scored[0]!.e;
    addToEvent(e, d);
    const s0 = state.storylines.get(e.storyline);
    if (s0) addToStoryline(s0, d);
    // Runner-up events that this article also fits: merge when the grown centroid matches theirs.
    for (let i = 1; i < scored.length && i <= o.mergeCandidates; i++) {
      const other = scored[i]!.e;
      if (!state.events.has(other.id) || other === e) continue;
      if (eventPairScore(e, other) > o.mergeMargin) e = mergeEvents(e, other, merges);
    }
    const s1 = state.storylines.get(e.storyline);
    if (s1) mergeNearStorylines(s1, d, merges);
    const splits: GroupSplit[] = [];
    let eventId = e.id;
    if (checkSplits && e.n % splitStep(e.n, o.splitCheckEvery!) === 0) {
      const split = splitEvent(e);
      if (split) {
        splits.push(split);
        if (split.articleIds.includes(d.id!)) eventId = split.into;
      }
    }
    return { eventId, storylineId: e.storyline, newEvent: false, newStoryline: false, merges, splits };
  }

  /**
   * An event in another language whose names and numbers the article names (reason: the word views see nothing
   * in common between "Erdbeben" and "earthquake", but both name Dunlow, Oskar Lind and a magnitude of 5.8).
   * Only events whose main language differs from the article's, within the event time grace, are looked at.
   */
  function crossLanguageMatch(d: DocFeatures): EventState | null {
    if (!d.anchors?.size || !d.lang || d.lang === 'und') return null;
    const hits = new Map<string, number>();
    // All of the article's anchors: its rarest terms are words of its own language, the shared names weigh less.
    for (const [t, x] of d.anchors) {
      for (const id of state.anchorIndex.lists.get(t) ?? []) hits.set(id, (hits.get(id) ?? 0) + x);
    }
    let best: EventState | null = null;
    let bestCover = o.crossLanguageMinCoverage ?? Infinity;
    for (const [id] of topEntries(hits, o.maxCandidates)) {
      const e = state.events.get(id);
      if (!e || mainLanguage(e.langs) === d.lang || mainLanguage(e.langs) === 'und') continue;
      const g = gap(d.day, e.first, e.last);
      if (g !== null && g > o.eventGapGraceDays) continue;
      const covered = anchorCoverage(d.anchors, e.anchors);
      if (covered >= bestCover) [best, bestCover] = [e, covered];
    }
    return best;
  }

  /** Takes members (already out of `e.recent`) out of event `e`'s state, and re-indexes it. */
  function removeMembers(e: EventState, moved: RecentMember[]): void {
    for (const r of moved) {
      e.n--;
      subtractFromCentroid(e.title, r.title);
      subtractFromCentroid(e.body, r.body);
      subtractFromCentroid(e.entities, r.entities);
      decrement(e.months, r.months);
      decrement(e.years, r.years);
      if (r.years.length) decrement(e.latestYears, [Math.max(...r.years)]);
      for (const [t, c] of r.counts) {
        const left = (e.counts.get(t) ?? 0) - c;
        if (left > 0) e.counts.set(t, left);
        else e.counts.delete(t);
        e.words = Math.max(0, e.words - c);
      }
    }
    // The nearest-member evidence: the latest members that stayed.
    if (o.memberCount > 0) e.members = e.recent.slice(-o.memberCount).map((r) => normalise(new Map(r.body)));
    const keys = groupKeys(e.body, e.entities);
    reindex(state.eventIndex, e.id, e.keys, keys);
    e.keys = keys;
  }

  /**
   * Cuts an event's latest members in two (2-means) and, when the parts are far apart, moves the part without
   * the event's oldest members to a new event in the same storyline (reason: two happenings of one kind, close
   * in time, can look like one until their own details pile up).
   */
  function splitEvent(e: EventState): GroupSplit | null {
    const minPart = o.splitMinPart ?? 3;
    // The latest `splitWindow` members only (more may be kept for reassignment).
    const pool = e.recent.slice(-splitWindow);
    if (pool.length < 2 * minPart) return null;
    // The cosine test needs texts of some length: halves of one story told in headlines share few words.
    if (o.eventModel !== 'mixture' && pool.reduce((n, r) => n + r.body.length, 0) < SPLIT_MIN_TERMS * pool.length) return null;
    // The members' vectors as added (not rescaled): 2-means assigns by direction, and their norms differ little.
    const cut = bisect(pool.map((r) => (r.vec ??= new Map(r.body))));
    if (!cut || cut.parts[0].length < minPart || cut.parts[1].length < minPart) return null;
    if (o.eventModel === 'mixture' ? mixtureSplitOdds(pool, cut.parts) <= (o.splitMargin ?? 0) : cut.cosine >= (o.splitMaxCosine ?? 0)) return null;
    // The part holding the oldest member kept here keeps the id when older members exist (they started the
    // event); otherwise the larger part does (ties: the one holding the oldest).
    const [p0, p1] = cut.parts;
    const hasOlder = e.n > pool.length;
    const keep0 = hasOlder ? p0.includes(0) : p0.length > p1.length || (p0.length === p1.length && p0.includes(0));
    const moving = new Set((keep0 ? p1 : p0).map((i) => pool[i]!));
    const moved = e.recent.filter((r) => moving.has(r));
    e.recent = e.recent.filter((r) => !moving.has(r));
    removeMembers(e, moved);
    const ne = newEvent(e.storyline);
    state.storylines.get(e.storyline)?.events.push(ne.id);
    // Members keep no anchor vectors: the anchors stay with the event they leave (an approximation).
    for (const r of moved) addToEvent(ne, { ...r, body: new Map(r.body), entities: new Map(r.entities), query: [] });
    return { level: 'event', from: e.id, into: ne.id, storylineId: e.storyline, articleIds: moved.map((r) => r.id) };
  }

  function resolve(id: string): string {
    let cur = id;
    for (let i = 0; i < 1000; i++) {
      const next = state.redirects.get(cur);
      if (next === undefined) return cur;
      cur = next;
    }
    return cur;
  }

  return {
    add,
    resolve,
    snapshot: () => serialise(state),
    counts: () => ({ events: state.events.size, storylines: state.storylines.size, vocabulary: state.df.size }),
    featurize,
    eventFeatures: (d, id) => {
      const e = state.events.get(id);
      if (!e) throw new Error(`no live event ${id}`);
      return eventFeaturesOf(d, e);
    },
    place,
    options: o,
  };
}

/** Articles between two sweeps of the active window (a sweep costs one pass over the live groups). */
const SWEEP_EVERY = 256;
/**
 * Words and names an article must share with a storyline to join it, however rare (reason: in a
 * small store one rare word scores high: a heatwave "in the valley" and the "Valley Wanderers"
 * derby are not one storyline). ECB+ and the seeds are unchanged by it (clustering bench).
 */
const MIN_SHARED_STORYLINE_KEYS = 2;

/** Dated articles whose median publication day is the stream's "now" (one odd date cannot move it). */
const RECENT_DAYS = 101;

/** Median of the recent publication days, or null when none is known. */
function streamDay(recent: readonly number[]): number | null {
  if (!recent.length) return null;
  const sorted = [...recent].sort((a, b) => a - b);
  return sorted[sorted.length >> 1]!;
}

/**
 * Articles between two split checks of an event of `n` articles: `every`, and a quarter of the event's size once
 * that is more (reason: a big event's latest members change little between checks, and checks cost).
 */
function splitStep(n: number, every: number): number {
  return Math.max(every, 2 ** Math.floor(Math.log2(Math.max(1, n)) - 2));
}

/**
 * Share of a group's anchor weight that an article's anchors cover. Reason: an article in another language adds
 * words of its own that the group never uses; what counts is how much of the group's names and numbers it names.
 */
function anchorCoverage(doc: SparseVector, group: Centroid): number {
  let covered = 0;
  let total = 0;
  for (const [t, x] of group.sum) {
    total += x;
    if (doc.has(t)) covered += x;
  }
  return total > 0 ? covered / total : 0;
}

/** Heaviest anchor terms under which an event is indexed for cross-language lookups. */
const ANCHOR_KEYS = 8;

/** The language most of a group's articles are written in (`und` when none is known). */
function mainLanguage(langs: Map<string, number>): string {
  let best = 'und';
  let most = 0;
  for (const [l, c] of langs) if (l !== 'und' && c > most) [best, most] = [l, c];
  return best;
}

/** Mean terms per member below which the cosine split test is not run (MStream headlines: about 5). */
const SPLIT_MIN_TERMS = 10;

/** Entities kept per recent member for a split (the heaviest: they carry the centroid). */
const SPLIT_ENTITIES = 12;

/** Lowers the counts of `keys` by one, dropping those at zero. */
function decrement<K>(m: Map<K, number>, keys: readonly K[]): void {
  for (const k of keys) {
    const c = (m.get(k) ?? 0) - 1;
    if (c > 0) m.set(k, c);
    else m.delete(k);
  }
}

/**
 * 2-means (spherical, cosine) on unit vectors, seeded deterministically: the member least like the whole, then
 * the member least like it. Returns the two parts (indexes, each in arrival order) and the cosine of their
 * centroids, or null when fewer than two vectors are given.
 */
export function bisect(vs: SparseVector[]): { parts: [number[], number[]]; cosine: number } | null {
  if (vs.length < 2) return null;
  const sum = (idx: number[]): SparseVector => {
    const c: SparseVector = new Map();
    for (const i of idx) for (const [k, x] of vs[i]!) c.set(k, (c.get(k) ?? 0) + x);
    return normalise(c);
  };
  const all = sum(vs.map((_, i) => i));
  const argmin = (f: (i: number) => number): number => {
    let best = 0;
    let low = f(0);
    for (let i = 1; i < vs.length; i++) {
      const x = f(i);
      if (x < low) [best, low] = [i, x];
    }
    return best;
  };
  const a0 = argmin((i) => dot(vs[i]!, all));
  const b0 = argmin((i) => (i === a0 ? Infinity : dot(vs[i]!, vs[a0]!)));
  let ca = vs[a0]!;
  let cb = vs[b0]!;
  let side: boolean[] = [];
  let parts: [number[], number[]] = [[], []];
  for (let iter = 0; iter < BISECT_ITERATIONS; iter++) {
    const next = vs.map((v) => dot(v, ca) >= dot(v, cb));
    if (next.every((x, i) => x === side[i])) break;
    side = next;
    parts = [[], []];
    side.forEach((x, i) => parts[x ? 0 : 1].push(i));
    if (!parts[0].length || !parts[1].length) return null;
    ca = sum(parts[0]);
    cb = sum(parts[1]);
  }
  return { parts, cosine: dot(ca, cb) };
}

/** Indexed candidates per event checked by the mixture's merge pass (the events sharing most of its index keys). */
const MERGE_PASS_CANDIDATES = 3;

/** log Γ(x) for x > 0 (Lanczos, g = 7, n = 9: about 15 digits). */
export function logGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const c = [0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7];
  const y = x - 1;
  let a = c[0]!;
  const t = y + 7.5;
  for (let i = 1; i < 9; i++) a += c[i]! / (y + i);
  return 0.5 * Math.log(2 * Math.PI) + (y + 0.5) * Math.log(t) - t + Math.log(a);
}

/** 2-means rounds at most (a couple of dozen vectors settle in three or four). */
const BISECT_ITERATIONS = 8;

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

/** The latest year most members name (the later one on ties), or +Infinity when none. */
function usualLatest(latest: Map<number, number>): number {
  let usual = Infinity;
  let most = 0;
  for (const [y, c] of latest) if (c > most || (c === most && y > usual)) [usual, most] = [y, c];
  return usual;
}

function bestMember(v: SparseVector, members: SparseVector[]): number {
  let best = 0;
  for (const m of members) {
    const x = dot(v, m);
    if (x > best) best = x;
  }
  return best;
}

function countKeys(keys: string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const k of keys) m.set(k, (m.get(k) ?? 0) + 1);
  return m;
}

// ---- snapshot: plain arrays; weights as base64 float64 (exact, so a restored clusterer continues identically,
// and about half the size of JSON numbers). It holds the active window only, so its size is bounded by it.

// Version 3: window state (df document count, recent days, storyline arrival marks), packed weights.
// Versions 1 and 2 still restore (v1 without years).
const SNAPSHOT_VERSION = 3;

type CentroidJson = [string[], number[] | string];

/** Packs numbers as base64 of their float64 bytes. */
function pack(xs: Iterable<number>): string {
  const a = Float64Array.from(xs);
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('base64');
}
function unpack(x: number[] | string): ArrayLike<number> {
  if (typeof x !== 'string') return x;
  const b = Buffer.from(x, 'base64');
  // Copied into an aligned buffer: a decoded Buffer may sit at any offset of Node's pool.
  return new Float64Array(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength));
}

function vectorToJson(v: SparseVector): CentroidJson {
  return [[...v.keys()], pack(v.values())];
}
function vectorFromJson(j: CentroidJson): SparseVector {
  const xs = unpack(j[1]);
  return new Map(j[0].map((k, i) => [k, xs[i]!]));
}
function centroidToJson(c: Centroid): CentroidJson {
  return vectorToJson(c.sum);
}
function centroidFromJson(j: CentroidJson): Centroid {
  return { sum: vectorFromJson(j), norm: -1 };
}

type RecentJson = [string, CentroidJson, CentroidJson, CentroidJson, string[], number[], number | null, [string, number][], number?];

function recentToJson(r: RecentMember): RecentJson {
  return [r.id, vectorToJson(r.title), vectorToJson(new Map(r.body)), vectorToJson(new Map(r.entities)), r.months, r.years, r.day, [...r.counts], r.at];
}
function recentFromJson(j: RecentJson): RecentMember {
  return { id: j[0], title: vectorFromJson(j[1]), body: [...vectorFromJson(j[2])], entities: [...vectorFromJson(j[3])], months: j[4], years: j[5], day: j[6], counts: new Map(j[7]), at: j[8] ?? 0 };
}

function serialise(s: State): string {
  return JSON.stringify({
    v: SNAPSHOT_VERSION,
    docs: s.docs,
    dd: s.dfDocs,
    recent: s.recent,
    df: [[...s.df.keys()], [...s.df.values()]],
    ne: s.nextEvent,
    ns: s.nextStoryline,
    events: [...s.events.values()].map((e) => [e.id, e.storyline, e.n, centroidToJson(e.title), centroidToJson(e.body), centroidToJson(e.entities), [...e.months], e.first, e.last, e.keys, e.members.map(vectorToJson), [...e.years], [...e.latestYears], [...e.counts], e.words, e.grown, e.recent.map(recentToJson), centroidToJson(e.anchors), [...e.langs], e.anchorKeys]),
    storylines: [...s.storylines.values()].map((x) => [x.id, x.n, centroidToJson(x.body), centroidToJson(x.entities), x.first, x.last, x.events, x.keys, x.grown]),
    redirects: [...s.redirects],
    ei: [...s.eventIndex.lists],
    si: [...s.storylineIndex.lists],
    aq: s.absorbQueue,
    ai: [...s.anchorIndex.lists],
  });
}

function restore(snapshot: string, o: StoryClustererOptions): State {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const j = JSON.parse(snapshot) as any;
  if (j?.v !== SNAPSHOT_VERSION && j?.v !== 2 && j?.v !== 1) throw new Error(`unsupported clusterer snapshot version ${String(j?.v)}`);
  const df = new Map<string, number>((j.df[0] as string[]).map((k, i) => [k, j.df[1][i] as number]));
  const events = new Map<string, EventState>();
  for (const e of j.events) {
    events.set(e[0], {
      id: e[0], storyline: e[1], n: e[2], title: centroidFromJson(e[3]), body: centroidFromJson(e[4]), entities: centroidFromJson(e[5]),
      months: new Map(e[6]), first: e[7], last: e[8], keys: e[9],
      members: (e[10] as CentroidJson[]).map(vectorFromJson),
      years: new Map(e[11] ?? []),
      latestYears: new Map(e[12] ?? []),
      counts: new Map(e[13] ?? []),
      words: e[14] ?? 0,
      grown: e[15] ?? 0,
      recent: ((e[16] ?? []) as RecentJson[]).map(recentFromJson),
      anchors: e[17] ? centroidFromJson(e[17]) : createCentroid(),
      langs: new Map(e[18] ?? []),
      anchorKeys: e[19] ?? [],
    });
  }
  const storylines = new Map<string, StorylineState>();
  for (const x of j.storylines) {
    storylines.set(x[0], { id: x[0], n: x[1], body: centroidFromJson(x[2]), entities: centroidFromJson(x[3]), first: x[4], last: x[5], events: x[6], keys: x[7], grown: x[8] ?? j.docs });
  }
  const eventIndex = createPostingIndex(o.postingCap);
  for (const [k, list] of j.ei) eventIndex.lists.set(k, list);
  const anchorIndex = createPostingIndex(o.postingCap);
  for (const [k, list] of j.ai ?? []) anchorIndex.lists.set(k, list);
  const storylineIndex = createPostingIndex(o.postingCap);
  for (const [k, list] of j.si) storylineIndex.lists.set(k, list);
  // Older snapshots: no window marks yet, so everything counts as just seen.
  if (j.v < 3 && o.eventModel !== 'mixture') for (const e of events.values()) e.grown = Math.max(e.grown, j.docs);
  return { docs: j.docs, dfDocs: j.dd ?? j.docs, recent: j.recent ?? [], df, nextEvent: j.ne, nextStoryline: j.ns, events, storylines, redirects: new Map(j.redirects), eventIndex, storylineIndex, absorbQueue: j.aq ?? [], anchorIndex };
}
